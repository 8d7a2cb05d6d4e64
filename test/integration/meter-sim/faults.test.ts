import assert from 'node:assert/strict';
import type { MeterFaults } from '../../../src/sim/meter/faults';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import { findBlock, RawTcpClient, xor7 } from './helpers';

describe('meter simulator faults', () => {
  let server: MeterSimServer | undefined;
  let client: RawTcpClient | undefined;

  async function start(faults: MeterFaults, profile = meterProfile('modeC')): Promise<RawTcpClient> {
    server = new MeterSimServer(profile, { pacing: false, reactionTimeMs: 2, inactivityTimeoutMs: 200, faults });
    const { port } = await server.start();
    client = await RawTcpClient.connect(port);
    return client;
  }

  const waitEvent = (name: string) => server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === name);

  afterEach(async () => {
    await client?.close();
    await server?.stop();
    client = undefined;
    server = undefined;
  });

  it('silence: never answers, but still hears and logs the request', async () => {
    const c = await start({ silence: true });
    c.send('/?!\r\n');
    const ignored = await waitEvent('request-ignored');
    assert.match(ignored.type === 'event' ? ignored.detail : '', /silence/);
    assert.equal(server!.simulator.log.frames()[0].text, '/?!<CR><LF>');
    assert.equal(server!.simulator.sessionsStarted, 0);
    server!.simulator.setFaults({});
    c.send('/?!\r\n');
    await c.waitForText('B32\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5ZMD3104100.B32\r\n', 'nothing came before the answer to the second request');
  });

  it('garbage before: noise without any frame start precedes a normal identification', async () => {
    const c = await start({ garbage: 'before' });
    c.send('/?!\r\n');
    await c.waitForText('B32\r\n');
    const slash = c.received.indexOf('/LGZ5');
    assert.ok(slash > 0, 'garbage first');
    const noise = c.received.subarray(0, slash);
    assert.ok(noise.every((byte) => (byte & 0x7f) !== 0x2f && (byte & 0x7f) >= 0x20), 'garbage cannot be taken for a frame');
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.bcc, xor7(block.covered));
  });

  it('garbage instead: only noise, no identification, then the meter goes quiet', async () => {
    const c = await start({ garbage: 'instead' });
    c.send('/?!\r\n');
    await waitEvent('silent');
    await c.waitFor((received) => received.length >= 24);
    assert.equal(c.received.indexOf('/'), -1);
  });

  it('bad BCC: the readout arrives complete but its BCC does not match', async () => {
    const c = await start({ badBcc: true });
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.ok(block.text.endsWith('!\r\n'));
    assert.notEqual(block.bcc, xor7(block.covered));
  });

  it('cut-off: the data message stops in the middle (no ETX) and the meter goes quiet until the timeout', async () => {
    const c = await start({ cutOff: 0.5 });
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    const idLength = c.received.length;
    c.send('\x06050\r\n');
    await waitEvent('silent');
    await c.waitFor((received) => received.length > idLength);
    const ended = await waitEvent('session-ended');
    assert.match(ended.type === 'event' ? ended.detail : '', /inactivity/);
    assert.equal(c.received.indexOf(0x03), -1, 'no ETX');
    assert.equal(c.received[idLength], 0x02, 'the data message had started');
    const full = meterProfile('modeC').dataBlock.length + 6;
    assert.ok(c.received.length - idLength < full, 'less than the whole message');
  });

  it('echo: every byte received comes straight back before the answer', async () => {
    const c = await start({ echo: true });
    c.send('/?!\r\n');
    await c.waitForText('B32\r\n');
    assert.equal(c.received.toString('latin1'), '/?!\r\n/LGZ5ZMD3104100.B32\r\n');
    c.clear();
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.ok(c.received.toString('latin1').startsWith('\x06050\r\n\x02'));
    assert.equal(block.bcc, xor7(block.covered));
  });

  it('refuse-baud-switch: an option select that changes speed gets garbage and then silence', async () => {
    const c = await start({ refuseBaudSwitch: true });
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.clear();
    c.send('\x06050\r\n');
    await waitEvent('silent');
    await c.waitFor((received) => received.length >= 24);
    assert.equal(findBlock(c.received), undefined);
    assert.equal(c.received.indexOf(0x02), -1, 'no STX');
    const sent = server!.simulator.log.sent();
    assert.deepEqual(sent.map((e) => [e.what, e.baudRate]), [['identification', 300], ['garbage', 300]]);
  });

  it('refuse-baud-switch: without a speed change (Z=0) the readout is normal', async () => {
    const c = await start({ refuseBaudSwitch: true });
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.send('\x06000\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.bcc, xor7(block.covered));
    assert.equal(server!.simulator.log.sent('readout')[0].baudRate, 300);
  });

  it('wake-up-required: a request without NULs is ignored; after 40 NULs it is answered', async () => {
    const c = await start({ wakeUpRequired: true });
    c.send('/?!\r\n');
    const ignored = await waitEvent('request-ignored');
    assert.match(ignored.type === 'event' ? ignored.detail : '', /no wake-up: 0 NULs, 40 needed/);
    c.send(Buffer.alloc(40));
    c.send('/?!\r\n');
    await c.waitForText('B32\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5ZMD3104100.B32\r\n');
  });

  it('switches faults at run time', async () => {
    const c = await start({ silence: true });
    c.send('/?!\r\n');
    await waitEvent('request-ignored');
    server!.simulator.setFaults({});
    c.send('/?!\r\n');
    await c.waitForText('B32\r\n');
    assert.equal(server!.simulator.sessionsStarted, 1);
  });

  it('rejects an impossible fault setting with a clear error', () => {
    server = new MeterSimServer(meterProfile('modeC'));
    assert.throws(() => server!.simulator.setFaults({ cutOff: 1.5 }), (error: Error & { code?: unknown }) => error.code === 'E_BAD_ARGUMENT' && /cutOff/.test(error.message));
  });
});

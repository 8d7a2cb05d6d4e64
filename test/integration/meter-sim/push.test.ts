import assert from 'node:assert/strict';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import type { MeterFaults } from '../../../src/sim/meter/faults';
import { crc16, RawTcpClient } from './helpers';

/** Splits the collected stream into complete push telegrams (`/` ... `!` [CRC] CR LF). */
function telegrams(received: Buffer): string[] {
  return received.toString('latin1').match(/\/[^!]*![0-9A-F]{0,4}\r\n/g) ?? [];
}

describe('meter simulator: mode D push', () => {
  let server: MeterSimServer | undefined;
  let client: RawTcpClient | undefined;

  async function start(name: string, faults: MeterFaults = {}): Promise<RawTcpClient> {
    server = new MeterSimServer(meterProfile(name, { push: { intervalMs: 100 } }), { pacing: false, faults });
    const { port } = await server.start();
    client = await RawTcpClient.connect(port);
    return client;
  }

  afterEach(async () => {
    await client?.close();
    await server?.stop();
    client = undefined;
    server = undefined;
  });

  it('pushes its telegram repeatedly without any request: identification, empty line, data, ! (no STX/ETX/BCC)', async () => {
    const c = await start('modeD');
    await c.waitFor((received) => telegrams(received).length >= 2);
    const [first, second] = telegrams(c.received);
    assert.equal(first, second);
    assert.ok(first.startsWith('/EBZ5DD3BZ06ETA_107\r\n\r\n1-0:0.0.0*255(1EBZ0100507409)\r\n'));
    assert.ok(first.endsWith('1-0:32.7.0*255(231.4*V)\r\n!\r\n'));
    assert.equal(c.received.indexOf(0x02), -1);
    assert.ok(server!.simulator.log.sent('push').every((e) => e.baudRate === 9600));
  });

  it('ignores requests: a push meter has no request/response', async () => {
    const c = await start('modeD');
    c.send('/?!\r\n');
    const ignored = await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'request-ignored');
    assert.match(ignored.type === 'event' ? ignored.detail : '', /only push/);
  });

  it('DSMR style: a CRC16/ARC over / ... ! follows the !', async () => {
    const c = await start('dsmr');
    await c.waitFor((received) => telegrams(received).length >= 1);
    const telegram = telegrams(c.received)[0];
    const bang = telegram.indexOf('!');
    const crc = crc16(Buffer.from(telegram.slice(0, bang + 1), 'latin1'));
    assert.equal(telegram.slice(bang + 1, bang + 5), crc.toString(16).toUpperCase().padStart(4, '0'));
  });

  it('DSMR style with the bad-BCC fault: the CRC does not match', async () => {
    const c = await start('dsmr', { badBcc: true });
    await c.waitFor((received) => telegrams(received).length >= 1);
    const telegram = telegrams(c.received)[0];
    const bang = telegram.indexOf('!');
    assert.notEqual(parseInt(telegram.slice(bang + 1, bang + 5), 16), crc16(Buffer.from(telegram.slice(0, bang + 1), 'latin1')));
  });

  it('silence stops the pushes; clearing it resumes them', async () => {
    const c = await start('modeD', { silence: true });
    await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'push-skipped');
    assert.equal(c.received.length, 0);
    server!.simulator.setFaults({});
    await c.waitFor((received) => telegrams(received).length >= 1);
  });
});

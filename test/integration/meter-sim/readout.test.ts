import assert from 'node:assert/strict';
import { createMemoryLinkPair } from '../../../src/transport/memory';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import { MeterSimulator, MeterSimulatorOptions } from '../../../src/sim/meter/simulator';
import type { MeterProfile } from '../../../src/sim/meter/profile';
import type { MeterPort } from '../../../src/sim/meter/port';
import { Collector, eventually, RawTcpClient, sum7, xor7 } from './helpers';

const FAST: MeterSimulatorOptions = { pacing: false, reactionTimeMs: 2, inactivityTimeoutMs: 3000 };

describe('meter simulator over TCP: request, identification, readout', () => {
  let server: MeterSimServer | undefined;
  let client: RawTcpClient | undefined;

  async function start(meters: MeterProfile | MeterProfile[], options: MeterSimulatorOptions = FAST): Promise<RawTcpClient> {
    server = new MeterSimServer(meters, options);
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

  it('answers a mode C request with its identification, then reads out at the selected speed with a valid XOR BCC', async () => {
    const c = await start(meterProfile('modeC'));
    c.send('/?12345678!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5ZMD3104100.B32\r\n');
    c.clear();
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.end, 0x03);
    assert.equal(block.bcc, xor7(block.covered));
    assert.ok(block.text.startsWith('F.F(00000000)\r\n'));
    assert.ok(block.text.includes('1.6.0(02.468*kW)(2403100930)\r\n'), 'value plus timestamp');
    assert.ok(block.text.includes('1.8.0*01(004398.512*kWh)\r\n'), 'billing period');
    assert.equal(block.text.match(/^0\.2\.0\(/gm)?.length, 2, 'duplicate code kept');
    assert.ok(block.text.endsWith('C.7.0(0003)\r\n!\r\n'));
    const sim = server!.simulator;
    assert.equal(sim.log.sent('readout')[0].baudRate, 9600);
    assert.deepEqual(sim.log.frames().map((f) => f.kind), ['line', 'option-select']);
    assert.equal(sim.sessionsStarted, 1);
    await sim.log.waitFor((e) => e.type === 'event' && e.name === 'session-ended');
    assert.deepEqual(sim.log.entries.filter((e) => e.type === 'baud').map((e) => (e.type === 'baud' ? e.baudRate : 0)), [9600, 300]);
  });

  it('reads out at 300 Bd when the master selects Z=0, and at a lower speed than offered', async () => {
    const c = await start(meterProfile('modeC'));
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.send('\x06000\r\n');
    await c.waitForBlock();
    c.clear();
    await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'session-ended');
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.send('\x06030\r\n');
    await c.waitForBlock();
    assert.deepEqual(server!.simulator.log.sent('readout').map((e) => e.baudRate), [300, 2400]);
  });

  it('stays quiet when the option select asks for more than the meter offers, and answers a lower retry', async () => {
    const c = await start(meterProfile('modeC', { identification: { manufacturer: 'LGZ', baudChar: '4', identification: 'ZMD' } }));
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.clear();
    c.send('\x06050\r\n');
    const refused = await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'option-refused');
    assert.match(refused.type === 'event' ? refused.detail : '', /9600 Bd\) is above the offer of 4800 Bd/);
    assert.equal(c.received.length, 0);
    c.send('\x06040\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.bcc, xor7(block.covered));
    assert.deepEqual(server!.simulator.log.sent('readout').map((e) => e.baudRate), [4800], 'one readout only, at the retried speed');
  });

  it('answers only requests without an address or with its own address (RS-485 multi-drop)', async () => {
    const c = await start(meterProfile('modeC', { address: '12345678' }));
    const sim = server!.simulator;
    c.send('/?87654321!\r\n');
    await sim.log.waitFor((e) => e.type === 'event' && e.name === 'request-ignored');
    c.send('/?12345678!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5ZMD3104100.B32\r\n', 'nothing before: the wrong address got no answer');
    assert.equal(sim.sessionsStarted, 1);
  });

  it('puts several meters on one line: only the addressed one answers', async () => {
    const c = await start([meterProfile('modeC', { address: '111' }), meterProfile('modeE', { address: '222' })]);
    c.send('/?222!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5\\2ZMD3104407.B32\r\n');
    assert.deepEqual(server!.simulators.map((s) => s.sessionsStarted), [0, 1]);
  });

  it('uses a configurable request character (e.g. /#! of some heat meters)', async () => {
    const c = await start(meterProfile('modeC', { requestChar: '#' }));
    c.send('/?!\r\n');
    await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'request-ignored');
    c.send('/#!\r\n');
    await c.waitForText('\r\n');
    assert.equal(server!.simulator.sessionsStarted, 1);
  });

  it('sends a mode A readout right after the identification at 300 Bd with the additive 7-bit checksum', async () => {
    const c = await start(meterProfile('modeA'));
    c.send('/?!\r\n');
    const block = await c.waitForBlock();
    const text = c.received.toString('latin1');
    assert.ok(text.startsWith('/KAM MC\r\n\x02'));
    assert.ok(block.text.includes('6.8(000123,4*MWh)'), 'comma decimals');
    assert.equal(block.bcc, sum7(block.covered));
    assert.notEqual(block.bcc, xor7(block.covered), 'the fixture must tell the two checksums apart');
    assert.deepEqual(server!.simulator.log.sent().map((e) => [e.what, e.baudRate]), [['identification', 300], ['readout', 300]]);
  });

  it('switches to the mode B letter speed right after the identification, without an option select', async () => {
    const c = await start(meterProfile('modeB'));
    c.send('/?!\r\n');
    const block = await c.waitForBlock();
    assert.ok(c.received.toString('latin1').startsWith('/ABBEA1500\r\n'));
    assert.equal(block.bcc, xor7(block.covered));
    assert.deepEqual(server!.simulator.log.sent().map((e) => [e.what, e.baudRate]), [['identification', 300], ['readout', 9600]]);
  });

  it('advertises mode E (\\2) but answers a normal mode C readout to ACK 0 Z 0, and ignores the HDLC option', async () => {
    const c = await start(meterProfile('modeE'));
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5\\2ZMD3104407.B32\r\n');
    c.send('\x06252\r\n');
    await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'mode-not-supported');
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.ok(block.text.includes('1.8.0(012345.678*kWh)'));
    assert.equal(block.bcc, xor7(block.covered));
  });

  it('serves an explicit data block and a custom identification', async () => {
    const c = await start(meterProfile('modeC', { dataBlock: '1.8.0(42*kWh)\r\n', identification: { manufacturer: 'ABC', baudChar: '5', identification: 'X1' } }));
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.text, '1.8.0(42*kWh)\r\n!\r\n');
    assert.ok(c.received.toString('latin1').startsWith('/ABC5X1\r\n'));
  });

  it('serves the large Iskra-style readout of about 9.5 kB with a valid BCC', async () => {
    const c = await start(meterProfile('iskraLarge'));
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    assert.equal(c.received.toString('latin1'), '/ISk5MT174-0001\r\n');
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.ok(block.text.length > 9000 && block.text.length < 10000, `length ${block.text.length}`);
    assert.equal(block.bcc, xor7(block.covered));
  });

  it('drops back to waiting for a request after the inactivity timeout', async () => {
    const c = await start(meterProfile('modeC'), { ...FAST, inactivityTimeoutMs: 150 });
    const sim = server!.simulator;
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    const ended = await sim.log.waitFor((e) => e.type === 'event' && e.name === 'session-ended');
    assert.match(ended.type === 'event' ? ended.detail : '', /inactivity timeout/);
    c.send('\x06050\r\n');
    await sim.log.waitFor((e) => e.type === 'event' && e.name === 'option-select-ignored');
    c.clear();
    c.send('/?!\r\n');
    await c.waitForText('\r\n');
    assert.equal(sim.sessionsStarted, 2);
    c.send('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.bcc, xor7(block.covered));
  });

  it('runs over one end of an in-memory link pair (what the SmartCOM simulator uses)', async () => {
    const [meterEnd, masterEnd] = createMemoryLinkPair('meter-sim');
    await meterEnd.open();
    await masterEnd.open();
    const port: MeterPort = meterEnd; // ByteLink satisfies the meter port
    const simulator = new MeterSimulator(meterProfile('modeC'), FAST);
    simulator.attach(port);
    const master = new Collector();
    masterEnd.on('data', (chunk: Buffer) => master.push(chunk));
    try {
      await masterEnd.write('/?!\r\n');
      await master.waitForText('\r\n');
      await masterEnd.write('\x06050\r\n');
      const block = await master.waitForBlock();
      assert.equal(block.bcc, xor7(block.covered));
      await eventually(() => meterEnd.baudRate === 300);
      assert.equal(simulator.currentBaudRate, 300);
    } finally {
      await masterEnd.close();
      simulator.stop();
    }
  });
});

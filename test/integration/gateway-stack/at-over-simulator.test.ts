import assert from 'node:assert/strict';
import { AtChannel } from '../../../src/at/channel';
import { AtCommand } from '../../../src/at/command';
import { createAtDriver } from '../../../src/at/driver';
import { MeterError } from '../../../src/errors';
import { parseReadout } from '../../../src/iec62056/readout';
import { Connection } from '../../../src/pool/connection';
import { SmartcomSimulator } from '../../../src/sim/smartcom/simulator';
import { parseAmsTable } from '../../../src/smartcom/scams';
import { parseScdataRecords } from '../../../src/smartcom/scdata';

/**
 * The whole gateway path as a node uses it: pool connection -> AT driver (login, ATE1) -> AT channel -> TCP ->
 * SmartCOM simulator (whose AMS reads simulated meters through real IEC 62056-21 sessions) -> response parsers.
 */
describe('gateway stack: pool + AT channel + SmartCOM simulator', () => {
  let sim: SmartcomSimulator;
  let connection: Connection<AtChannel>;

  async function connect(options: ConstructorParameters<typeof SmartcomSimulator>[0] = {}, credentials = {}): Promise<void> {
    sim = new SmartcomSimulator({ port: 0, clock: { speed: 0 }, ...options });
    const { port } = await sim.start();
    connection = new Connection({
      endpoint: { kind: 'tcp', host: '127.0.0.1', port },
      driver: createAtDriver({ loginTimeoutMs: 5000, commandTimeoutMs: 5000, loginQuietMs: 100, ...credentials }),
      queueLimit: 10,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200, factor: 2, jitter: 0 },
      keepAliveMs: 0,
      connectTimeoutMs: 5000,
    });
    connection.addUser('test');
  }

  const run = (command: AtCommand, timeoutMs = 5000) =>
    connection.lease(({ session, signal }) => session.execute(command, { timeoutMs, signal }), { timeoutMs, label: command.text });

  afterEach(async () => {
    await connection.closeAllUsers();
    await sim.stop();
  });

  it('logs in, keeps echo on (and relies on it) and reads the AMS table', async () => {
    await connect({ login: { username: 'admin', password: 's3cret' } }, { username: 'admin', password: 's3cret' });
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '3M' });
    const response = await run(AtCommand.read('^SCAMS'));
    const table = parseAmsTable(response.lines);
    assert.equal(table.devices.length, 1);
    assert.equal(table.devices[0].address, '947834');
    assert.ok(sim.commandLog.some((entry) => entry.line.toUpperCase() === 'ATE1'));
    assert.ok(!sim.commandLog.some((entry) => entry.line.includes('s3cret')), 'the password is not a command');
  });

  it('reads a stored record whose quoted data spans several lines, and parses the meter data in it', async () => {
    await connect();
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '1M' });
    sim.setAmsEnabled(true);
    await sim.advanceClock(60_000);
    const response = await run(AtCommand.set('^SCDATA', ['GET_OLDEST', 1]));
    const [record] = parseScdataRecords(response.lines);
    assert.equal(record.kind, 'ams');
    if (record.kind !== 'ams') return;
    assert.equal(record.errorCode, 0);
    assert.ok(record.data.split('\n').length > 3, 'the data field carries the meter lines');
    const readout = parseReadout(record.data);
    assert.equal(readout.values['C.90']?.values[0].raw, '947834', 'the simulated meter answered its own address');
  });

  for (const [label, bad] of [['a double quote', 'x"y'], ['a CR', 'x\ry'], ['an LF', 'x\nAT^SCDATA="DEL_ALL"'], ['a NUL', 'x\u0000']] as const) {
    it(`rejects an argument with ${label} before any byte is written (simulator command log)`, async () => {
      await connect();
      await run(AtCommand.exec(''));
      const logged = sim.commandLog.length;
      assert.throws(() => AtCommand.set('^SCAMS', ['DEV_ADD', 2, 'IEC62056-21', bad, '3M']), (error: MeterError) => error.code === 'E_BAD_ARGUMENT');
      await run(AtCommand.exec(''));
      assert.deepEqual(sim.commandLog.slice(logged).map((entry) => entry.line), ['AT'], 'only the next valid command reached the gateway');
      assert.equal(sim.table().length, 0);
      assert.equal(sim.deletedRecords.length, 0);
    });
  }

  it('a timed-out command fails alone: its late answer is not taken for the next command', async () => {
    await connect();
    sim.setResponseDelay(600);
    await assert.rejects(run(AtCommand.read('^SCAMS'), 200), (error: MeterError) => error.code === 'E_TIMEOUT');
    sim.setResponseDelay(0);
    const response = await run(AtCommand.set('^SCDATA', ['MESS_CNT']), 5000);
    assert.equal(response.lines.length, 1, `got ${JSON.stringify(response.lines)}`);
    assert.match(response.lines[0], /^\^SCDATA: "MESS_CNT",0$/);
    assert.equal(sim.acceptedConnections, 1, 'the late answer came: same link');
  });

  it('a command the gateway never answers fails alone: the link is reopened and the next command runs', async () => {
    await connect();
    sim.setSilent(true);
    await assert.rejects(run(AtCommand.read('^SCAMS'), 300), (error: MeterError) => error.code === 'E_TIMEOUT');
    sim.setSilent(false);
    const response = await run(AtCommand.set('^SCDATA', ['MESS_CNT']), 10_000);
    assert.equal(response.lines.length, 1, `got ${JSON.stringify(response.lines)}`);
    assert.match(response.lines[0], /^\^SCDATA: "MESS_CNT",0$/);
    assert.equal(sim.acceptedConnections, 2, 'one reconnect brought the session back in step');
    assert.equal(connection.stats().counters.leaseFailures, 0);
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { RawClient } from './raw-client';
import { MINUTE, simulatorFixture } from './fixture';

/** Resolves once the simulator has received `count` more command lines. */
function commandsReceived(sim: import('../../../src/sim/smartcom').SmartcomSimulator, count: number): Promise<void> {
  const target = sim.commandLog.length + count;
  return new Promise((resolve) => {
    const check = (): void => {
      if (sim.commandLog.length < target) return;
      sim.off('command', check);
      resolve();
    };
    sim.on('command', check);
  });
}

describe('SmartCOM simulator: fault injection and observability', () => {
  const fixture = simulatorFixture();

  it('dropConnections() closes every client socket and keeps listening', async () => {
    const sim = await fixture.start({ echo: false });
    const first = await fixture.connect(sim);
    const second = await fixture.connect(sim);
    await first.command('AT');
    await second.command('AT');
    assert.equal(sim.openConnections, 2);
    sim.dropConnections();
    await Promise.all([first.closed, second.closed]);
    const third = await fixture.connect(sim);
    assert.equal(await third.command('AT'), 'OK\r\n');
    assert.equal(sim.acceptedConnections, 3);
  });

  it('setSilent(true) keeps the socket open but answers nothing; commands are still logged; setSilent(false) resumes', async () => {
    const { sim, client } = await fixture.session({ echo: true });
    sim.setSilent(true);
    const logged = commandsReceived(sim, 2);
    client.write('AT\rAT^SCAMS="ENABLE",1\r');
    await logged;
    const probe = await fixture.connect(sim);
    assert.equal(probe.received, '', 'a new connection gets no answer either');
    assert.equal(client.received, '');
    assert.equal(client.socket.destroyed, false);
    assert.equal(sim.ams.enabled, false, 'ignored commands have no effect');
    sim.setSilent(false);
    assert.equal(await client.command('AT'), 'AT\r\nOK\r\n');
  });

  it('setResponseDelay() holds the answer (the echo comes at once)', async () => {
    const { sim, client } = await fixture.session({ echo: true });
    sim.setResponseDelay(2000);
    client.write('AT\r');
    await client.waitFor(/^AT\r\n/);
    assert.equal(client.unread(), '', 'no answer yet, only the echo');
    sim.setResponseDelay(0);
    assert.equal(await client.nextResponse(), 'OK\r\n');
  });

  it('setResponseDelay() keeps answers in command order', async () => {
    const { sim, client } = await fixture.session();
    sim.setResponseDelay(20);
    client.write('ATI3\rAT^FOO\rAT\r');
    assert.equal(await client.nextResponse(), `${sim.options.firmware}\r\nOK\r\n`);
    assert.equal(await client.nextResponse(), 'ERROR\r\n');
    assert.equal(await client.nextResponse(), 'OK\r\n');
  });

  it('reboot() drops connections, refuses new ones while down, and keeps the table and records', async () => {
    const { sim, client } = await fixture.session({ echo: true });
    await client.command('ATE0');
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(2 * MINUTE);
    const port = sim.address().port;
    const rebooted = sim.reboot(60_000);
    await client.closed;
    await assert.rejects(RawClient.connect(port), { code: 'ECONNREFUSED' });
    assert.equal(sim.table().length, 1);
    assert.equal(sim.records().length, 2);
    sim.stop().catch(() => undefined);
    await rebooted;
  });

  it('comes back on the same port after the down time, echo back to the default', async () => {
    const { sim, client } = await fixture.session({ echo: true });
    await client.command('ATE0');
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(2 * MINUTE);
    const port = sim.address().port;
    await sim.reboot(50);
    assert.equal(sim.address().port, port);
    const after = await fixture.connect(sim);
    assert.equal(await after.command('AT'), 'AT\r\nOK\r\n', 'echo state is per connection and starts from the default');
    assert.equal(await after.command('AT^SCAMS?'), 'AT^SCAMS?\r\n^SCAMS: "ENABLE",1\r\n^SCAMS: "RETRY",0\r\n^SCAMS: "DEV_CNT",1\r\n'
      + '^SCAMS: 1> 2,"IEC62056-21","947834","1M"\r\nOK\r\n');
    assert.equal(sim.records().length, 2);
    assert.equal(sim.acceptedConnections, 2);
  });

  it('logs every command line raw, with the connection it came on, and emits command/connection events', async () => {
    const sim = await fixture.start({ echo: false });
    const connections: number[] = [];
    sim.on('connection', (info: { id: number }) => connections.push(info.id));
    const first = await fixture.connect(sim);
    const second = await fixture.connect(sim);
    await first.command('at^scams?  ');
    await second.command('AT^SCDATA="MESS_CNT"', '\r\n');
    await first.command('nonsense');
    assert.deepEqual(sim.commandLog.map(({ connection, line }) => [connection, line]),
      [[1, 'at^scams?  '], [2, 'AT^SCDATA="MESS_CNT"'], [1, 'nonsense']]);
    assert.ok(sim.commandLog.every((entry) => typeof entry.at === 'number'));
    assert.deepEqual(connections, [1, 2]);
  });

  it('stop() closes every socket and the listener', async () => {
    const sim = await fixture.start({ echo: false });
    const client = await fixture.connect(sim);
    await client.command('AT');
    const port = sim.address().port;
    const disconnected = once(sim, 'disconnect');
    await sim.stop();
    await client.closed;
    await disconnected;
    assert.equal(sim.openConnections, 0);
    await assert.rejects(RawClient.connect(port), { code: 'ECONNREFUSED' });
    assert.throws(() => sim.address(), { code: 'E_NOT_CONNECTED' });
  });

  it('stop() cancels a long DIRECT_READ and a pending response delay', async () => {
    const sim = await fixture.start({ echo: false, directReadMs: 600_000 });
    const client = await fixture.connect(sim);
    const logged = commandsReceived(sim, 1);
    client.write('AT^SCAMS="DIRECT_READ",2,"IEC62056-21","1"\r');
    await logged;
    await sim.stop();
    await client.closed;
  });
});

import assert from 'node:assert/strict';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import { commandFrame, RawTcpClient, SOH } from './helpers';

/**
 * A master that sends its last bytes and hangs up at once (our client sends the break B0 and closes
 * 2 ms later). With pacing on, the simulated meter hears bytes only after their wire time; the
 * connection closing meanwhile must not make it forget bytes it has already received.
 */
describe('meter simulator: bytes received just before the connection closes', () => {
  let server: MeterSimServer | undefined;
  let client: RawTcpClient | undefined;

  afterEach(async () => {
    await client?.close();
    await server?.stop();
    client = undefined;
    server = undefined;
  });

  async function connect(): Promise<RawTcpClient> {
    server = new MeterSimServer(meterProfile('programming'), { reactionTimeMs: 2 });
    const { port } = await server.start();
    client = await RawTcpClient.connect(port);
    return client;
  }

  it('logs a break (5 bytes, about 170 ms at 300 Bd) that the master sent right before it closed', async () => {
    const c = await connect();
    c.socket.end(commandFrame('B0'));
    const frame = await server!.simulator.log.waitFor((e) => e.type === 'frame' && e.text.startsWith('<SOH>B0<ETX>'), 5000);
    assert.equal(frame.type === 'frame' ? frame.kind : '', 'command');
  });

  it('takes a break sent right before the close as a break in programming mode', async () => {
    const c = await connect();
    c.send('/?10067967!\r\n');
    await c.waitForText('\r\n');
    c.clear();
    c.send('\x06001\r\n'); // programming mode, staying at 300 Bd: the break takes its full wire time
    await c.waitForBlock(0, SOH);
    c.socket.end(commandFrame('B0'));
    const received = await server!.simulator.log.waitFor((e) => e.type === 'event' && e.name === 'break-received', 5000);
    assert.equal(received.type === 'event' ? received.detail : '', 'B0');
  });
});

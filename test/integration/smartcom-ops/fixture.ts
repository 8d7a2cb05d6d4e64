/** A SmartCOM simulator behind a pooled AT connection, as a node uses it; closed after each test. */
import type { AtChannel } from '../../../src/at/channel';
import { createAtDriver } from '../../../src/at/driver';
import { Connection } from '../../../src/pool/connection';
import { SmartcomSimulator, type SmartcomSimulatorOptions } from '../../../src/sim/smartcom';
import type { SmartcomClient } from '../../../src/smartcom/client';
import { withSmartcom } from '../../../src/smartcom/with-smartcom';

export interface GatewayUnderTest {
  sim: SmartcomSimulator;
  connection: Connection<AtChannel>;
  /** Runs `work` in one lease of the pooled connection. */
  run<T>(work: (client: SmartcomClient) => Promise<T>): Promise<T>;
  /** Marks the command log; `sentSince(mark)` gives the lines received after it. */
  mark(): number;
  sentSince(mark: number): string[];
}

/** Write commands: everything but reads (`?`), test commands (`=?`) and the driver's `ATE0` / `AT`. */
export function writesIn(lines: readonly string[]): string[] {
  return lines.filter((line) => !line.endsWith('?') && !/^ATE0?$|^AT$/i.test(line));
}

export function gatewayFixture(): { start(options?: SmartcomSimulatorOptions): Promise<GatewayUnderTest> } {
  const open: GatewayUnderTest[] = [];
  afterEach(async () => {
    for (const gateway of open.splice(0)) {
      await gateway.connection.closeAllUsers();
      await gateway.sim.stop();
    }
  });
  return {
    async start(options = {}) {
      const sim = new SmartcomSimulator({ clock: { speed: 0 }, errorStyle: 'numbered', ...options });
      const { port } = await sim.start();
      const connection = new Connection<AtChannel>({
        endpoint: { kind: 'tcp', host: '127.0.0.1', port },
        driver: createAtDriver({ loginTimeoutMs: 5000, commandTimeoutMs: 5000, loginQuietMs: 50 }),
        queueLimit: 10,
        reconnect: { initialDelayMs: 50, maxDelayMs: 200, factor: 2, jitter: 0 },
        keepAliveMs: 0,
        connectTimeoutMs: 5000,
      });
      connection.addUser('test');
      const gateway: GatewayUnderTest = {
        sim,
        connection,
        run: (work) => withSmartcom(connection, work, { timeoutMs: 15_000, commandTimeoutMs: 5000 }),
        mark: () => sim.commandLog.length,
        sentSince: (mark) => sim.commandLog.slice(mark).map((entry) => entry.line),
      };
      open.push(gateway);
      await gateway.run(async () => undefined); // connected, ATE0 sent: the log holds only what the test sends next
      return gateway;
    },
  };
}

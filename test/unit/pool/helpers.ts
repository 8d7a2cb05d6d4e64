import { Connection } from '../../../src/pool/connection';
import { LineServer } from '../transport/line-server';
import type { ConnectionOptions, ConnectionState, ConnectionStats } from '../../../src/pool/types';
import type { LineSession } from './line-driver';
import { lineDriver } from './line-driver';

export function tcpOptions(port: number, overrides: Partial<ConnectionOptions<LineSession>> = {}): ConnectionOptions<LineSession> {
  return {
    endpoint: { kind: 'tcp', host: '127.0.0.1', port },
    driver: lineDriver({ keepAlive: false }),
    queueLimit: 8,
    reconnect: { initialDelayMs: 20, maxDelayMs: 200, factor: 2, jitter: 0 },
    keepAliveMs: 0,
    connectTimeoutMs: 5000,
    ...overrides,
  };
}

/** Every 'state' event of a connection, from now on. */
export function recordStates<S>(connection: Connection<S>): ConnectionStats[] {
  const seen: ConnectionStats[] = [];
  connection.on('state', (stats: ConnectionStats) => seen.push(stats));
  return seen;
}

/** Resolves when the connection reports `state` (at once if it is already there). */
export function reachState<S>(connection: Connection<S>, state: ConnectionState, timeoutMs = 10_000): Promise<ConnectionStats> {
  if (connection.stats().state === state) return Promise.resolve(connection.stats());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off('state', onState);
      reject(new Error(`${connection.key} did not reach ${state}; it is ${connection.stats().state}`));
    }, timeoutMs);
    const onState = (stats: ConnectionStats): void => {
      if (stats.state !== state) return;
      clearTimeout(timer);
      connection.off('state', onState);
      resolve(stats);
    };
    connection.on('state', onState);
  });
}

/** A promise with its resolve function, to hold a lease open until the test lets go. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A loopback line server per test, and connections to it that are closed after the test. */
export interface LineServerPerTest {
  readonly server: LineServer;
  /** A connection with one user ('test'), to the test's server unless another port is given. */
  open(overrides?: Partial<ConnectionOptions<LineSession>>, port?: number): Connection<LineSession>;
  /** Closes the connection after the test (for connections made without open()). */
  track(connection: Connection<LineSession>): Connection<LineSession>;
}

export function useLineServerPerTest(): LineServerPerTest {
  let server: LineServer | undefined;
  const connections: Connection<LineSession>[] = [];
  beforeEach(async () => {
    server = await new LineServer().start();
  });
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.closeAllUsers()));
    await server?.stop();
    server = undefined;
  });
  const running = (): LineServer => {
    if (!server) throw new Error('no line server: use this inside a test');
    return server;
  };
  const track = (connection: Connection<LineSession>): Connection<LineSession> => {
    connections.push(connection);
    return connection;
  };
  return {
    get server() {
      return running();
    },
    track,
    open(overrides = {}, port = running().port) {
      const connection = track(new Connection(tcpOptions(port, overrides)));
      connection.addUser('test');
      return connection;
    },
  };
}

import { Connection } from '../../../src/pool/connection';
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

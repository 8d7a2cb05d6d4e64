import { isMeterError, MeterError } from '../errors';
import type { Connection } from '../pool/connection';
import { ConnectionPool, defaultPool } from '../pool/pool';
import type { ConnectionOptions, ConnectionStats, ReconnectPolicy } from '../pool/types';
import { endpointKey, type ByteLink, type Endpoint } from '../transport/link';
import { createIecDriver } from './driver';

/** How a direct meter link is pooled. Defaults suit a probe that may be unplugged and plugged back in. */
export interface MeterConnectionOptions {
  pool?: ConnectionPool;
  /** Reads that may wait for the link (besides the running one). Default 20. */
  queueLimit?: number;
  /** Reopening a lost link: default 250 ms doubling up to 5 s, so a port that is back is used within seconds. */
  reconnect?: Partial<ReconnectPolicy>;
  /** Opening the port or the TCP connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Injected in tests. */
  linkFactory?: ConnectionOptions<ByteLink>['linkFactory'];
}

export const METER_RECONNECT: ReconnectPolicy = { initialDelayMs: 250, maxDelayMs: 5000, factor: 2, jitter: 0.2 };

/** Connections made by this module: another kind on the same key (an AT gateway link) must not be shared. */
const meterConnections = new WeakSet<object>();

/**
 * The pooled link to a meter endpoint, shared by every user of that endpoint (`userId` unique per user).
 * Release it with releaseMeterConnection; the link closes when its last user leaves.
 */
export function acquireMeterConnection(endpoint: Endpoint, userId: string, options: MeterConnectionOptions = {}): Connection<ByteLink> {
  const pool = options.pool ?? defaultPool;
  const key = endpointKey(endpoint);
  const existing = pool.get(key);
  if (existing && !meterConnections.has(existing)) {
    throw new MeterError(endpoint.kind === 'serial' ? 'E_SERIAL_CONFLICT' : 'E_BAD_ARGUMENT', `${key} is already open for another purpose (e.g. a smartcom-config node); a meter cannot share it`, {
      details: { key },
      hint: 'Read the meter through that gateway (path "gateway"), or give the meter its own port.',
    });
  }
  const connection = pool.acquire<ByteLink>({
    endpoint,
    driver: createIecDriver(),
    queueLimit: options.queueLimit ?? 20,
    reconnect: { ...METER_RECONNECT, ...options.reconnect },
    keepAliveMs: 0,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    ...(options.linkFactory ? { linkFactory: options.linkFactory } : {}),
  }, userId);
  meterConnections.add(connection);
  return connection;
}

export function releaseMeterConnection(connection: Connection<ByteLink>, userId: string, pool: ConnectionPool = defaultPool): Promise<void> {
  return pool.release(connection, userId);
}

/**
 * Resolves once the connection is up; rejects after `waitMs` with why it is not (e.g. the serial port is
 * missing), so a read does not sit in the queue for its whole timeout while a probe is unplugged.
 */
export function whenConnected(connection: Connection<ByteLink>, waitMs: number, signal?: AbortSignal): Promise<void> {
  if (connection.stats().state === 'connected') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: MeterError): void => {
      clearTimeout(timer);
      connection.off('state', onState);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onState = (stats: ConnectionStats): void => {
      if (stats.state === 'connected') finish();
    };
    const onAbort = (): void => finish(new MeterError('E_ABORTED', `waiting for ${connection.key} was aborted`));
    const timer = setTimeout(() => finish(unavailable(connection)), waitMs);
    connection.on('state', onState);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function unavailable(connection: Connection<ByteLink>): MeterError {
  const { lastError, state } = connection.stats();
  const why = lastError ? lastError.message : state;
  const code = lastError && isMeterError(lastError) ? lastError.code : 'E_NOT_CONNECTED';
  return new MeterError(code, `${connection.key} is not available: ${why}`, {
    cause: lastError,
    details: { key: connection.key, state },
    hint: connection.endpoint.kind === 'serial'
      ? 'Check that the probe or adapter is plugged in; the port is reopened by itself when it is back, no redeploy needed.'
      : 'Check the host and port of the serial tunnel; the connection is retried by itself.',
  });
}

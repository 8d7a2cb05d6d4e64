/**
 * The one status vocabulary of the package: a connection's stats become one node status, which
 * the config node pushes to every node that uses it. Texts are catalog keys of the
 * smartcom-config namespace (locales/en-US/smartcom-config.json), translated by the runtime.
 */
import type { ErrorCode } from '../../src/errors';
import type { ConnectionStats } from '../../src/pool/types';
import type { NodeStatus, StatusFill, StatusShape } from './red';

/** A status before translation: the catalog key and its substitutions. */
export interface StatusDescriptor {
  fill: StatusFill;
  shape: StatusShape;
  key: string;
  params?: Record<string, string | number>;
}

const PREFIX = 'smartcom-config.status.';

/** Failures that a retry will not fix on its own: shown red even while the pool retries. */
const NEEDS_THE_USER: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_LOGIN_FAILED',
  'E_SERIAL_UNAVAILABLE',
  'E_SERIAL_CONFLICT',
  'E_BAD_ARGUMENT',
]);

/** Short reasons (catalog keys under smartcom-config.reason) for the red error status. */
const REASONS: Readonly<Record<string, string>> = {
  E_CONNECT_FAILED: 'unreachable',
  E_CONNECTION_LOST: 'link-lost',
  E_LOGIN_FAILED: 'login-failed',
  E_SERIAL_UNAVAILABLE: 'no-serialport',
  E_SERIAL_CONFLICT: 'port-conflict',
  E_BAD_ARGUMENT: 'bad-config',
  E_TIMEOUT: 'no-answer',
  E_CLOSED: 'closed',
};

export function reasonKey(code: ErrorCode | undefined): string {
  const reason = code === undefined ? undefined : REASONS[String(code)];
  return `smartcom-config.reason.${reason ?? 'other'}`;
}

export function describeStatus(stats: ConnectionStats): StatusDescriptor {
  switch (stats.state) {
    case 'idle':
    case 'connecting':
      return { fill: 'yellow', shape: 'ring', key: `${PREFIX}connecting` };
    case 'connected':
      return describeConnected(stats);
    case 'reconnecting':
      if (stats.lastError && NEEDS_THE_USER.has(stats.lastError.code)) return describeError(stats.lastError.code);
      if (stats.reconnectInMs === undefined) return { fill: 'yellow', shape: 'ring', key: `${PREFIX}reconnecting` };
      return {
        fill: 'yellow',
        shape: 'ring',
        key: `${PREFIX}reconnecting-in`,
        params: { seconds: Math.max(1, Math.ceil(stats.reconnectInMs / 1000)) },
      };
    case 'closing':
    case 'closed':
      return stats.lastError ? describeError(stats.lastError.code) : { fill: 'grey', shape: 'ring', key: `${PREFIX}closed` };
  }
}

function describeConnected(stats: ConnectionStats): StatusDescriptor {
  if (stats.queueLength > 0) return { fill: 'blue', shape: 'dot', key: `${PREFIX}busy-queued`, params: { queued: stats.queueLength } };
  if (stats.leaseActive) return { fill: 'blue', shape: 'dot', key: `${PREFIX}busy` };
  return { fill: 'green', shape: 'dot', key: `${PREFIX}connected` };
}

export function describeError(code: ErrorCode | undefined): StatusDescriptor {
  return { fill: 'red', shape: 'ring', key: `${PREFIX}error`, params: { reason: reasonKey(code) } };
}

/**
 * Turns a descriptor into a Node-RED status. `translate` is RED._ (which returns the key itself
 * in the test helper); a reason parameter is itself a key and is translated first.
 */
export function renderStatus(
  descriptor: StatusDescriptor,
  translate: (key: string, params?: Record<string, string | number>) => string,
): NodeStatus {
  const params = descriptor.params ? { ...descriptor.params } : undefined;
  if (params && typeof params.reason === 'string') params.reason = translate(params.reason);
  return { fill: descriptor.fill, shape: descriptor.shape, text: translate(descriptor.key, params) };
}

export function sameStatus(a: NodeStatus | undefined, b: NodeStatus): boolean {
  return a !== undefined && a.fill === b.fill && a.shape === b.shape && a.text === b.text;
}

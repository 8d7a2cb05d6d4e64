import type { ConnectionCounters } from './types';

/** The counters of a connection that has done nothing yet. */
export function emptyCounters(): ConnectionCounters {
  return {
    connects: 0, disconnects: 0, leases: 0, leaseTimeouts: 0, leaseFailures: 0,
    queueOverflows: 0, keepAliveFailures: 0, bytesIn: 0, bytesOut: 0,
  };
}

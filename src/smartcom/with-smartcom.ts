import type { AtChannel } from '../at/channel';
import type { LeaseFn, LeaseOptions } from '../pool/types';
import { DEFAULT_COMMAND_TIMEOUT_MS, SmartcomClient } from './client';

/**
 * Anything that lends an AT channel for a lease: a pooled `Connection<AtChannel>`, or the
 * smartcom-config node's shared connection (both have this method).
 */
export interface AtChannelLender {
  lease<T>(fn: LeaseFn<AtChannel, T>, options: LeaseOptions): Promise<T>;
}

export interface WithSmartcomOptions {
  /** The whole lease: every command of `work`, e.g. all steps of a sync. */
  timeoutMs: number;
  /** Each command; default the smaller of timeoutMs and 10 s. */
  commandTimeoutMs?: number;
  /** Cancels the lease (while queued or running). */
  signal?: AbortSignal;
  /** For logs and timeout messages. */
  label?: string;
}

/**
 * Runs `work` with a SmartcomClient in ONE lease: no other user's command can come between its
 * commands (a sync's read, changes and read-back stay together). The client's commands stop when
 * the lease times out, is aborted, or the link is lost.
 *
 *   const table = await withSmartcom(connection, (gateway) => gateway.amsStatus(), { timeoutMs: 10_000 });
 *   const result = await withSmartcom(connection, (gateway) => syncAms(gateway, wanted), { timeoutMs: 120_000 });
 */
export function withSmartcom<T>(lender: AtChannelLender, work: (client: SmartcomClient) => Promise<T>, options: WithSmartcomOptions): Promise<T> {
  const commandTimeoutMs = options.commandTimeoutMs ?? Math.min(options.timeoutMs, DEFAULT_COMMAND_TIMEOUT_MS);
  const leaseOptions: LeaseOptions = { timeoutMs: options.timeoutMs, label: options.label ?? 'smartcom' };
  if (options.signal) leaseOptions.signal = options.signal;
  return lender.lease((lease) => work(new SmartcomClient(lease.session, { commandTimeoutMs, lease })), leaseOptions);
}

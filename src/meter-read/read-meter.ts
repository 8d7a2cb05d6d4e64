import { isMeterError, MeterError } from '../errors';
import type { Connection } from '../pool/connection';
import type { ByteLink } from '../transport/link';
import { whenConnected } from './connection';
import { type MeterReadRequest, type MeterReadResult, runMeterRead } from './request';

export interface ReadMeterOptions {
  /** The whole read once it is the link's turn (a 300 Bd readout or a load profile takes tens of seconds). */
  timeoutMs: number;
  /** How long a read waits for a link that is down (reopening) before it fails. Default 10 s. */
  connectWaitMs?: number;
  signal?: AbortSignal;
  label?: string;
}

/**
 * Reads a meter over a pooled link: one lease, so reads of several callers on one endpoint run one after
 * another and their bytes never interleave. A timeout fails this read alone (the lease is given up and the
 * next read runs); a lost link fails it with a clear error and is reopened by the pool for the next read.
 */
export async function readMeter(connection: Connection<ByteLink>, request: MeterReadRequest, options: ReadMeterOptions): Promise<MeterReadResult> {
  await whenConnected(connection, options.connectWaitMs ?? 10_000, options.signal);
  try {
    return await connection.lease(({ link, signal }) => runMeterRead(link, request, signal), {
      timeoutMs: options.timeoutMs,
      label: options.label ?? `meter read on ${connection.key}`,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw explain(error, connection);
  }
}

/** A serial link lost mid-read is most often an unplugged USB probe: say so, and what happens next. */
function explain(error: unknown, connection: Connection<ByteLink>): unknown {
  if (!isMeterError(error) || error.code !== 'E_CONNECTION_LOST' || connection.endpoint.kind !== 'serial') return error;
  return new MeterError('E_CONNECTION_LOST', `serial port ${connection.endpoint.path} went away during the read (unplugged?): ${error.message}`, {
    cause: error,
    details: { ...error.details, path: connection.endpoint.path },
    hint: 'Plug the probe or adapter back in: the port is reopened by itself and the next read uses it, no redeploy needed.',
  });
}

import type { ErrorCode } from '../../errors';

/**
 * Failures after which the drain starts the round over from a fresh read: the link went away or
 * a command got no (or a garbled) answer. Starting over is always safe: every round re-reads the
 * oldest records and re-confirms before it deletes, and never delivers a known record again.
 */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['E_CONNECTION_LOST', 'E_TIMEOUT', 'E_NOT_CONNECTED', 'E_PARSE', 'E_CONNECT_FAILED']);

export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return TRANSIENT.has(code as ErrorCode);
}

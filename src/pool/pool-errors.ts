import { MeterError, isMeterError } from '../errors';

/** The errors a Connection reports, worded in one place. */

export function connectionLost(key: string, error: Error | undefined): MeterError {
  if (isMeterError(error) && error.code === 'E_CONNECTION_LOST') return error;
  return new MeterError('E_CONNECTION_LOST', `${key}: the link closed${error ? `: ${error.message}` : ''}`, { cause: error });
}

export function leaseAborted(label: string): MeterError {
  return new MeterError('E_ABORTED', `${label} was aborted by the caller`);
}

/** Where a lease was when it timed out: running, at the head waiting for the link, or still queued behind others. */
export type LeasePhase = 'running' | 'head' | 'queued';

export function leaseTimedOut(key: string, label: string, timeoutMs: number, phase: LeasePhase, waitingFor: string): MeterError {
  const where = { running: '', head: ` waiting for ${key} (${waitingFor})`, queued: ` in the queue of ${key} (${waitingFor})` }[phase];
  return new MeterError('E_TIMEOUT', `${label} timed out after ${timeoutMs} ms${where}`, {
    details: { key, label, timeoutMs, started: phase === 'running', queued: phase === 'queued' },
  });
}

export function queueFull(key: string, label: string, waiting: number, queueLimit: number): MeterError {
  return new MeterError('E_QUEUE_FULL', `${label}: ${waiting} requests already wait for ${key}`, {
    details: { key, queueLimit, label },
    hint: 'Send fewer requests at a time (e.g. a slower trigger) or raise the queue limit.',
  });
}

/** Wraps a foreign error; a MeterError passes unchanged. */
export function asMeterError(error: unknown, code: 'E_CONNECT_FAILED' | 'E_PROTOCOL' | 'E_TIMEOUT', context: string): MeterError {
  if (isMeterError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MeterError(code, `${context}: ${message}`, { cause: error });
}

/** The keep-alive probe failed or timed out: the link is treated as lost. */
export function keepAliveLost(key: string, error: unknown): MeterError {
  const cause = asMeterError(error, 'E_TIMEOUT', 'keep-alive failed');
  return new MeterError('E_CONNECTION_LOST', `${key}: keep-alive failed (${cause.message}); the link is presumed dead`, { cause });
}

export function badLeaseTimeout(label: string, timeoutMs: number): MeterError {
  return new MeterError('E_BAD_ARGUMENT', `${label}: timeoutMs must be a positive number, got ${timeoutMs}`);
}

export function noUser(key: string, label: string): MeterError {
  return new MeterError('E_CLOSED', `${label}: the connection ${key} is closed (no registered user)`);
}

export function closedByLastUser(key: string): MeterError {
  return new MeterError('E_CLOSED', `${key} was closed: its last user left`);
}

export function noSessionWithin(key: string, timeoutMs: number): MeterError {
  return new MeterError('E_CONNECT_FAILED', `${key}: no session within ${timeoutMs} ms`);
}

/** The session's readiness said 'reset'. */
export function sessionOutOfStep(key: string): MeterError {
  return new MeterError('E_CONNECTION_LOST', `${key}: the device never answered an abandoned command; reopening the link to get back in step`);
}

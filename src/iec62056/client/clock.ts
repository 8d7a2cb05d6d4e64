import { MeterError } from '../../errors';

/** Session time-outs raised through the session's signal (so every wait that honours the signal ends with it). */
const sessionTimeouts = new WeakSet<MeterError>();

/** The error a fired signal means: our own session deadline (E_TIMEOUT), or the caller's abort (E_ABORTED). */
export function abortedError(stage: string, signal?: AbortSignal): MeterError {
  const reason: unknown = signal?.reason;
  if (reason instanceof MeterError && sessionTimeouts.has(reason)) return reason;
  return new MeterError('E_ABORTED', `the meter session was aborted (${stage})`, { details: { stage } });
}

export function throwIfAborted(signal: AbortSignal | undefined, stage: string): void {
  if (signal?.aborted) throw abortedError(stage, signal);
}

/** Waits `ms`, or rejects as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, stage: string): Promise<void> {
  throwIfAborted(signal, stage);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(stage, signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles with `promise`, or rejects when the signal fires first (a link write or speed change that hangs). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, stage: string): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal, stage);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(stage, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface SessionDeadline {
  /** Fires at the deadline (E_TIMEOUT) or when the caller's signal fires (E_ABORTED). */
  signal: AbortSignal;
  clear(): void;
}

/** The overall deadline of a session, `boundMs` from now, joined with the caller's signal. */
export function sessionDeadline(boundMs: number, callerSignal: AbortSignal | undefined): SessionDeadline {
  const controller = new AbortController();
  const timeout = new MeterError('E_TIMEOUT', `the meter session did not end within its bound of ${boundMs} ms`, {
    details: { sessionBoundMs: boundMs },
    hint: 'A phase deadline should have ended it first: please report this with the options used.',
  });
  sessionTimeouts.add(timeout);
  const timer = setTimeout(() => controller.abort(timeout), boundMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Monotonic milliseconds. */
export function now(): number {
  return performance.now();
}

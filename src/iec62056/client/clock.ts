import { MeterError } from '../../errors';

export function abortedError(stage: string): MeterError {
  return new MeterError('E_ABORTED', `the meter session was aborted (${stage})`, { details: { stage } });
}

export function throwIfAborted(signal: AbortSignal | undefined, stage: string): void {
  if (signal?.aborted) throw abortedError(stage);
}

/** Waits `ms`, or rejects with E_ABORTED as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, stage: string): Promise<void> {
  throwIfAborted(signal, stage);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(stage));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Monotonic milliseconds. */
export function now(): number {
  return performance.now();
}

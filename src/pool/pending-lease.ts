import type { LeaseContext, LeaseFn, LeaseOptions } from './types';

export type LeaseOutcome = { value: unknown } | { error: unknown };

/**
 * One lease from the moment it is queued until it settles. Its timer runs from when it reaches the
 * head of the queue; its controller's signal is what the lease function sees.
 */
export class PendingLease<S> {
  readonly controller = new AbortController();
  /** The lease function has been called. */
  running = false;
  settled = false;
  private timer: NodeJS.Timeout | undefined;
  private stopWatchingCaller: (() => void) | undefined;

  constructor(
    readonly fn: LeaseFn<S, unknown>,
    readonly options: LeaseOptions,
    /** Keep-alive probes are leases the connection makes for itself. */
    readonly internal: boolean,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  get label(): string {
    return this.options.label ?? 'lease';
  }

  startTimer(onTimeout: () => void): void {
    if (!this.timer && !this.settled) this.timer = setTimeout(onTimeout, this.options.timeoutMs);
  }

  /** Calls the lease function; a synchronous throw becomes a rejection, so both end up in one place. */
  invoke(context: LeaseContext<S>): Promise<unknown> {
    try {
      return Promise.resolve(this.fn(context));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  watchCallerSignal(onAbort: () => void): void {
    const signal = this.options.signal;
    if (!signal) return;
    signal.addEventListener('abort', onAbort, { once: true });
    this.stopWatchingCaller = () => signal.removeEventListener('abort', onAbort);
  }

  /** Settles once; a failure also aborts the signal so that the lease function stops writing. */
  settle(outcome: LeaseOutcome): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    this.stopWatchingCaller?.();
    if ('error' in outcome) {
      this.controller.abort(outcome.error);
      this.reject(outcome.error);
    } else {
      this.resolve(outcome.value);
    }
    return true;
  }
}

import type { ByteLink } from '../transport/link';
import type { LeaseContext, LeaseFn, LeaseOptions } from './types';

export type LeaseOutcome = { value: unknown } | { error: unknown };

/**
 * One lease from the moment it is queued until it settles. It is timed from the moment it is queued:
 * first with a bound on its wait in the queue, then, once it reaches the head, with its own timeoutMs
 * (see LeaseOptions.timeoutMs). Its signal (made on first use) is what the lease function sees.
 */
export class PendingLease<S> {
  private controller: AbortController | undefined;
  /** Why the lease failed, for a signal made after the failure. */
  private failure: { error: unknown } | undefined;
  /** The lease function has been called. */
  running = false;
  settled = false;
  private timer: NodeJS.Timeout | undefined;
  /** The head's timer runs; before that only the queue-wait bound did. */
  private timedAtHead = false;
  /** How long the timer that is running (or that fired) was set for, for the timeout message. */
  private timerMs = 0;
  private stopWatchingCaller: (() => void) | undefined;

  constructor(
    readonly fn: LeaseFn<S, unknown>,
    readonly options: LeaseOptions,
    /** Keep-alive probes are leases the connection makes for itself. */
    readonly internal: boolean,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** Aborted with the lease's error when it fails (see settle). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.failure) this.controller.abort(this.failure.error);
    }
    return this.controller.signal;
  }

  /** What the lease function sees: the session, the link, and the lease's end (signal or flag). */
  contextFor(session: S, link: ByteLink): LeaseContext<S> {
    return new RunningLeaseContext(session, link, this);
  }

  get label(): string {
    return this.options.label ?? 'lease';
  }

  /** Milliseconds the lease was given before it timed out: its timeoutMs at the head, the wait bound in the queue. */
  get timedOutAfterMs(): number {
    return this.timerMs;
  }

  /**
   * Queued behind others: bounds the wait for the head, so a lease that the connection cannot start
   * (closing, link down) still settles. `aheadMs` is the most the leases before it may take.
   */
  startQueueTimer(aheadMs: number, onTimeout: () => void): void {
    if (this.timer || this.settled) return;
    this.arm(aheadMs + this.options.timeoutMs, onTimeout);
  }

  /** At the head: its own timeoutMs starts now and replaces the queue-wait bound. */
  startTimer(onTimeout: () => void): void {
    if (this.timedAtHead || this.settled) return;
    this.timedAtHead = true;
    clearTimeout(this.timer);
    this.arm(this.options.timeoutMs, onTimeout);
  }

  /** Calls the lease function; a synchronous throw becomes a rejection, so both end up in one place. */
  invoke(context: LeaseContext<S>): Promise<unknown> {
    try {
      return Promise.resolve(this.fn(context));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private arm(ms: number, onTimeout: () => void): void {
    this.timerMs = ms;
    this.timer = setTimeout(onTimeout, ms);
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
      this.failure = { error: outcome.error };
      this.controller?.abort(outcome.error);
      this.reject(outcome.error);
    } else {
      this.resolve(outcome.value);
    }
    return true;
  }
}

/** A lease's context; `signal` and `ended` are read from the lease when asked for. */
class RunningLeaseContext<S> implements LeaseContext<S> {
  constructor(
    readonly session: S,
    readonly link: ByteLink,
    private readonly lease: PendingLease<S>,
  ) {}

  get signal(): AbortSignal {
    return this.lease.signal;
  }

  get ended(): boolean {
    return this.lease.settled;
  }
}

import type { MeterError } from '../errors';
import { KeepAlive } from './keep-alive';
import { LeaseLine } from './lease-line';
import { PendingLease, type LeaseOutcome } from './pending-lease';
import type { LiveLink } from './live-link';
import { OneShotTimer } from './one-shot-timer';
import { asMeterError, keepAliveLost, leaseAborted, leaseTimedOut, sessionOutOfStep, type LeasePhase } from './pool-errors';
import type { ConnectionCounters, ConnectionOptions, LeaseFn, LeaseOptions } from './types';

/** How often a session that is not yet ready is asked again. */
const READINESS_POLL_MS = 25;

/** What the runner needs to know about, and ask of, the connection that owns the link. */
export interface LeaseRunnerHost<S> {
  readonly key: string;
  readonly counters: ConnectionCounters;
  isConnected(): boolean;
  /** The current link with its session, if any. */
  live(): LiveLink<S> | undefined;
  /** For a timeout message: what a lease that never started was waiting for. */
  waitingFor(): string;
  /** The link is lost or out of step: drop it and reconnect. */
  dropLink(reason: MeterError): void;
  /** A driver hook failed without failing a lease: it becomes the connection's last error. */
  reportError(error: MeterError): void;
  /** Something a status shows has changed. */
  changed(): void;
}

/**
 * Lends the link to one lease at a time in FIFO order: starts the head lease when the link is up
 * and the session ready, settles it (result, failure, timeout, caller abort), then moves on. When
 * the line is empty it keeps the idle link probed (see KeepAlive).
 */
export class LeaseRunner<S> {
  private readonly line = new LeaseLine<S>();
  private readonly keepAlive: KeepAlive<S>;
  /** Asks a session that said 'wait' again (see SessionDriver.readiness). */
  private readonly readinessPoll = new OneShotTimer();

  constructor(
    private readonly options: ConnectionOptions<S>,
    private readonly host: LeaseRunnerHost<S>,
  ) {
    this.keepAlive = new KeepAlive(options.driver, options.keepAliveMs, () => this.probe());
  }

  /** Some lease has its turn or waits for one. */
  get busy(): boolean {
    return this.line.busy;
  }

  /** A caller's lease is running (the keep-alive probe does not count: it must not flip every status to "busy"). */
  get userLeaseRunning(): boolean {
    return this.line.userLeaseRunning;
  }

  waitingCount(): number {
    return this.line.waitingCount();
  }

  /** Queues a caller's lease (already admitted) and settles its promise with the lease's outcome. */
  submit<T>(fn: LeaseFn<S, T>, options: LeaseOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const lease = new PendingLease<S>(fn as LeaseFn<S, unknown>, options, false, resolve as (value: unknown) => void, reject);
      lease.watchCallerSignal(() => this.fail(lease, leaseAborted(lease.label)));
      this.line.enqueue(lease, (queued) => this.onTimeout(queued));
      this.pump();
      this.host.changed();
    });
  }

  /**
   * Gives the turn to the next lease and starts it if the link allows; with nothing to do, waits for
   * idleness. It also hands out the turn while the connection closes or reconnects (the head's
   * timeout then counts the wait for the link); only a connected link runs a lease.
   */
  pump(): void {
    const head = this.line.advance((lease) => this.onTimeout(lease));
    if (!head) return this.armKeepAlive();
    this.keepAlive.stop();
    const live = this.host.live();
    if (!head.running && this.host.isConnected() && live) this.runWhenReady(head, live);
  }

  /** Counts traffic as a sign of life: the idle countdown starts over. */
  sawTraffic(): void {
    this.keepAlive.sawTraffic();
  }

  /** The link is gone: the running lease fails with `reason` (its work cannot finish) and no probe is due. */
  linkLost(reason: MeterError): void {
    this.keepAlive.stop();
    const running = this.line.running;
    if (running && !running.internal) this.host.counters.leaseFailures++;
    if (running) this.fail(running, reason);
  }

  stopTimers(): void {
    this.keepAlive.stop();
    this.readinessPoll.stop();
  }

  /** Fails every lease at once (the connection closes for good). */
  failAll(error: MeterError): void {
    this.line.failAll(error);
  }

  /** Runs the head lease once the session says it is ready; a session that lost step gets a fresh link. */
  private runWhenReady(lease: PendingLease<S>, live: LiveLink<S>): void {
    const readiness = this.options.driver.readiness?.(live.session) ?? 'ready';
    if (readiness === 'ready') return this.run(lease, live);
    if (readiness === 'reset') return this.host.dropLink(sessionOutOfStep(this.host.key));
    this.readinessPoll.start(READINESS_POLL_MS, () => this.pump());
  }

  private run(lease: PendingLease<S>, live: LiveLink<S>): void {
    lease.running = true;
    if (!lease.internal) this.host.counters.leases++;
    this.host.changed();
    lease.invoke(lease.contextFor(live.session, live.view)).then(
      (value: unknown) => this.finish(lease, { value }),
      (error: unknown) => {
        if (lease.settled) return;
        if (lease.internal) return this.keepAliveFailed(lease, error);
        this.host.counters.leaseFailures++;
        this.finish(lease, { error });
      },
    );
  }

  private onTimeout(lease: PendingLease<S>): void {
    const error = leaseTimedOut(this.host.key, lease.label, lease.timedOutAfterMs, this.phase(lease), this.host.waitingFor());
    if (lease.internal) return this.keepAliveFailed(lease, error);
    this.host.counters.leaseTimeouts++;
    this.fail(lease, error);
  }

  private phase(lease: PendingLease<S>): LeasePhase {
    if (lease.running) return 'running';
    return this.line.isHead(lease) ? 'head' : 'queued';
  }

  /** Fails one lease alone (timeout, caller abort, link loss); a running one lets the session resync. */
  private fail(lease: PendingLease<S>, error: MeterError): void {
    const wasRunning = lease.running;
    this.finish(lease, { error }, () => {
      const live = this.host.live();
      if (wasRunning && live && error.code !== 'E_CONNECTION_LOST') this.resyncAfterTimeout(live.session);
    });
  }

  private finish(lease: PendingLease<S>, outcome: LeaseOutcome, beforeNext?: () => void): void {
    if (!lease.settle(outcome)) return;
    this.line.remove(lease);
    beforeNext?.();
    this.pump();
    this.host.changed();
  }

  private resyncAfterTimeout(session: S): void {
    try {
      this.options.driver.onLeaseTimeout?.(session);
    } catch (error) {
      this.host.reportError(asMeterError(error, 'E_PROTOCOL', `${this.host.key}: resync after a lease timeout failed`));
    }
  }

  /** The line is empty: count idle time towards a probe, but only on a link that is up. */
  private armKeepAlive(): void {
    if (this.host.isConnected()) this.keepAlive.arm();
  }

  /** The link was idle: probe it, unless the line got busy meanwhile (that work finds a dead link itself). */
  private probe(): void {
    if (this.line.busy || !this.host.isConnected()) return;
    const lease = this.keepAlive.probeLease();
    if (!lease) return;
    this.line.takeTurn(lease, (probe) => this.onTimeout(probe));
    this.pump();
  }

  private keepAliveFailed(lease: PendingLease<S>, error: unknown): void {
    if (lease.settled) return;
    this.host.counters.keepAliveFailures++;
    const reason = keepAliveLost(this.host.key, error);
    this.finish(lease, { error: reason }, () => this.host.dropLink(reason));
  }
}

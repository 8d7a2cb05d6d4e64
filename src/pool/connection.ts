import { EventEmitter } from 'node:events';
import { MeterError } from '../errors';
import { createLink } from '../transport/create-link';
import { endpointKey, type ByteLink, type Endpoint } from '../transport/link';
import { KeepAlive } from './keep-alive';
import { LeaseLine } from './lease-line';
import { PendingLease, abortable, settleWithin, type LeaseOutcome } from './lease-queue';
import { watchLink } from './link-watch';
import { OneShotTimer } from './one-shot-timer';
import { asMeterError, connectionLost, keepAliveLost, leaseAborted, leaseTimedOut, queueFull } from './pool-errors';
import { ReconnectScheduler } from './reconnect-scheduler';
/** How often a session that is not yet ready is asked again. */
const READINESS_POLL_MS = 25;

import type { ConnectionCounters, ConnectionOptions, ConnectionState, ConnectionStats, LeaseFn, LeaseOptions } from './types';

interface LiveLink<S> {
  link: ByteLink;
  view: ByteLink;
  session: S;
  detach(): void;
}

/**
 * One shared link with its session: opened by the first user, closed by the last, reconnected
 * with backoff, and lent to one lease at a time in FIFO order. Emits 'state' (ConnectionStats).
 */
export class Connection<S> extends EventEmitter {
  readonly key: string;
  readonly endpoint: Endpoint;
  private readonly options: ConnectionOptions<S>;
  private readonly users = new Set<string>();
  private state: ConnectionState = 'idle';
  private lastError: MeterError | undefined;
  private readonly counters: ConnectionCounters = {
    connects: 0, disconnects: 0, leases: 0, leaseTimeouts: 0, leaseFailures: 0,
    queueOverflows: 0, keepAliveFailures: 0, bytesIn: 0, bytesOut: 0,
  };
  private live: LiveLink<S> | undefined;
  private connectAttempt: AbortController | undefined;
  private readonly reconnects: ReconnectScheduler;
  private readonly leases = new LeaseLine<S>();
  private readonly keepAlive: KeepAlive<S>;
  /** Asks a session that said 'wait' again (see SessionDriver.readiness). */
  private readonly readinessPoll = new OneShotTimer();
  private closing: Promise<void> | undefined;

  constructor(options: ConnectionOptions<S>) {
    super();
    this.options = options;
    this.endpoint = options.endpoint;
    this.key = endpointKey(options.endpoint);
    this.reconnects = new ReconnectScheduler(options.reconnect, options.random, () => void this.connectOnce());
    this.keepAlive = new KeepAlive(options.driver, options.keepAliveMs, () => this.probe());
  }

  get userCount(): number {
    return this.users.size;
  }

  hasUser(id: string): boolean {
    return this.users.has(id);
  }

  stats(): ConnectionStats {
    return {
      key: this.key,
      state: this.state,
      users: this.users.size,
      queueLength: this.leases.waitingCount(),
      // The internal keep-alive probe is not user work: it must not flip every status to "busy".
      leaseActive: this.leases.userLeaseRunning,
      lastError: this.lastError,
      reconnectInMs: this.reconnects.remainingMs(),
      counters: { ...this.counters },
    };
  }

  /** Registers a user; the first one opens the link at once, so the status is honest from the start. */
  addUser(id: string): void {
    this.users.add(id);
    if ((this.state === 'idle' || this.state === 'closed') && !this.closing) this.startConnecting();
    else this.notify();
  }

  /** Deregisters a user; the last one closes the link. Resolves when that close is done. */
  removeUser(id: string): Promise<void> {
    this.users.delete(id);
    if (this.users.size > 0) {
      this.notify();
      return Promise.resolve();
    }
    return this.shutdown();
  }

  /** Deregisters every user and closes the link (process shutdown). */
  closeAllUsers(): Promise<void> {
    this.users.clear();
    return this.shutdown();
  }

  /** Runs `fn` with the link to itself, after the leases queued before it. See LeaseOptions. */
  lease<T>(fn: LeaseFn<S, T>, options: LeaseOptions): Promise<T> {
    const label = options.label ?? 'lease';
    if (!(options.timeoutMs > 0)) {
      return Promise.reject(new MeterError('E_BAD_ARGUMENT', `${label}: timeoutMs must be a positive number, got ${options.timeoutMs}`));
    }
    if (this.users.size === 0) {
      return Promise.reject(new MeterError('E_CLOSED', `${label}: the connection ${this.key} is closed (no registered user)`));
    }
    if (options.signal?.aborted) return Promise.reject(leaseAborted(label));
    const mustWait = this.leases.busy || this.state !== 'connected';
    if (mustWait && this.leases.waitingCount() >= this.options.queueLimit) {
      this.counters.queueOverflows++;
      this.notify();
      return Promise.reject(queueFull(this.key, label, this.leases.waitingCount(), this.options.queueLimit));
    }
    return new Promise<T>((resolve, reject) => {
      const lease = new PendingLease<S>(fn as LeaseFn<S, unknown>, options, false, resolve as (value: unknown) => void, reject);
      lease.watchCallerSignal(() => this.fail(lease, leaseAborted(label)));
      this.leases.enqueue(lease);
      this.pump();
      this.notify();
    });
  }

  // ---- connecting ----

  private startConnecting(): void {
    this.reconnects.reset();
    void this.connectOnce();
  }

  private async connectOnce(): Promise<void> {
    const attempt = new AbortController();
    this.connectAttempt = attempt;
    this.setState(this.reconnects.retrying ? 'reconnecting' : 'connecting');
    const timeoutMs = this.options.connectTimeoutMs;
    const timer = setTimeout(() => attempt.abort(new MeterError('E_CONNECT_FAILED', `${this.key}: no session within ${timeoutMs} ms`)), timeoutMs);
    let link: ByteLink | undefined;
    let watch: ReturnType<typeof watchLink> | undefined;
    try {
      link = this.makeLink();
      const opened = link;
      watch = watchLink(opened, {
        onBytesIn: (count) => this.onTraffic('bytesIn', count),
        onBytesOut: (count) => this.onTraffic('bytesOut', count),
        onClose: (error) => {
          if (this.live?.link === opened) this.dropLink(connectionLost(this.key, error));
          else attempt.abort(connectionLost(this.key, error));
        },
      });
      await abortable(opened.open(), attempt.signal);
      const session = await abortable(this.options.driver.open(watch.view, attempt.signal), attempt.signal);
      if (attempt.signal.aborted) throw attempt.signal.reason;
      this.live = { link: opened, view: watch.view, session, detach: watch.detach };
    } catch (error) {
      watch?.detach();
      link?.destroy();
      if (this.connectAttempt !== attempt) return; // closed for good meanwhile
      this.connectAttempt = undefined;
      this.lastError = asMeterError(error, 'E_CONNECT_FAILED', `${this.key}: connect failed`);
      this.scheduleReconnect();
      return;
    } finally {
      clearTimeout(timer);
    }
    this.connectAttempt = undefined;
    this.counters.connects++;
    this.reconnects.reset();
    this.setState('connected');
    this.pump();
  }

  private makeLink(): ByteLink {
    const factory = this.options.linkFactory ?? ((endpoint: Endpoint) => createLink(endpoint, { connectTimeoutMs: this.options.connectTimeoutMs }));
    return factory(this.endpoint);
  }

  private scheduleReconnect(): void {
    if (this.users.size === 0 || this.closing) return;
    this.reconnects.schedule();
    this.setState('reconnecting');
  }

  /** The link is gone (peer closed, reset, or keep-alive found it dead): fail the running lease, reconnect. */
  private dropLink(reason: MeterError): void {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    live.detach();
    live.link.destroy(reason);
    this.keepAlive.stop();
    this.counters.disconnects++;
    this.lastError = reason;
    this.state = 'reconnecting';
    const running = this.leases.running;
    if (running && !running.internal) this.counters.leaseFailures++;
    if (running) this.fail(running, reason);
    this.scheduleReconnect();
  }

  // ---- leases ----

  private pump(): void {
    if (this.closing) return;
    const head = this.leases.advance((lease) => this.onTimeout(lease));
    if (!head) return this.armKeepAlive();
    this.keepAlive.stop();
    if (!head.running && this.state === 'connected' && this.live) this.runWhenReady(head, this.live);
  }

  /** Runs the head lease once the session says it is ready; a session that lost step gets a fresh link. */
  private runWhenReady(lease: PendingLease<S>, live: LiveLink<S>): void {
    const readiness = this.options.driver.readiness?.(live.session) ?? 'ready';
    if (readiness === 'ready') return this.run(lease, live);
    if (readiness === 'reset') {
      return this.dropLink(new MeterError('E_CONNECTION_LOST', `${this.key}: the device never answered an abandoned command; reopening the link to get back in step`));
    }
    this.readinessPoll.start(READINESS_POLL_MS, () => this.pump());
  }

  private run(lease: PendingLease<S>, live: LiveLink<S>): void {
    lease.running = true;
    if (!lease.internal) this.counters.leases++;
    this.notify();
    lease.invoke({ session: live.session, link: live.view, signal: lease.controller.signal }).then(
      (value: unknown) => this.finish(lease, { value }),
      (error: unknown) => {
        if (lease.settled) return;
        if (lease.internal) return this.keepAliveFailed(lease, error);
        this.counters.leaseFailures++;
        this.finish(lease, { error });
      },
    );
  }

  private onTimeout(lease: PendingLease<S>): void {
    const waitingFor = `${this.state}${this.lastError ? `, last error: ${this.lastError.message}` : ''}`;
    const error = leaseTimedOut(this.key, lease.label, lease.options.timeoutMs, lease.running, waitingFor);
    if (lease.internal) return this.keepAliveFailed(lease, error);
    this.counters.leaseTimeouts++;
    this.fail(lease, error);
  }

  /** Fails one lease alone (timeout, caller abort, link loss); a running one lets the session resync. */
  private fail(lease: PendingLease<S>, error: MeterError): void {
    const wasRunning = lease.running;
    this.finish(lease, { error }, () => {
      if (wasRunning && this.live && error.code !== 'E_CONNECTION_LOST') this.callDriverOnLeaseTimeout(this.live.session);
    });
  }

  private finish(lease: PendingLease<S>, outcome: LeaseOutcome, beforeNext?: () => void): void {
    if (!lease.settle(outcome)) return;
    this.leases.remove(lease);
    beforeNext?.();
    this.pump();
    this.notify();
  }

  private callDriverOnLeaseTimeout(session: S): void {
    try {
      this.options.driver.onLeaseTimeout?.(session);
    } catch (error) {
      this.lastError = asMeterError(error, 'E_PROTOCOL', `${this.key}: resync after a lease timeout failed`);
    }
  }

  // ---- keep-alive ----

  /** The line is empty: count idle time towards a probe, but only on a link that is up. */
  private armKeepAlive(): void {
    if (this.state === 'connected') this.keepAlive.arm();
  }

  private onTraffic(counter: 'bytesIn' | 'bytesOut', count: number): void {
    this.counters[counter] += count;
    this.keepAlive.sawTraffic();
  }

  /** The link was idle: probe it, unless the line got busy meanwhile (that work finds a dead link itself). */
  private probe(): void {
    if (this.leases.busy || this.state !== 'connected') return;
    const lease = this.keepAlive.probeLease();
    if (!lease) return;
    this.leases.takeTurn(lease, (probe) => this.onTimeout(probe));
    this.pump();
  }

  private keepAliveFailed(lease: PendingLease<S>, error: unknown): void {
    if (lease.settled) return;
    this.counters.keepAliveFailures++;
    const reason = keepAliveLost(this.key, error);
    this.finish(lease, { error: reason }, () => this.dropLink(reason));
  }

  // ---- closing ----

  private shutdown(): Promise<void> {
    if (this.closing) return this.closing;
    if (this.state === 'idle' || this.state === 'closed') {
      this.notify();
      return Promise.resolve();
    }
    this.closing = this.closeForGood().finally(() => {
      this.closing = undefined;
      if (this.users.size > 0) this.startConnecting(); // a user came back while we were closing
    });
    return this.closing;
  }

  private async closeForGood(): Promise<void> {
    this.setState('closing');
    this.reconnects.cancel();
    this.keepAlive.stop();
    this.readinessPoll.stop();
    const closed = new MeterError('E_CLOSED', `${this.key} was closed: its last user left`);
    const attempt = this.connectAttempt;
    this.connectAttempt = undefined;
    attempt?.abort(closed);
    this.leases.failAll(closed);
    const live = this.live;
    this.live = undefined;
    if (live) {
      live.detach();
      if (this.options.driver.close) await settleWithin(this.options.driver.close(live.session), this.options.connectTimeoutMs);
      await live.link.close().catch(() => undefined);
      this.counters.disconnects++;
    }
    this.reconnects.reset();
    this.setState('closed');
  }

  // ---- helpers ----

  private setState(state: ConnectionState): void {
    this.state = state;
    this.notify();
  }

  private notify(): void {
    this.emit('state', this.stats());
  }
}

import { EventEmitter } from 'node:events';
import type { MeterError } from '../errors';
import { endpointKey, type ByteLink, type Endpoint } from '../transport/link';
import { emptyCounters } from './counters';
import { LeaseRunner } from './lease-runner';
import { watchLink, type LinkWatch } from './link-watch';
import { closeLiveLink, makeLink, openSession, type LiveLink } from './live-link';
import { asMeterError, badLeaseTimeout, closedByLastUser, connectionLost, leaseAborted, noSessionWithin, noUser, queueFull } from './pool-errors';
import { ReconnectScheduler } from './reconnect-scheduler';
import type { ConnectionOptions, ConnectionState, ConnectionStats, LeaseFn, LeaseOptions } from './types';

/**
 * One shared link with its session: opened by the first user, closed by the last, reconnected
 * with backoff (ReconnectScheduler), and lent to one lease at a time in FIFO order (LeaseRunner).
 * Emits 'state' (ConnectionStats) on every change a status shows.
 */
export class Connection<S> extends EventEmitter {
  readonly key: string;
  readonly endpoint: Endpoint;
  private readonly options: ConnectionOptions<S>;
  private readonly users = new Set<string>();
  private state: ConnectionState = 'idle';
  private lastError: MeterError | undefined;
  private readonly counters = emptyCounters();
  private live: LiveLink<S> | undefined;
  private connectAttempt: AbortController | undefined;
  private readonly reconnects: ReconnectScheduler;
  private readonly leases: LeaseRunner<S>;
  private closing: Promise<void> | undefined;

  constructor(options: ConnectionOptions<S>) {
    super();
    this.options = options;
    this.endpoint = options.endpoint;
    this.key = endpointKey(options.endpoint);
    this.reconnects = new ReconnectScheduler(options.reconnect, options.random, () => void this.connectOnce());
    this.leases = new LeaseRunner(options, {
      key: this.key,
      counters: this.counters,
      isConnected: () => this.state === 'connected',
      live: () => this.live,
      waitingFor: () => `${this.state}${this.lastError ? `, last error: ${this.lastError.message}` : ''}`,
      dropLink: (reason) => this.dropLink(reason),
      reportError: (error) => {
        this.lastError = error;
      },
      changed: () => this.notify(),
    });
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
    const refusal = this.refuse(options.label ?? 'lease', options);
    return refusal ? Promise.reject(refusal) : this.leases.submit(fn, options);
  }

  /** Why a lease cannot even be queued; undefined when it can. A full queue is counted. */
  private refuse(label: string, options: LeaseOptions): MeterError | undefined {
    if (!(options.timeoutMs > 0)) return badLeaseTimeout(label, options.timeoutMs);
    if (this.users.size === 0) return noUser(this.key, label);
    if (options.signal?.aborted) return leaseAborted(label);
    const mustWait = this.leases.busy || this.state !== 'connected';
    if (!mustWait || this.leases.waitingCount() < this.options.queueLimit) return undefined;
    this.counters.queueOverflows++;
    this.notify();
    return queueFull(this.key, label, this.leases.waitingCount(), this.options.queueLimit);
  }

  // ---- connecting ----

  private startConnecting(): void {
    this.reconnects.reset();
    void this.connectOnce();
  }

  /** One attempt to open the link and its session within connectTimeoutMs; a failure schedules the next one. */
  private async connectOnce(): Promise<void> {
    const attempt = new AbortController();
    this.connectAttempt = attempt;
    this.setState(this.reconnects.retrying ? 'reconnecting' : 'connecting');
    const { connectTimeoutMs } = this.options;
    const deadline = setTimeout(() => attempt.abort(noSessionWithin(this.key, connectTimeoutMs)), connectTimeoutMs);
    let link: ByteLink | undefined;
    let watch: LinkWatch | undefined;
    try {
      link = makeLink(this.options);
      watch = this.watch(link, attempt);
      const session = await openSession(link, watch.view, this.options.driver, attempt.signal);
      // The link may have closed after the session opened and before this line ran.
      if (attempt.signal.aborted) throw attempt.signal.reason;
      this.live = { link, view: watch.view, session, detach: watch.detach };
    } catch (error) {
      watch?.detach();
      link?.destroy();
      return this.connectFailed(attempt, error);
    } finally {
      clearTimeout(deadline);
    }
    this.connected();
  }

  /** Counts the link's traffic and notices its loss: before it is live that fails the attempt, after it drops it. */
  private watch(link: ByteLink, attempt: AbortController): LinkWatch {
    return watchLink(link, {
      onBytesIn: (count) => this.onTraffic('bytesIn', count),
      onBytesOut: (count) => this.onTraffic('bytesOut', count),
      onClose: (error) => {
        if (this.live?.link === link) this.dropLink(connectionLost(this.key, error));
        else attempt.abort(connectionLost(this.key, error));
      },
    });
  }

  private connected(): void {
    this.connectAttempt = undefined;
    this.counters.connects++;
    this.reconnects.reset();
    this.setState('connected');
    this.leases.pump();
  }

  private connectFailed(attempt: AbortController, error: unknown): void {
    if (this.connectAttempt !== attempt) return; // closed for good meanwhile
    this.connectAttempt = undefined;
    this.lastError = asMeterError(error, 'E_CONNECT_FAILED', `${this.key}: connect failed`);
    this.scheduleReconnect();
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
    this.counters.disconnects++;
    this.lastError = reason;
    this.state = 'reconnecting'; // set quietly: the failed lease and the scheduled reconnect report it
    this.leases.linkLost(reason);
    this.scheduleReconnect();
  }

  private onTraffic(counter: 'bytesIn' | 'bytesOut', count: number): void {
    this.counters[counter] += count;
    this.leases.sawTraffic();
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
      else this.leases.failAll(closedByLastUser(this.key)); // leases queued meanwhile by users who left again
    });
    return this.closing;
  }

  private async closeForGood(): Promise<void> {
    this.setState('closing');
    this.reconnects.cancel();
    this.leases.stopTimers();
    const closed = closedByLastUser(this.key);
    const attempt = this.connectAttempt;
    this.connectAttempt = undefined;
    attempt?.abort(closed);
    this.leases.failAll(closed);
    const live = this.live;
    this.live = undefined;
    if (live) {
      await closeLiveLink(live, this.options.driver, this.options.connectTimeoutMs);
      this.counters.disconnects++;
    }
    this.reconnects.reset();
    this.setState('closed');
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.notify();
  }

  private notify(): void {
    // Three changes per lease: the stats object is built only for someone who listens.
    if (this.listenerCount('state') === 0) return;
    this.emit('state', this.stats());
  }
}

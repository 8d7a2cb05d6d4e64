import type { MeterError } from '../errors';
import type { ByteLink, Endpoint } from '../transport/link';

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closing' | 'closed';

export interface ConnectionCounters {
  connects: number;
  disconnects: number;
  leases: number;
  leaseTimeouts: number;
  leaseFailures: number;
  queueOverflows: number;
  keepAliveFailures: number;
  bytesIn: number;
  bytesOut: number;
}

/** Everything a status line or a test needs to know about one pooled connection. */
export interface ConnectionStats {
  key: string;
  state: ConnectionState;
  users: number;
  queueLength: number;
  leaseActive: boolean;
  lastError: MeterError | undefined;
  /** Milliseconds until the next reconnect attempt, while state is 'reconnecting'. */
  reconnectInMs: number | undefined;
  counters: ConnectionCounters;
}

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** 0..1: the delay is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
  jitter: number;
}

export interface LeaseOptions {
  /**
   * The lease fails with E_TIMEOUT this long after it reached the head of the queue (its turn; waiting
   * for the link counts). Before that, its wait in the queue is bounded from the moment it is queued by
   * this plus the timeouts of the leases queued before it, so every lease settles in bounded time even
   * when the connection cannot start it (closing, link down).
   */
  timeoutMs: number;
  signal?: AbortSignal;
  /** For logs and error messages, e.g. the AT command. */
  label?: string;
}

export interface LeaseContext<S> {
  session: S;
  link: ByteLink;
  /** Aborted when the lease times out or the link is lost: stop writing. Made on first use. */
  readonly signal: AbortSignal;
  /**
   * True once the lease has settled while its function still runs (timed out, aborted, link lost): stop
   * writing. The same fact as `signal.aborted`, for code that only polls: an AbortController costs more
   * than a command's own work, so a lease that never reads `signal` never makes one.
   */
  readonly ended: boolean;
}

/**
 * What runs on a link: an AT session (login, ATE0, keep-alive) or a plain byte session (IEC 62056-21).
 */
export type SessionReadiness = 'ready' | 'wait' | 'reset';

export interface SessionDriver<S> {
  /** Runs after the link opened, before any lease. Throwing fails the connect (and a reconnect follows). */
  open(link: ByteLink, signal: AbortSignal): Promise<S>;
  /** Called when the link has been idle for keepAliveMs. Throwing or timing out destroys the link. */
  keepAlive?(session: S, signal: AbortSignal): Promise<void>;
  /** Called after a lease timed out, so the session can resync (drop the late answer). */
  onLeaseTimeout?(session: S): void;
  /**
   * Asked before each lease runs. 'wait': not yet (e.g. the late answer of a timed-out command may still come),
   * asked again shortly; 'reset': the session lost step with the device, so the link is reopened and the lease
   * runs on the fresh one. Without this hook every session is always ready.
   */
  readiness?(session: S): SessionReadiness;
  /** Called before the link is closed on purpose. */
  close?(session: S): Promise<void>;
}

export interface ConnectionOptions<S> {
  endpoint: Endpoint;
  driver: SessionDriver<S>;
  /** Leases waiting (not counting the running one); a new lease beyond this fails at once with E_QUEUE_FULL. */
  queueLimit: number;
  reconnect: ReconnectPolicy;
  /** 0 disables the keep-alive. */
  keepAliveMs: number;
  connectTimeoutMs: number;
  /** Injected in tests (e.g. a memory link or a serial port built on SerialPortMock). */
  linkFactory?: (endpoint: Endpoint) => ByteLink;
  /** Random source in [0, 1) for the reconnect jitter; injected by tests. Default Math.random. */
  random?: () => number;
}

/** The work done under a lease: it has the link to itself until it settles or its signal aborts. */
export type LeaseFn<S, T> = (context: LeaseContext<S>) => Promise<T>;

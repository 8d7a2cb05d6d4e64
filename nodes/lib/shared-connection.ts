/**
 * What a smartcom-config node does at runtime, without Node-RED: it holds the nodes that use it,
 * takes ONE pool user on the gateway's connection while it has users, runs AT commands as leases,
 * and turns every connection state change into one status for all its users.
 *
 * Life cycle (the MQTT broker pattern): the link opens when the first user registers; a user that
 * leaves for good (`removed`) and was the last one releases the pool user; a user that is only
 * restarting (redeploy) keeps the link open for its successor. close() always releases.
 */
import type { AtChannel, AtResponse } from '../../src/at/channel';
import type { AtCommand } from '../../src/at/command';
import { MeterError } from '../../src/errors';
import type { Connection } from '../../src/pool/connection';
import type { ConnectionPool } from '../../src/pool/pool';
import type { ConnectionOptions, ConnectionStats, LeaseFn, LeaseOptions } from '../../src/pool/types';
import type { NodeStatus } from './red';
import { describeError, describeStatus, renderStatus } from './status';
import { UserRegistry, type UserNode } from './users';

/** The part of the connection pool this class uses (tests may pass a pool of their own). */
export type PoolLike = Pick<ConnectionPool, 'acquire' | 'release'>;

export interface SharedConnectionOptions {
  /** Unique per config-node instance, so a redeployed instance never shares a pool user id with the old one. */
  poolUserId: string;
  pool: PoolLike;
  /** Built lazily so that a config node without users never creates a driver. */
  connectionOptions: () => ConnectionOptions<AtChannel>;
  commandTimeoutMs: number;
  longCommandTimeoutMs: number;
  translate: (key: string, params?: Record<string, string | number>) => string;
  /** Called with failures that no user request is waiting for (acquire errors, release errors). */
  onError: (error: MeterError) => void;
  /** Close must end well within Node-RED's 15 s: a release that hangs is abandoned after this. */
  releaseTimeoutMs?: number;
}

export interface CommandOptions {
  /** Use the long timeout (DIRECT_READ and other commands the gateway answers slowly). */
  long?: boolean;
  signal?: AbortSignal;
}

const DEFAULT_RELEASE_TIMEOUT_MS = 10_000;

export class SharedConnection {
  private readonly users = new UserRegistry();
  private readonly options: SharedConnectionOptions;
  private connection: Connection<AtChannel> | undefined;
  private closed = false;
  /** Why the last acquire failed (bad configuration, serial conflict): the answer to every request until one succeeds. */
  private acquireError: MeterError | undefined;
  private readonly onState = (stats: ConnectionStats): void => this.showStatus(stats);

  constructor(options: SharedConnectionOptions) {
    this.options = options;
  }

  get userCount(): number {
    return this.users.size;
  }

  /** Adds a node that uses this config node; the first one opens the link. */
  register(user: UserNode): void {
    if (this.closed) {
      user.status(renderStatus(describeError('E_CLOSED'), this.options.translate));
      return;
    }
    this.users.add(user);
    if (!this.connection) this.acquire();
  }

  /**
   * Removes a user. The pool user is released only when the last user leaves for good; a user
   * that is restarting keeps the link open for the instance that replaces it.
   */
  async deregister(user: UserNode, removed: boolean): Promise<void> {
    const none = this.users.remove(user);
    if (none && removed) await this.release();
  }

  /** Runs one AT command in a lease of its own, with the command (or long) timeout. */
  command(command: AtCommand, options: CommandOptions = {}): Promise<AtResponse> {
    const timeoutMs = options.long ? this.options.longCommandTimeoutMs : this.options.commandTimeoutMs;
    return this.lease(({ session, signal }) => session.execute(command, { timeoutMs, signal }), {
      timeoutMs,
      label: command.text,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /** Runs `fn` with the link to itself (several commands in a row, e.g. a drain). */
  lease<T>(fn: LeaseFn<AtChannel, T>, options: LeaseOptions): Promise<T> {
    const connection = this.connection;
    if (!connection) {
      const t = this.options.translate;
      return Promise.reject(
        this.acquireError ?? new MeterError('E_NOT_CONNECTED', t('smartcom-config.errors.no-users'), { hint: t('smartcom-config.errors.no-users-hint') }),
      );
    }
    return connection.lease(fn, options);
  }

  stats(): ConnectionStats | undefined {
    return this.connection?.stats();
  }

  /** Releases the pool user and forgets every user. Always resolves, within releaseTimeoutMs. */
  async close(): Promise<void> {
    this.closed = true;
    await this.release();
    this.users.clear();
  }

  private acquire(): void {
    try {
      const connection = this.options.pool.acquire(this.options.connectionOptions(), this.options.poolUserId);
      this.connection = connection;
      this.acquireError = undefined;
      connection.on('state', this.onState);
      this.showStatus(connection.stats());
    } catch (error) {
      const failure = asMeterError(error);
      this.acquireError = failure;
      this.options.onError(failure);
      this.broadcast(renderStatus(describeError(failure.code), this.options.translate));
    }
  }

  private async release(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = undefined;
    connection.off('state', this.onState);
    this.users.resetStatus();
    // The pool keeps connections of every session type in one map, hence Connection<unknown>.
    const released = this.options.pool.release(connection as Connection<unknown>, this.options.poolUserId);
    const timeoutMs = this.options.releaseTimeoutMs ?? DEFAULT_RELEASE_TIMEOUT_MS;
    const abandoned = (): MeterError => new MeterError('E_TIMEOUT', this.options.translate('smartcom-config.errors.release-timeout', { timeoutMs }));
    await withTimeout(released, timeoutMs, abandoned).catch((error: unknown) =>
      this.options.onError(asMeterError(error)),
    );
  }

  private showStatus(stats: ConnectionStats): void {
    this.broadcast(renderStatus(describeStatus(stats), this.options.translate));
  }

  private broadcast(status: NodeStatus): void {
    this.users.broadcast(status);
  }
}

function asMeterError(error: unknown): MeterError {
  if (error instanceof MeterError) return error;
  return new MeterError('E_PROTOCOL', error instanceof Error ? error.message : String(error), { cause: error });
}

function withTimeout(work: Promise<void>, timeoutMs: number, timedOut: () => MeterError): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(timedOut()), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

import { MeterError } from '../errors';
import { createLink } from '../transport/create-link';
import { endpointKey, type ByteLink, type Endpoint, type SerialSettings } from '../transport/link';
import { formatSerialSettings } from '../transport/serial-link';
import { Connection } from './connection';
import type { ConnectionOptions } from './types';

export interface ConnectionPoolOptions {
  /** Used for connections whose options bring no linkFactory of their own. Default createLink. */
  linkFactory?: (endpoint: Endpoint) => ByteLink;
}

/**
 * One Connection per endpoint key for the whole runtime, shared by every user of that endpoint
 * (e.g. every Node-RED node of one gateway), and closed when its last user is released.
 */
export class ConnectionPool {
  private readonly connections = new Map<string, Connection<unknown>>();
  private readonly linkFactory: ((endpoint: Endpoint) => ByteLink) | undefined;

  constructor(options: ConnectionPoolOptions = {}) {
    this.linkFactory = options.linkFactory;
  }

  get size(): number {
    return this.connections.size;
  }

  get(key: string): Connection<unknown> | undefined {
    return this.connections.get(key);
  }

  keys(): string[] {
    return [...this.connections.keys()];
  }

  /**
   * The connection for options.endpoint, created on first use, with userId registered.
   * The first acquirer's options (driver, timeouts, queue limit) define the connection.
   */
  acquire<S>(options: ConnectionOptions<S>, userId: string): Connection<S> {
    const key = endpointKey(options.endpoint);
    const existing = this.connections.get(key) as Connection<S> | undefined;
    if (existing) {
      // A closing connection is reused, not replaced: a second link would race the closing one for the
      // serial port or the gateway's console. Its leases wait (timed) and it reopens once closed.
      assertSameLine(existing.endpoint, options.endpoint);
      existing.addUser(userId);
      return existing;
    }
    const linkFactory = options.linkFactory ?? this.linkFactory ?? ((endpoint: Endpoint) => createLink(endpoint, { connectTimeoutMs: options.connectTimeoutMs }));
    const connection = new Connection<S>({ ...options, linkFactory });
    this.connections.set(key, connection as Connection<unknown>);
    connection.addUser(userId);
    return connection;
  }

  /** Deregisters userId; when no user remains the connection is closed and forgotten. */
  async release<S>(connection: Connection<S>, userId: string): Promise<void> {
    await connection.removeUser(userId);
    // A user may have acquired it again while it was closing: then it stays (and reopens).
    if (connection.userCount === 0 && this.connections.get(connection.key) === (connection as Connection<unknown>)) {
      this.connections.delete(connection.key);
    }
  }

  /** Closes every connection (process shutdown, tests). */
  async closeAll(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map((connection) => connection.closeAllUsers()));
  }
}

function assertSameLine(existing: Endpoint, requested: Endpoint): void {
  if (existing.kind !== 'serial' || requested.kind !== 'serial') return;
  if (sameSettings(existing, requested)) return;
  const have = formatSerialSettings(existing);
  const want = formatSerialSettings(requested);
  throw new MeterError('E_SERIAL_CONFLICT', `serial port ${existing.path} is already in use with ${have}; cannot also use it with ${want}`, {
    details: { path: existing.path, existing: have, requested: want },
    hint: 'Give every node that uses this port the same baud rate, data bits, parity and stop bits.',
  });
}

function sameSettings(a: SerialSettings, b: SerialSettings): boolean {
  return a.baudRate === b.baudRate && a.dataBits === b.dataBits && a.parity === b.parity && a.stopBits === b.stopBits;
}

/** The pool shared by the whole runtime (all Node-RED nodes of one process). */
export const defaultPool = new ConnectionPool();

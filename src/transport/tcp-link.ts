import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { MeterError } from '../errors';
import type { ByteLink } from './link';

export interface TcpLinkOptions {
  host: string;
  port: number;
  /** open() fails with E_CONNECT_FAILED when the connection is not up within this time. */
  connectTimeoutMs?: number;
  /** Idle time before the OS sends TCP keep-alive probes. */
  socketKeepAliveMs?: number;
  /** close() ends the socket politely, then destroys it after this long. */
  closeGraceMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_SOCKET_KEEPALIVE_MS = 30_000;
const DEFAULT_CLOSE_GRACE_MS = 500;

/**
 * A ByteLink over a TCP socket. 'close' is emitted exactly once per successful open(), with the
 * socket error (e.g. ECONNRESET) when the peer reset the connection. A failed open() emits nothing:
 * it rejects instead.
 */
export class TcpLink extends EventEmitter implements ByteLink {
  readonly key: string;
  private readonly options: TcpLinkOptions;
  private socket: net.Socket | undefined;
  private open_ = false;
  private closeError: Error | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: TcpLinkOptions) {
    super();
    this.options = options;
    this.key = `tcp://${options.host}:${options.port}`;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  open(): Promise<void> {
    if (this.open_) return Promise.resolve();
    if (this.socket) return Promise.reject(new MeterError('E_BAD_ARGUMENT', `${this.key} is already opening or closing`));
    return new Promise<void>((resolve, reject) => {
      const { host, port } = this.options;
      const timeoutMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      const socket = net.connect({ host, port });
      this.socket = socket;
      const cleanup = (): void => {
        clearTimeout(timer);
        socket.off('connect', onConnect);
        socket.off('error', onFailure);
        socket.off('close', onEarlyClose);
      };
      const onFailure = (error: Error): void => {
        cleanup();
        socket.destroy();
        if (this.socket === socket) this.socket = undefined;
        reject(this.connectError(error));
      };
      const onEarlyClose = (): void => onFailure(this.closeError ?? new Error('the link was destroyed while connecting'));
      const onConnect = (): void => {
        cleanup();
        this.adopt(socket);
        resolve();
      };
      const timer = setTimeout(() => onFailure(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
      socket.once('connect', onConnect);
      socket.once('error', onFailure);
      socket.once('close', onEarlyClose);
    });
  }

  write(bytes: Buffer | string): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.open_) return Promise.reject(new MeterError('E_NOT_CONNECTED', `${this.key} is not open`));
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    return new Promise<void>((resolve, reject) => {
      socket.write(chunk, (error) => {
        if (error) reject(new MeterError('E_CONNECTION_LOST', `write to ${this.key} failed: ${error.message}`, { cause: error }));
        else resolve();
      });
    });
  }

  /** A TCP link has no line speed (a serial server on the far side keeps its own). */
  async setBaudRate(_baudRate: number): Promise<void> {}

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.resolve();
    if (this.closing) return this.closing;
    if (!this.open_) {
      socket.destroy();
      return Promise.resolve();
    }
    this.open_ = false;
    this.closing = new Promise<void>((resolve) => {
      const grace = setTimeout(() => socket.destroy(), this.options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
      socket.once('close', () => {
        clearTimeout(grace);
        resolve();
      });
      socket.end();
    });
    return this.closing;
  }

  destroy(error?: Error): void {
    const socket = this.socket;
    if (!socket) return;
    this.closeError ??= error;
    this.open_ = false;
    socket.destroy();
  }

  private adopt(socket: net.Socket): void {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, this.options.socketKeepAliveMs ?? DEFAULT_SOCKET_KEEPALIVE_MS);
    this.open_ = true;
    this.closeError = undefined;
    socket.on('data', (chunk: Buffer) => this.emit('data', chunk));
    // Remember the error (ECONNRESET, EPIPE...) so that 'close' can carry it.
    socket.on('error', (error: Error) => {
      this.closeError ??= error;
    });
    socket.once('close', () => {
      const error = this.closeError;
      this.open_ = false;
      this.socket = undefined;
      this.closing = undefined;
      this.closeError = undefined;
      this.emit('close', error);
    });
  }

  private connectError(error: Error): MeterError {
    const { host, port } = this.options;
    const osCode = (error as NodeJS.ErrnoException).code;
    const reason = osCode && !error.message.includes(osCode) ? `${osCode} ${error.message}` : error.message;
    return new MeterError('E_CONNECT_FAILED', `cannot connect to ${host}:${port}: ${reason}`, {
      cause: error,
      details: { host, port, osCode },
      hint: 'Check the host and port, that the device is powered and reachable, and that nothing else holds its TCP port.',
    });
  }
}

import * as net from 'node:net';

/**
 * A loopback TCP server for tests that answers CR-terminated lines:
 * "PING" -> "PONG", "ECHO text" -> "text", "HANG" -> nothing. When `silent` it answers nothing at all
 * (a half-open peer). It counts accepted sockets and the sockets that closed.
 */
export class LineServer {
  accepted = 0;
  closedSockets = 0;
  silent = false;
  readonly received: string[] = [];
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  /** Destroys every accepted socket (RST when `reset`), the listener stays. */
  dropAll(reset = false): void {
    for (const socket of this.sockets) {
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
    }
  }

  /** Stops listening and drops every socket. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A gateway reboot: gone, then back on the same port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start(this.port);
  }

  private accept(socket: net.Socket): void {
    this.accepted++;
    this.sockets.add(socket);
    let buffer = '';
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.closedSockets++;
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r')) >= 0) {
        const line = buffer.slice(0, end).replace(/^\n/, '');
        buffer = buffer.slice(end + 1);
        this.received.push(line);
        this.answer(socket, line);
      }
    });
  }

  private answer(socket: net.Socket, line: string): void {
    if (this.silent || line === 'HANG') return;
    if (line === 'PING') socket.write('PONG\r');
    else if (line.startsWith('ECHO ')) socket.write(`${line.slice(5)}\r`);
  }
}

/** Polls until `predicate` holds; fails with `what` after `timeoutMs` (generous: this is not a timing assert). */
export async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A port on which nothing listens (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

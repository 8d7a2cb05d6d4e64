import { connect, Socket } from 'node:net';

export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const SOH = 0x01;

/** The test's own BCC: XOR of the bytes after STX/SOH up to and including ETX/EOT, 7 bits. */
export function xor7(bytes: Buffer): number {
  let value = 0;
  for (const byte of bytes) value ^= byte;
  return value & 0x7f;
}

/** The additive 7-bit checksum some Kamstrup meters send instead. */
export function sum7(bytes: Buffer): number {
  let value = 0;
  for (const byte of bytes) value = (value + byte) & 0x7f;
  return value;
}

/** CRC16/ARC written independently of the simulator's. */
export function crc16(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = (crc & 1) !== 0 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

export interface Block {
  /** Bytes between the opening STX/SOH and the closing ETX/EOT (exclusive). */
  text: string;
  /** ETX or EOT. */
  end: number;
  bcc: number;
  /** Index just after the BCC byte. */
  next: number;
  /** The bytes the BCC covers. */
  covered: Buffer;
}

/** The first complete STX/SOH ... ETX/EOT BCC block at or after `from`, or undefined. */
export function findBlock(buffer: Buffer, from = 0, opener = STX): Block | undefined {
  const start = buffer.indexOf(opener, from);
  if (start < 0) return undefined;
  for (let i = start + 1; i < buffer.length - 1; i++) {
    if (buffer[i] === ETX || buffer[i] === EOT) {
      return { text: buffer.subarray(start + 1, i).toString('latin1'), end: buffer[i], bcc: buffer[i + 1], next: i + 2, covered: buffer.subarray(start + 1, i + 1) };
    }
  }
  return undefined;
}

/** Collects everything a byte source sends, with waits on the collected bytes. */
export class Collector {
  received = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  push(chunk: Buffer): void {
    this.received = Buffer.concat([this.received, chunk]);
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `done(received)` is true; rejects with what arrived so far after timeoutMs. */
  async waitFor(done: (received: Buffer) => boolean, timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received ${JSON.stringify(this.received.toString('latin1'))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  waitForText(text: string, timeoutMs?: number): Promise<Buffer> {
    return this.waitFor((received) => received.includes(text, 0, 'latin1'), timeoutMs);
  }

  waitForBlock(from = 0, opener = STX, timeoutMs?: number): Promise<Block> {
    return this.waitFor((received) => findBlock(received, from, opener) !== undefined, timeoutMs).then((received) => findBlock(received, from, opener) as Block);
  }

  /** Forget what arrived so far (the next waits look at new bytes only). */
  clear(): void {
    this.received = Buffer.alloc(0);
  }
}

/** A raw TCP client: the test writes bytes and inspects what comes back. */
export class RawTcpClient extends Collector {
  private constructor(readonly socket: Socket) {
    super();
    socket.on('data', (chunk: Buffer) => this.push(chunk));
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawTcpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawTcpClient(socket)));
      socket.once('error', reject);
    });
  }

  send(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }
}

/** Command frame bytes built by hand (not with the library): SOH c t [STX data] ETX BCC. */
export function commandFrame(command: string, data?: string): Buffer {
  const body = Buffer.from(`${command}${data === undefined ? '' : `\x02${data}`}\x03`, 'latin1');
  return Buffer.concat([Buffer.from([SOH]), body, Buffer.from([xor7(body)])]);
}

/** Waits until a condition on the simulator holds (polling; for log/state checks). */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

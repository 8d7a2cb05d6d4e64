/**
 * A tiny raw-socket AT client for the simulator tests: sends text, collects everything received,
 * and waits for a final result code. Deliberately independent of the library's AT client.
 */
import { connect, type Socket } from 'node:net';

export const FINAL_RESULT = /(^|\r\n|\r|\n)(OK|ERROR( \d+)?|\+CME ERROR: \d+)(\r\n|\r|\n)/;

const WAIT_MS = 10_000;

export class RawClient {
  /** Everything received so far, decoded byte for byte. */
  received = '';
  readonly closed: Promise<void>;
  private cursor = 0;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.toString('latin1');
      this.wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', () => {
      this.wake();
      resolve();
    }));
    socket.on('error', () => undefined);
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes raw text (no terminator added). */
  write(text: string): void {
    this.socket.write(text, 'latin1');
  }

  /** Sends one command with a terminator and resolves with everything received up to its final result code. */
  async command(line: string, terminator = '\r'): Promise<string> {
    this.write(line + terminator);
    return this.nextResponse();
  }

  /** Waits for the next final result code after the cursor; returns the text up to and including it. */
  async nextResponse(): Promise<string> {
    const match = await this.waitFor(FINAL_RESULT);
    return match.text;
  }

  /** Waits until the unread text matches; moves the cursor past the match. */
  async waitFor(pattern: RegExp): Promise<{ text: string; match: RegExpExecArray }> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const unread = this.received.slice(this.cursor);
      const match = pattern.exec(unread);
      if (match) {
        const end = match.index + match[0].length;
        this.cursor += end;
        return { text: unread.slice(0, end), match };
      }
      if (this.socket.destroyed || Date.now() > deadline) {
        throw new Error(`no ${pattern} in ${JSON.stringify(unread)} (socket ${this.socket.destroyed ? 'closed' : 'open'})`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  /** Text received but not yet consumed by command()/waitFor(). */
  unread(): string {
    return this.received.slice(this.cursor);
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Splits an answer into its non-empty lines (CR LF, CR or LF). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line !== '');
}

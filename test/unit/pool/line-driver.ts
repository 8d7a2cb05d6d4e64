import { MeterError } from '../../../src/errors';
import type { ByteLink } from '../../../src/transport/link';
import type { SessionDriver } from '../../../src/pool/types';

/** A CR-terminated line session on a link: write a line, wait for the next line that arrives. */
export class LineSession {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter: ((line: string) => void) | undefined;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);

  constructor(readonly link: ByteLink) {
    link.on('data', this.onData);
  }

  async request(line: string, signal: AbortSignal): Promise<string> {
    await this.link.write(`${line}\r`);
    return this.nextLine(signal);
  }

  nextLine(signal: AbortSignal): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiter = undefined;
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiter = (received) => {
        signal.removeEventListener('abort', onAbort);
        resolve(received);
      };
    });
  }

  /** After a timeout: forget what arrived, so a late answer is not taken for the next one. */
  resync(): void {
    this.buffer = '';
    this.lines.length = 0;
  }

  detach(): void {
    this.link.off('data', this.onData);
  }

  private receive(chunk: Buffer): void {
    this.buffer += chunk.toString('latin1');
    let end: number;
    while ((end = this.buffer.indexOf('\r')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter(line);
      else this.lines.push(line);
    }
  }
}

export interface LineDriverLog {
  opens: number;
  closes: number;
  keepAlives: number;
  leaseTimeouts: number;
  events: string[];
}

/** A driver whose keep-alive writes "PING" and waits for "PONG"; it records what it was asked to do. */
export function lineDriver(options: { keepAlive?: boolean; failOpens?: number } = {}): SessionDriver<LineSession> & { log: LineDriverLog } {
  const log: LineDriverLog = { opens: 0, closes: 0, keepAlives: 0, leaseTimeouts: 0, events: [] };
  let failuresLeft = options.failOpens ?? 0;
  const driver: SessionDriver<LineSession> & { log: LineDriverLog } = {
    log,
    async open(link: ByteLink): Promise<LineSession> {
      log.opens++;
      log.events.push('open');
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new MeterError('E_LOGIN_FAILED', 'test driver refuses this session');
      }
      return new LineSession(link);
    },
    onLeaseTimeout(session: LineSession): void {
      log.leaseTimeouts++;
      log.events.push('onLeaseTimeout');
      session.resync();
    },
    async close(session: LineSession): Promise<void> {
      log.closes++;
      log.events.push('close');
      session.detach();
    },
  };
  if (options.keepAlive !== false) {
    driver.keepAlive = async (session: LineSession, signal: AbortSignal): Promise<void> => {
      log.keepAlives++;
      const answer = await session.request('PING', signal);
      if (answer !== 'PONG') throw new MeterError('E_PROTOCOL', `keep-alive answer was ${answer}`);
    };
  }
  return driver;
}

import type { MeterSimLog } from './log';

/** One connection's entries in the simulator log: every entry names the connection it came from. */
export class ConnectionLog {
  constructor(
    private readonly log: MeterSimLog,
    readonly connection: number,
  ) {}

  /** A request was answered: counts as a session started. */
  session(mode: string): void {
    this.log.add({ type: 'session', connection: this.connection, mode });
  }

  frame(kind: string, text: string): void {
    this.log.add({ type: 'frame', connection: this.connection, kind, text });
  }

  sent(what: string, bytes: number, baudRate: number): void {
    this.log.add({ type: 'sent', connection: this.connection, what, bytes, baudRate });
  }

  baud(baudRate: number): void {
    this.log.add({ type: 'baud', connection: this.connection, baudRate });
  }

  event(name: string, detail: string): void {
    this.log.add({ type: 'event', connection: this.connection, name, detail });
  }
}

import type { ConnectionLog } from './connection-log';
import { Pacer } from './pacer';
import type { MeterPort } from './port';

/**
 * The meter's transmit side: its line speed and the pacer that sends at that speed. A write or speed change the
 * port rejects becomes a log event, not an exception: the simulator keeps serving, and the log shows why.
 */
export class MeterLine {
  readonly pacer: Pacer;
  baudRate: number;

  constructor(
    private readonly port: MeterPort,
    private readonly log: ConnectionLog,
    options: { pacing: boolean; baudRate: number },
  ) {
    this.pacer = new Pacer((bytes) => this.write(bytes), { enabled: options.pacing });
    this.baudRate = options.baudRate;
  }

  /** Queues bytes at the current speed; resolves when they have gone out (or were dropped by cancel). */
  send(bytes: Buffer, what: string): Promise<void> {
    this.log.sent(what, bytes.length, this.baudRate);
    return this.pacer.send(bytes, this.baudRate);
  }

  /** Straight to the port, unpaced. */
  write(bytes: Buffer): void {
    try {
      void Promise.resolve(this.port.write(bytes)).catch((error: Error) => this.log.event('write-failed', error.message));
    } catch (error) {
      this.log.event('write-failed', (error as Error).message);
    }
  }

  setBaudRate(baudRate: number): void {
    if (baudRate === this.baudRate) return;
    this.baudRate = baudRate;
    this.log.baud(baudRate);
    this.port.setBaudRate?.(baudRate).catch((error: Error) => this.log.event('baud-change-failed', error.message));
  }
}

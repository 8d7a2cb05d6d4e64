/**
 * The AMS scheduler: while ENABLE is 1, reads each table entry at its interval boundaries and
 * stores one record per read (an error record with empty data when every attempt failed).
 * Reads run one at a time, in due-time order, like a single serial bus.
 */
import { type AmsEntry, nextBoundary } from './ams-table';
import type { GatewayContext } from './context';

export class AmsScheduler {
  private queue: Promise<void> = Promise.resolve();
  private ticker: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(private readonly ctx: GatewayContext) {}

  /**
   * Runs every read due at or before `until`. With `moveClock` the clock jumps to each due time
   * first (advanceClock), so records carry the simulated time they were due.
   */
  runUntil(until: number, moveClock: boolean): Promise<void> {
    const run = this.queue.then(() => this.drain(until, moveClock));
    // One failed run must not block the ones queued after it; the caller still sees the failure.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Checks for due reads every tickMs of real time (only useful when the clock runs by itself). */
  startTicking(tickMs: number): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      if (this.ticking) return;
      this.ticking = true;
      void this.runUntil(this.ctx.clock.now(), false).finally(() => {
        this.ticking = false;
      });
    }, tickMs);
  }

  stopTicking(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private async drain(until: number, moveClock: boolean): Promise<void> {
    for (;;) {
      const { ams } = this.ctx;
      if (!ams.enabled) return;
      const entry = earliestDue(ams.entries, until);
      if (!entry) return;
      const dueAt = entry.nextDue;
      entry.nextDue = nextBoundary(dueAt, entry.interval);
      if (moveClock) this.ctx.clock.setNow(dueAt);
      await this.read(entry, dueAt);
    }
  }

  /** The record carries the due time: with a fast clock the real read may land a tick later. */
  private async read(entry: AmsEntry, dueAt: number): Promise<void> {
    const index = this.ctx.ams.entries.indexOf(entry) + 1;
    const result = await this.ctx.readMeter(
      { port: entry.port, protocol: entry.protocol, address: entry.address, baudRate: this.ctx.ports.get(entry.port)?.active.BAUDRATE },
      this.ctx.ams.retry,
    );
    this.ctx.storeRecord({
      time: Math.floor(dueAt / 1000),
      protocol: entry.protocol,
      index,
      errorCode: result.ok ? 0 : result.errorCode,
      identification: result.ok ? result.identification : '',
      data: result.ok ? result.data : '',
    });
  }
}

function earliestDue(entries: readonly AmsEntry[], until: number): AmsEntry | undefined {
  let earliest: AmsEntry | undefined;
  for (const entry of entries) {
    if (entry.nextDue <= until && (!earliest || entry.nextDue < earliest.nextDue)) earliest = entry;
  }
  return earliest;
}

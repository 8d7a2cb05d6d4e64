/** The AMS configuration: on/off, retry count and the meter table (positions are 1-based). */
import { MeterError } from '../../errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The reading intervals the vendor FAQ lists, with their length. */
export const AMS_INTERVALS: ReadonlyMap<string, number> = new Map([
  ['1M', MINUTE], ['2M', 2 * MINUTE], ['3M', 3 * MINUTE], ['4M', 4 * MINUTE], ['5M', 5 * MINUTE],
  ['6M', 6 * MINUTE], ['10M', 10 * MINUTE], ['12M', 12 * MINUTE], ['15M', 15 * MINUTE],
  ['20M', 20 * MINUTE], ['30M', 30 * MINUTE], ['1H', HOUR], ['2H', 2 * HOUR], ['3H', 3 * HOUR],
  ['4H', 4 * HOUR], ['6H', 6 * HOUR], ['8H', 8 * HOUR], ['12H', 12 * HOUR], ['1D', 24 * HOUR],
]);

/** Protocols the gateway accepts in DEV_ADD / DIRECT_READ. */
export const AMS_PROTOCOLS: readonly string[] = ['IEC62056-21', 'MBUS', 'AIN_DIN'];

export interface AmsEntry {
  port: number;
  protocol: string;
  address: string;
  interval: string;
  /** Simulated ms of the next scheduled read. */
  nextDue: number;
}

/** A public, copyable view of one table line. */
export type AmsEntryView = Omit<AmsEntry, 'nextDue'> & { index: number; nextDue: number };

export class AmsTable {
  enabled = false;
  retry = 0;
  readonly entries: AmsEntry[] = [];

  constructor(readonly size: number) {}

  get isFull(): boolean {
    return this.entries.length >= this.size;
  }

  add(entry: Omit<AmsEntry, 'nextDue'>, now: number): void {
    this.entries.push({ ...entry, nextDue: nextBoundary(now, entry.interval) });
  }

  /** 1-based; false when there is no such position. */
  remove(index: number): boolean {
    if (!this.has(index)) return false;
    this.entries.splice(index - 1, 1);
    return true;
  }

  has(index: number): boolean {
    return Number.isInteger(index) && index >= 1 && index <= this.entries.length;
  }

  setInterval(index: number | 'ALL', interval: string, now: number): boolean {
    if (index !== 'ALL' && !this.has(index)) return false;
    const targets = index === 'ALL' ? this.entries : [this.entries[index - 1]];
    for (const entry of targets) {
      entry.interval = interval;
      entry.nextDue = nextBoundary(now, interval);
    }
    return true;
  }

  /** Restarts every schedule from now (AMS switched on: no catch-up for the time it was off). */
  rearm(now: number): void {
    for (const entry of this.entries) entry.nextDue = nextBoundary(now, entry.interval);
  }

  view(): AmsEntryView[] {
    return this.entries.map((entry, i) => ({ ...entry, index: i + 1 }));
  }
}

/** What is wrong with a table entry (DEV_ADD's rules), or undefined when it is fine. */
export function checkMeterEntry(entry: { port: number; protocol: string; address: string; interval: string }): string | undefined {
  if (!Number.isInteger(entry.port) || entry.port < 1 || entry.port > 1000) return 'port must be 1-1000';
  if (!AMS_PROTOCOLS.includes(entry.protocol.toUpperCase())) return `protocol must be one of ${AMS_PROTOCOLS.join(', ')}`;
  if (entry.address.length < 1 || entry.address.length > 32) return 'address must have 1-32 characters';
  if (!AMS_INTERVALS.has(entry.interval.toUpperCase())) return `interval must be one of ${[...AMS_INTERVALS.keys()].join(', ')}`;
  return undefined;
}

/**
 * Reads happen on interval boundaries of the clock (a "3M" meter at :00, :03, :06 ...), the
 * first one strictly after `now`; so any 9 simulated minutes contain exactly three "3M" reads.
 */
export function nextBoundary(now: number, interval: string): number {
  const length = AMS_INTERVALS.get(interval);
  if (length === undefined) throw new MeterError('E_BAD_ARGUMENT', `unknown AMS interval ${interval}`, { hint: `Use one of ${[...AMS_INTERVALS.keys()].join(', ')}.` });
  return (Math.floor(now / length) + 1) * length;
}

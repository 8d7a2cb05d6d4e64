import { EventEmitter } from 'node:events';
import { MeterError } from '../../errors';

/**
 * What a simulator observed and did, for tests and for the command line's verbose output.
 * - frame: a frame received from the master (kind as the FrameReader names it, text in latin1 with control
 *   characters spelled out, e.g. `<SOH>P1<STX>(00000000)<ETX>`)
 * - session: a request was accepted and a session started
 * - baud: the meter's line speed changed
 * - sent: a message went out (what, byte count, speed)
 * - event: anything else worth knowing (request ignored, option refused, fault applied, timeout, break...)
 */
export type MeterSimLogEntry =
  | { type: 'frame'; connection: number; kind: string; text: string; at: number }
  | { type: 'session'; connection: number; mode: string; at: number }
  | { type: 'baud'; connection: number; baudRate: number; at: number }
  | { type: 'sent'; connection: number; what: string; bytes: number; baudRate: number; at: number }
  | { type: 'event'; connection: number; name: string; detail: string; at: number };

type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;
export type MeterSimLogInput = WithoutAt<MeterSimLogEntry>;

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x01: 'SOH', 0x02: 'STX', 0x03: 'ETX', 0x04: 'EOT', 0x06: 'ACK', 0x0a: 'LF', 0x0d: 'CR', 0x15: 'NAK',
};

/** Bytes as readable text: printable ASCII kept, control characters as `<NAME>` or `<xx>`. */
export function describeBytes(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `<${CONTROL_NAMES[byte] ?? byte.toString(16).padStart(2, '0')}>`;
  }
  return text;
}

/** A bounded, observable log. Emits 'entry' for every entry added. */
export class MeterSimLog extends EventEmitter {
  readonly entries: MeterSimLogEntry[] = [];

  constructor(private readonly maxEntries = 10_000) {
    super();
  }

  add(input: MeterSimLogInput): void {
    const entry = { ...input, at: Date.now() } as MeterSimLogEntry;
    this.entries.push(entry);
    // Keep memory bounded for long-running simulators (the command line runs for days).
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
    this.emit('entry', entry);
  }

  frames(): Extract<MeterSimLogEntry, { type: 'frame' }>[] {
    return this.entries.filter((e): e is Extract<MeterSimLogEntry, { type: 'frame' }> => e.type === 'frame');
  }

  events(name?: string): Extract<MeterSimLogEntry, { type: 'event' }>[] {
    return this.entries.filter((e): e is Extract<MeterSimLogEntry, { type: 'event' }> => e.type === 'event' && (name === undefined || e.name === name));
  }

  sent(what?: string): Extract<MeterSimLogEntry, { type: 'sent' }>[] {
    return this.entries.filter((e): e is Extract<MeterSimLogEntry, { type: 'sent' }> => e.type === 'sent' && (what === undefined || e.what === what));
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Resolves with the first entry (already logged or to come) that matches; rejects after timeoutMs. */
  waitFor(match: (entry: MeterSimLogEntry) => boolean, timeoutMs = 10_000): Promise<MeterSimLogEntry> {
    const found = this.entries.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onEntry = (entry: MeterSimLogEntry): void => {
        if (!match(entry)) return;
        cleanup();
        resolve(entry);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new MeterError('E_TIMEOUT', `meter simulator log: no matching entry within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('entry', onEntry);
      };
      this.on('entry', onEntry);
    });
  }
}

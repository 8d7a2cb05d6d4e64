import { wireTimeMs } from '../../iec62056/constants';

/** One transmission as the simulator scheduled it: where it sits on the line and how long it takes on the wire. */
export interface ScheduledTransmission {
  bytes: number;
  baudRate: number;
  /** Milliseconds on the pacer's clock (performance.now by default). */
  startMs: number;
  endMs: number;
  /** bytes x 10 bits / baud rate, in ms (7E1 and 8N1 both take 10 bits per character). */
  wireMs: number;
}

export interface PacerOptions {
  /** false: write everything at once (in-memory use); the schedule is still computed and recorded. */
  enabled: boolean;
  /** Smallest gap between two writes, so fast rates go out in small batches rather than byte by byte. */
  batchMs?: number;
  now?: () => number;
}

interface Job {
  bytes: Buffer;
  written: number;
  entry: ScheduledTransmission;
  resolve: () => void;
}

/**
 * Sends bytes at the speed a UART would: 10 bits per character at the baud rate of each transmission. The schedule
 * is absolute (a transmission starts when the line is free, byte i is released when its last bit has left), so
 * late timers never accumulate drift: each tick writes every byte whose time has come.
 */
export class Pacer {
  readonly schedule: ScheduledTransmission[] = [];
  private readonly queue: Job[] = [];
  private lineFreeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly batchMs: number;

  constructor(
    private readonly write: (bytes: Buffer) => void,
    private readonly options: PacerOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.batchMs = options.batchMs ?? 15;
  }

  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a transmission; resolves when its last byte has been handed to the port. */
  send(bytes: Buffer, baudRate: number): Promise<void> {
    const startMs = Math.max(this.now(), this.lineFreeAt);
    const wireMs = wireTimeMs(bytes.length, baudRate);
    const entry: ScheduledTransmission = { bytes: bytes.length, baudRate, startMs, endMs: startMs + wireMs, wireMs };
    this.schedule.push(entry);
    this.lineFreeAt = entry.endMs;
    if (!this.options.enabled || bytes.length === 0) {
      if (bytes.length > 0) this.write(bytes);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.queue.push({ bytes, written: 0, entry, resolve });
      if (this.queue.length === 1) this.tick();
    });
  }

  /** Drops everything not yet written (session reset, stop). Pending sends resolve; callers check their session. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const dropped = this.queue.splice(0);
    for (const job of dropped) job.resolve();
    this.lineFreeAt = Math.min(this.lineFreeAt, this.now());
  }

  private tick(): void {
    this.timer = undefined;
    const job = this.queue[0];
    if (!job) return;
    const charMs = job.entry.wireMs / job.bytes.length;
    const due = Math.min(job.bytes.length, Math.floor((this.now() - job.entry.startMs + 1e-6) / charMs));
    if (due > job.written) {
      this.write(job.bytes.subarray(job.written, due));
      job.written = due;
    }
    if (job.written >= job.bytes.length) {
      this.queue.shift();
      job.resolve();
      if (this.queue.length > 0) this.tick();
      return;
    }
    const nextDue = job.entry.startMs + (job.written + 1) * charMs;
    this.timer = setTimeout(() => this.tick(), Math.max(this.batchMs, nextDue - this.now()));
  }
}

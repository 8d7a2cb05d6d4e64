/**
 * Runs the node's drains: one at a time (the library's per-endpoint lock also keeps other nodes
 * of the same gateway out), on request or automatically (every N seconds and/or when MESS_CNT
 * reaches a threshold, polled together with GET_SPACE for the idle status).
 */
import { MeterError } from '../../../src/errors';
import { RecordDrain, isDrainRunning, type DrainCheckpoint, type DrainResult } from '../../../src/smartcom/drain';
import { readFreeSpace, readRecordCount } from '../../../src/smartcom/scdata-ops';
import { withSmartcom, type AtChannelLender } from '../../../src/smartcom/with-smartcom';
import type { AckTracker } from './ack-tracker';
import type { ScdataReadSettings } from './config';
import { nodeDeliver } from './delivery';
import type { StatusView } from './status-view';

/** What failed without an input message: an automatic drain, or the poll of the stored count (and free space). */
export type AutomaticAction = 'drain' | 'count';

export interface DrainControllerOptions {
  lender: AtChannelLender;
  /** The endpoint key (lock and fallback identity); undefined while the connection is not acquired. */
  lockKey: () => string | undefined;
  settings: ScdataReadSettings;
  status: StatusView;
  acks: AckTracker | undefined;
  checkpoint: DrainCheckpoint | undefined;
  warn: (text: string) => void;
  /**
   * A failure of an automatic drain or poll, which no input message waits for: `action` is `drain` for
   * an automatic drain (every N seconds or at the threshold), `count` for the poll (MESS_CNT and GET_SPACE).
   */
  error: (error: unknown, action: AutomaticAction) => void;
  /** Sends without an input message (automatic drains). */
  send: (msg: Record<string, unknown>) => void;
  timeoutMs: number;
  /** The node's catalog (RED._), for the node's own texts. */
  translate: (key: string, params?: Record<string, string | number>) => string;
}

export class DrainController {
  private current: { drain: RecordDrain; done: Promise<unknown> } | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(private readonly options: DrainControllerOptions) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Starts a drain (E_BUSY when one of this gateway runs) and resolves with its result. */
  async run(send: (msg: Record<string, unknown>) => void): Promise<DrainResult> {
    const key = this.options.lockKey();
    const { settings, status, translate: t } = this.options;
    if (this.current || (key !== undefined && isDrainRunning(key))) {
      throw new MeterError('E_BUSY', key === undefined ? t('scdata-read.error.busy-this') : t('scdata-read.error.busy', { gateway: key }));
    }
    const drain = new RecordDrain(this.options.lender, nodeDeliver({ output: settings.output, acks: this.options.acks, ackTimeoutMs: settings.ackTimeoutMs, send, translate: t }), {
      batchSize: settings.batchSize,
      ...(settings.maxRecords > 0 ? { maxRecords: settings.maxRecords } : {}),
      ...(key !== undefined ? { lockKey: key } : {}),
      ...(this.options.checkpoint ? { checkpoint: this.options.checkpoint } : {}),
      leaseTimeoutMs: this.options.timeoutMs,
    });
    drain.on('progress', (progress: DrainResult) => status.progress(progress.deleted, progress.total));
    drain.on('gap', (gap) => this.options.warn(t('scdata-read.warn.gap', { gap: JSON.stringify(gap) })));
    const done = drain.run();
    this.current = { drain, done: done.catch(() => undefined) };
    status.progress(0, 0);
    try {
      const result = await done;
      status.storeLevel({ count: result.heldBack, ...(result.freeBytes !== undefined ? { freeBytes: result.freeBytes } : {}) });
      return result;
    } finally {
      this.current = undefined;
      this.options.acks?.clear();
      status.drainEnded();
    }
  }

  /** Ends the running drain after its current round. */
  stop(): void {
    this.current?.drain.stop();
  }

  startAutomatic(): void {
    const { autoIntervalMs, autoThreshold, pollIntervalMs } = this.options.settings;
    if (autoIntervalMs > 0) this.timers.push(setInterval(() => this.automatic(), autoIntervalMs));
    if (pollIntervalMs > 0 && (autoThreshold > 0 || this.options.settings.lowSpaceBytes > 0)) {
      this.timers.push(setInterval(() => void this.poll(), pollIntervalMs));
    }
  }

  /** MESS_CNT and GET_SPACE in one lease: the idle status, the low-space warning, the threshold. */
  async poll(): Promise<void> {
    if (this.closed || this.running) return;
    try {
      const level = await withSmartcom(this.options.lender, async (client) => ({ count: await readRecordCount(client), freeBytes: await readFreeSpace(client) }), {
        timeoutMs: this.options.timeoutMs, label: 'scdata poll',
      });
      this.options.status.storeLevel(level);
      const { autoThreshold } = this.options.settings;
      if (autoThreshold > 0 && level.count >= autoThreshold) this.automatic();
    } catch (error) {
      this.options.error(error, 'count');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    const current = this.current;
    current?.drain.stop();
    // The round in progress finishes (its deliveries are deleted); Node-RED waits 15 s at most.
    if (current) await Promise.race([current.done, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  }

  private automatic(): void {
    const key = this.options.lockKey();
    if (this.closed || this.running || (key !== undefined && isDrainRunning(key))) return;
    this.run(this.options.send).catch((error: unknown) => this.options.error(error, 'drain'));
  }
}

import type { StoredRecord } from '../stored-record';
import type { DrainCheckpoint, DrainCheckpointState, DrainGap } from './types';

/**
 * What a drain knows between rounds: the keys of records delivered but not yet deleted (never
 * delivered twice), the last delivered sequence number per record type (for gaps), persisted
 * through the optional checkpoint before anything is deleted.
 */
export class DrainState {
  private readonly known = new Set<string>();
  private lastSequence: Record<string, number> = {};

  constructor(readonly gatewayId: string, private readonly checkpoint: DrainCheckpoint | undefined) {}

  /** Restores a checkpoint of the same gateway (another gateway's keys can never match). */
  async load(): Promise<void> {
    const saved = await this.checkpoint?.load();
    if (!saved || saved.gatewayId !== this.gatewayId) return;
    for (const key of saved.keys) this.known.add(key);
    this.lastSequence = { ...saved.lastSequence };
  }

  get knownCount(): number {
    return this.known.size;
  }

  isDelivered(record: StoredRecord): boolean {
    return this.known.has(record.key);
  }

  sequences(): Record<string, number> {
    return { ...this.lastSequence };
  }

  /**
   * The gap before the oldest stored record of its type, if its sequence number jumped past the
   * last one delivered. A number lower than expected means the gateway started counting again: no gap.
   */
  gapBefore(oldest: StoredRecord): DrainGap | undefined {
    const last = this.lastSequence[oldest.type];
    if (oldest.sequence === null || last === undefined || oldest.sequence <= last + 1) return undefined;
    return { type: oldest.type, lostFrom: last + 1, lostTo: oldest.sequence - 1, count: oldest.sequence - last - 1 };
  }

  /** A reported gap is not reported again (also by the next drain, once a delivery saved the state). */
  acceptGap(gap: DrainGap): void {
    this.lastSequence[gap.type] = gap.lostTo;
  }

  /** Records `records` as delivered and persists that before returning. */
  async delivered(records: readonly StoredRecord[]): Promise<void> {
    if (records.length === 0) return;
    for (const record of records) {
      this.known.add(record.key);
      if (record.sequence !== null) this.lastSequence[record.type] = record.sequence;
    }
    await this.save();
  }

  /** The gateway deleted these (the oldest `count` of a round): they are no longer "delivered, still stored". */
  deleted(records: readonly StoredRecord[]): void {
    // Not saved on its own: a stale key in the checkpoint is harmless (prune drops it at the next read).
    for (const record of records) this.known.delete(record.key);
  }

  /**
   * Forgets delivered keys that are no longer stored. Delivered records form the oldest part of
   * the store (delivery goes oldest first) and a round reads at least as many records as are
   * known, so a known key missing from `read` was deleted or overwritten: it can never come back.
   */
  async prune(read: readonly StoredRecord[]): Promise<void> {
    if (this.known.size === 0) return;
    const present = new Set(read.map((record) => record.key));
    let changed = false;
    for (const key of this.known) {
      if (!present.has(key)) changed = this.known.delete(key) || changed;
    }
    if (changed) await this.save();
  }

  /** Saves the state as it is now (at the end of a drain, so the checkpoint holds no deleted keys). */
  async flush(): Promise<void> {
    await this.save();
  }

  private async save(): Promise<void> {
    if (!this.checkpoint) return;
    const state: DrainCheckpointState = { gatewayId: this.gatewayId, keys: [...this.known], lastSequence: { ...this.lastSequence } };
    await this.checkpoint.save(state);
  }
}

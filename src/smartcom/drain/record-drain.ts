import { EventEmitter } from 'node:events';
import type { SmartcomClient } from '../client';
import { readGatewayIdentity, readOldestRecords, readRecordCount } from '../scdata-ops';
import { MAX_RECORD_COUNT } from '../scdata-commands';
import type { StoredRecord } from '../stored-record';
import { withSmartcom, type AtChannelLender } from '../with-smartcom';
import { confirmAndDelete } from './confirm-delete';
import { deliverRound } from './deliver-round';
import { acquireDrainLock } from './lock';
import { isTransient } from './retry';
import { DrainState } from './state';
import type { DeliverFn, DrainGap, DrainOptions, DrainResult, DrainStopReason } from './types';

/** deliver's own failure: never retried (whatever its code), the drain ends with it. */
class DeliveryFailure {
  constructor(readonly error: unknown) {}
}

/** A pooled Connection (its `key` is the endpoint) or the smartcom-config node's shared connection. */
export type DrainLender = AtChannelLender & { readonly key?: string };

/**
 * Reads the gateway's records oldest first, hands each round to `deliver`, and deletes exactly the
 * records deliver accepted, after confirming (in the same lease as the delete) that the oldest
 * record is still the one read. A record is never deleted unless deliver resolved for it (see
 * confirm-delete.ts for the one window the gateway leaves open). Each read and each delete is one
 * lease, so other users' commands interleave between them. Events: 'gap' (DrainGap), 'progress'.
 */
export class RecordDrain extends EventEmitter {
  private stopRequested = false;
  /** The largest record seen, in bytes (estimated from its text), at least 512. */
  private largestRecord = 512;
  private state: DrainState | undefined;
  private readonly result: DrainResult = {
    gatewayId: '', stopped: 'empty', round: 0, delivered: 0, deleted: 0, total: 0, freeBytes: undefined,
    gaps: [], lost: 0, restarts: 0, retried: 0, heldBack: 0, lastSequence: {},
  };

  constructor(private readonly lender: DrainLender, private readonly deliver: DeliverFn, private readonly options: DrainOptions = {}) {
    super();
  }

  /** Ends the drain after the current round (its deliveries are still deleted). */
  stop(): void {
    this.stopRequested = true;
  }

  /** A copy of the figures so far (also after a failure). */
  snapshot(): DrainResult {
    return { ...this.result, gaps: [...this.result.gaps], lastSequence: this.state?.sequences() ?? {}, heldBack: this.state?.knownCount ?? 0 };
  }

  async run(): Promise<DrainResult> {
    const { signal } = this.options;
    const onAbort = (): void => this.stop();
    if (signal?.aborted) this.stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    const early = this.options.lockKey ?? this.lender.key;
    let release = early === undefined ? undefined : acquireDrainLock(early);
    try {
      const gatewayId = await this.retrying(() => this.lease((client) => this.begin(client)));
      release ??= acquireDrainLock(gatewayId);
      this.state = new DrainState(gatewayId, this.options.checkpoint);
      await this.state.load();
      this.result.stopped = await this.loop();
      await this.state.flush();
      return this.snapshot();
    } finally {
      signal?.removeEventListener('abort', onAbort);
      release?.();
    }
  }

  private async begin(client: SmartcomClient): Promise<string> {
    const gatewayId = this.options.gatewayId ?? (await readGatewayIdentity(client, this.options.lockKey ?? this.lender.key ?? 'gateway'));
    this.result.gatewayId = gatewayId;
    this.result.total = await readRecordCount(client);
    return gatewayId;
  }

  private async loop(): Promise<DrainStopReason> {
    try {
      for (;;) {
        if (this.stopRequested) return 'stopped';
        const end = await this.retrying(() => this.round());
        if (end) return end;
      }
    } catch (error) {
      throw error instanceof DeliveryFailure ? error.error : error;
    }
  }

  /** One round: read, deliver the new records, confirm and delete the delivered ones. */
  private async round(): Promise<DrainStopReason | undefined> {
    const state = this.requireState();
    const want = Math.min(this.options.batchSize ?? 50, (this.options.maxRecords ?? Infinity) - this.result.delivered);
    if (want <= 0) return 'max';
    this.result.round += 1;
    // Read past the delivered-but-kept records at the head, so that each round has `want` new ones.
    const count = Math.min(MAX_RECORD_COUNT, want + state.knownCount);
    const records = await this.lease((client) => readOldestRecords(client, count, state.gatewayId));
    await state.prune(records);
    if (records.length === 0) return 'empty';
    this.checkGap(records[0]);
    const fresh = records.filter((record) => !state.isDelivered(record)).slice(0, want);
    const outcome = await deliverRound(this.deliver, fresh, this.result.round);
    await state.delivered(fresh.slice(0, outcome.count));
    this.result.delivered += outcome.count;
    const deleted = await this.deleteDelivered(records, outcome.error);
    if (outcome.error !== undefined) throw new DeliveryFailure(outcome.error);
    if (outcome.count < fresh.length) return 'partial';
    return fresh.length === 0 && deleted === 0 ? 'empty' : undefined;
  }

  /** Deletes the delivered records at the head; a failure after a delivery failure keeps the delivery's error. */
  private async deleteDelivered(records: readonly StoredRecord[], deliveryError: unknown): Promise<number> {
    const state = this.requireState();
    const prefix = records.findIndex((record) => !state.isDelivered(record));
    const delivered = prefix < 0 ? records.length : prefix;
    if (delivered === 0) return 0;
    for (const record of records) this.largestRecord = Math.max(this.largestRecord, approximateBytes(record));
    // Room for two records: one store in the window cannot overwrite (the gateway's record size is undocumented).
    const guard = { nearFullBytes: this.options.nearFullBytes ?? 2 * this.largestRecord, overwriteGuard: this.options.overwriteGuard ?? 1 };
    try {
      const outcome = await this.lease((client) => confirmAndDelete(client, records[0], delivered, guard, state.gatewayId));
      if (outcome.kind === 'moved') {
        this.result.restarts += 1;
        return 0;
      }
      state.deleted(records.slice(0, outcome.count));
      this.result.deleted += outcome.count;
      this.result.freeBytes = outcome.freeBytes;
      this.result.total = Math.max(this.result.total, this.result.deleted);
      this.emit('progress', this.snapshot());
      this.options.onProgress?.(this.snapshot());
      return outcome.count;
    } catch (error) {
      if (deliveryError !== undefined) return 0;
      throw error;
    }
  }

  private checkGap(oldest: StoredRecord): void {
    const gap = this.requireState().gapBefore(oldest);
    if (!gap) return;
    this.requireState().acceptGap(gap);
    this.result.gaps.push(gap);
    this.result.lost += gap.count;
    this.emit('gap', gap);
    this.options.onGap?.(gap);
  }

  /** Runs `work`; a transient failure starts it over, up to `retries` times in a row. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let failures = 0; ; failures++) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof DeliveryFailure || !isTransient(error) || failures >= (this.options.retries ?? 5)) throw error;
        this.result.retried += 1;
      }
    }
  }

  private lease<T>(work: (client: SmartcomClient) => Promise<T>): Promise<T> {
    const timeoutMs = this.options.leaseTimeoutMs ?? 30_000;
    return withSmartcom(this.lender, work, { timeoutMs, commandTimeoutMs: Math.min(timeoutMs, this.options.commandTimeoutMs ?? 10_000), label: 'scdata drain' });
  }

  private requireState(): DrainState {
    if (!this.state) throw new Error('RecordDrain: state used before the drain started');
    return this.state;
  }
}

/** A record's size in the gateway's memory, estimated from its text (the real layout is undocumented). */
function approximateBytes(record: StoredRecord): number {
  return 64 + (record.identification?.length ?? 0) + (record.data?.length ?? 0) + (record.fields?.join(',').length ?? 0);
}

/** Drains the gateway's record store into `deliver`; see RecordDrain. Use `new RecordDrain(...)` for stop() and events. */
export function drainRecords(connection: DrainLender, deliver: DeliverFn, options: DrainOptions = {}): Promise<DrainResult> {
  return new RecordDrain(connection, deliver, options).run();
}

export type { DrainGap };

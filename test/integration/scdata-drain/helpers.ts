/** What the drain tests observe: records stored in the simulator, what deliver saw, what the gateway deleted and why. */
import assert from 'node:assert/strict';
import type { SmartcomSimulator } from '../../../src/sim/smartcom';
import type { DeliverFn } from '../../../src/smartcom/drain';
import type { StoredRecord } from '../../../src/smartcom/stored-record';

/** Stores `count` IEC records (meter 1) without the scheduler. */
export function storeRecords(sim: SmartcomSimulator, count: number): void {
  for (let i = 0; i < count; i++) {
    sim.storeRecord({ protocol: 'IEC62056-21', index: 1, errorCode: 0, identification: 'ZE310.iv30_012', data: `F.F(000000)\r\n1.8.0(${i}*kWh)\r\n` });
  }
}

/** A deliver that accepts everything and remembers each delivery (sequence -> keys, one per delivery). */
export interface Recorder {
  deliver: DeliverFn;
  deliveries: Map<number, string[]>;
  records: StoredRecord[];
  delivered(): number[];
}

export function recorder(onRound?: (records: readonly StoredRecord[]) => Promise<void> | void): Recorder {
  const deliveries = new Map<number, string[]>();
  const records: StoredRecord[] = [];
  return {
    deliveries,
    records,
    delivered: () => [...deliveries.keys()].sort((a, b) => a - b),
    deliver: async (batch) => {
      for (const record of batch) {
        records.push(record);
        deliveries.set(record.sequence ?? -1, [...(deliveries.get(record.sequence ?? -1) ?? []), record.key]);
      }
      await onRound?.(batch);
    },
  };
}

/** Sequence numbers the gateway deleted for a DEL_OLDEST (not overwrites, not DEL_ALL). */
export function deletedByDrain(sim: SmartcomSimulator): number[] {
  return sim.deletedRecords.filter((entry) => entry.reason === 'DEL_OLDEST').map((entry) => entry.record.seq);
}

export function overwritten(sim: SmartcomSimulator): number[] {
  return sim.deletedRecords.filter((entry) => entry.reason === 'overwrite').map((entry) => entry.record.seq);
}

/** The guarantee: every record the drain deleted had been delivered first. */
export function assertOnlyDeliveredDeleted(sim: SmartcomSimulator, delivered: Iterable<number>): void {
  const seen = new Set(delivered);
  const undelivered = deletedByDrain(sim).filter((seq) => !seen.has(seq));
  assert.deepEqual(undelivered, [], 'records deleted without having been delivered');
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

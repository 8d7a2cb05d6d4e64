import type { StoredRecord } from '../stored-record';
import type { DeliverFn } from './types';

/**
 * A DeliverFn from a per-record function: records go one at a time, and each counts as delivered
 * as soon as `fn` resolved for it, so a failure at the 7th leaves 1-6 delivered (and deleted).
 */
export function eachRecord(fn: (record: StoredRecord) => Promise<void> | void): DeliverFn {
  return async (records, round) => {
    for (let i = 0; i < records.length; i++) {
      await fn(records[i]);
      round.delivered(i + 1);
    }
  };
}

import type { StoredRecord } from '../stored-record';
import type { DeliverFn } from './types';

export interface DeliveryOutcome {
  /** How many of the records (from the first) were delivered. */
  count: number;
  /** Why delivery stopped, when `deliver` rejected. */
  error?: unknown;
}

/**
 * Calls `deliver` once and works out how many records it delivered: all when it resolved, the
 * number it resolved with, or (when it rejected) the last count it marked with round.delivered().
 * A record counts only once deliver said so: nothing is assumed.
 */
export async function deliverRound(deliver: DeliverFn, records: readonly StoredRecord[], number: number): Promise<DeliveryOutcome> {
  if (records.length === 0) return { count: 0 };
  let marked = 0;
  const round = {
    number,
    delivered(count: number): void {
      if (Number.isInteger(count) && count >= 0) marked = Math.max(marked, Math.min(count, records.length));
    },
  };
  try {
    const result = await deliver(records, round);
    if (typeof result === 'number' && Number.isInteger(result)) return { count: Math.max(0, Math.min(result, records.length)) };
    return { count: records.length };
  } catch (error) {
    return { count: marked, error };
  }
}

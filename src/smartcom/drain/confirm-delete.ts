import type { SmartcomClient } from '../client';
import { deleteOldestRecords, readFreeSpace, readOldestRecords } from '../scdata-ops';
import type { StoredRecord } from '../stored-record';

export interface GuardOptions {
  nearFullBytes: number;
  overwriteGuard: number;
}

export type DeleteOutcome = { kind: 'moved'; oldest: StoredRecord | undefined } | { kind: 'deleted'; count: number; freeBytes: number };

/**
 * Runs inside ONE lease, so none of our other commands comes between the check and the delete:
 * GET_SPACE, then GET_OLDEST,1 must still be `first` (else the ring buffer overwrote it since the
 * read: delete nothing), then DEL_OLDEST of the `delivered` oldest records.
 *
 * The window that remains: the gateway's own scheduler may store a record between the GET_OLDEST,1
 * answer and the DEL_OLDEST (the gateway offers no conditional delete). Appended to a store with
 * room, that is harmless. Into a full store it overwrites the oldest record, and DEL_OLDEST n would
 * then take one record more than was delivered. Hence: when less than `nearFullBytes` are free,
 * `overwriteGuard` delivered records are held back (left on the gateway, remembered as delivered,
 * deleted in a later round without being delivered again). That covers as many stores in the window
 * as the guard counts; more than that would delete undelivered records, and the next round reports
 * them as a gap.
 */
export async function confirmAndDelete(client: SmartcomClient, first: StoredRecord, delivered: number, guard: GuardOptions, gatewayId: string): Promise<DeleteOutcome> {
  const freeBytes = await readFreeSpace(client);
  const [oldest] = await readOldestRecords(client, 1, gatewayId);
  if (oldest?.key !== first.key) return { kind: 'moved', oldest };
  const count = delivered - (freeBytes < guard.nearFullBytes ? guard.overwriteGuard : 0);
  if (count > 0) await deleteOldestRecords(client, count);
  return { kind: 'deleted', count: Math.max(0, count), freeBytes };
}

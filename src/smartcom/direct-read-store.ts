import { AtCommand } from '../at/command';
import type { SmartcomClient } from './client';
import { parseCount } from './count';
import { type AmsRecord, parseScdataRecords } from './scdata';

/**
 * The stored-record fallback of DIRECT_READ (reference section 6): a gateway that answers just OK may have
 * put the readout into its record store instead. GET_OLDEST is the only documented way to list records, so
 * all `MESS_CNT` records are listed (oldest first) and the newest one of the meter is taken.
 */

/** Records of direct reads carry no AMS table position: the simulator (and, we assume, the gateway) uses 0. */
export const DIRECT_READ_RECORD_INDEX = 0;

export interface StoredRecordQuery {
  protocol: string;
  /** The AMS table position the record carries; default DIRECT_READ_RECORD_INDEX. */
  index?: number;
  /** Records with a lower sequence number are older than the read (when the caller knows the last one). */
  afterSequence?: number;
}

const MESS_CNT = AtCommand.set('^SCDATA', ['MESS_CNT']);

function getOldest(count: number): AtCommand {
  return AtCommand.set('^SCDATA', ['GET_OLDEST', count]);
}

/** The newest stored AMS record of that protocol and index, or undefined when there is none. */
export async function newestStoredRecord(client: SmartcomClient, query: StoredRecordQuery): Promise<AmsRecord | undefined> {
  const count = parseCount((await client.send(MESS_CNT)).lines);
  if (count <= 0) return undefined;
  const records = parseScdataRecords((await client.send(getOldest(count))).lines);
  const index = query.index ?? DIRECT_READ_RECORD_INDEX;
  let newest: AmsRecord | undefined;
  for (const record of records) {
    if (record.kind !== 'ams' || record.index !== index) continue;
    if (record.protocol.toUpperCase() !== query.protocol.toUpperCase()) continue;
    if (query.afterSequence !== undefined && record.sequence <= query.afterSequence) continue;
    if (!newest || record.sequence > newest.sequence) newest = record;
  }
  return newest;
}

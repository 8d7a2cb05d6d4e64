import type { SmartcomClient } from './client';
import { parseCount } from './count';
import { parseScdataRecords } from './scdata';
import {
  deleteAllCommand, deleteOldestCommand, getFilteredCommand, getOldestCommand, getSpaceCommand, messCountCommand, serialNumberCommand,
} from './scdata-commands';
import { toStoredRecord, type StoredRecord } from './stored-record';

/**
 * The stored-record operations over one SmartcomClient (so over one lease: run several in a row
 * with withSmartcom and nobody else's command comes in between). Counts are read from either
 * answer variant (`^SCDATA: 5` or `^SCDATA: "MESS_CNT",5`).
 */

/** MESS_CNT: how many records the gateway holds. */
export async function readRecordCount(client: SmartcomClient): Promise<number> {
  return parseCount((await client.send(messCountCommand())).lines);
}

/** GET_SPACE: free memory for records, in bytes. */
export async function readFreeSpace(client: SmartcomClient): Promise<number> {
  return parseCount((await client.send(getSpaceCommand())).lines);
}

/** GET_OLDEST,n: the n oldest records (fewer when fewer are stored); nothing is deleted. */
export async function readOldestRecords(client: SmartcomClient, count: number, gatewayId: string): Promise<StoredRecord[]> {
  const response = await client.send(getOldestCommand(count));
  return parseScdataRecords(response.lines).map((record) => toStoredRecord(record, gatewayId));
}

/** GET_FILTERED: the records matching every condition of `filter` (validated: 150 characters, 10 conditions, no quotes). */
export async function readFilteredRecords(client: SmartcomClient, filter: string, gatewayId: string): Promise<StoredRecord[]> {
  const response = await client.send(getFilteredCommand(filter));
  return parseScdataRecords(response.lines).map((record) => toStoredRecord(record, gatewayId));
}

/** DEL_OLDEST,n. Deletes whatever is oldest at that moment: see drainRecords for deleting only what was delivered. */
export async function deleteOldestRecords(client: SmartcomClient, count: number): Promise<void> {
  await client.send(deleteOldestCommand(count));
}

/** DEL_ALL: every stored record, delivered or not. */
export async function deleteAllRecords(client: SmartcomClient): Promise<void> {
  await client.send(deleteAllCommand());
}

/**
 * The gateway's identity for record keys: the serial number `ATI4` reports (2N's AT API documents
 * ATI4 as the serial; the simulator answers it too), else `fallback` (the endpoint) when the
 * gateway refuses ATI4 or answers nothing.
 */
export async function readGatewayIdentity(client: SmartcomClient, fallback: string): Promise<string> {
  try {
    const line = (await client.send(serialNumberCommand())).lines.map((text) => text.trim()).find((text) => text !== '');
    return line ?? fallback;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'E_AT_ERROR') return fallback;
    throw error;
  }
}

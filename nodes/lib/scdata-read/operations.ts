/** The single-shot actions (everything but drain), each in one lease of the shared connection. */
import type { SmartcomClient } from '../../../src/smartcom/client';
import {
  deleteAllRecords, deleteOldestRecords, readFilteredRecords, readFreeSpace, readGatewayIdentity, readOldestRecords, readRecordCount,
} from '../../../src/smartcom/scdata-ops';
import { withSmartcom, type AtChannelLender } from '../../../src/smartcom/with-smartcom';
import type { ScdataRequest } from './request';
import type { StoreLevel } from './status-view';

export interface OperationResult {
  payload: unknown;
  /** What the answer told about the store, for the idle status. */
  level: StoreLevel;
}

export interface OperationContext {
  lender: AtChannelLender;
  /** The gateway identity for record keys (cached: the same as the drain's, so keys match). */
  identity: (client: SmartcomClient) => Promise<string>;
  timeoutMs: number;
}

export function runOperation(request: Exclude<ScdataRequest, { action: 'drain' }>, context: OperationContext): Promise<OperationResult> {
  return withSmartcom(context.lender, (client) => operate(client, request, context), { timeoutMs: context.timeoutMs, label: `scdata ${request.action}` });
}

async function operate(client: SmartcomClient, request: Exclude<ScdataRequest, { action: 'drain' }>, context: OperationContext): Promise<OperationResult> {
  switch (request.action) {
    case 'count': {
      const count = await readRecordCount(client);
      return { payload: count, level: { count } };
    }
    case 'space': {
      const freeBytes = await readFreeSpace(client);
      return { payload: freeBytes, level: { freeBytes } };
    }
    case 'oldest':
      return { payload: await readOldestRecords(client, request.count, await context.identity(client)), level: {} };
    case 'filtered':
      return { payload: await readFilteredRecords(client, request.filter, await context.identity(client)), level: {} };
    case 'delete-oldest':
      await deleteOldestRecords(client, request.count);
      return { payload: { deleted: request.count }, level: { count: await readRecordCount(client) } };
    case 'delete-all':
      await deleteAllRecords(client);
      return { payload: { deletedAll: true }, level: { count: 0 } };
  }
}

/** Reads the identity once per node (ATI4, else the endpoint) and keeps it. */
export function cachedIdentity(fallback: () => string): (client: SmartcomClient) => Promise<string> {
  let known: string | undefined;
  return async (client) => {
    known ??= await readGatewayIdentity(client, fallback());
    return known;
  };
}

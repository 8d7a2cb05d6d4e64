import { endpointKey } from '../../src/transport/link';
import type { SmartcomClient } from '../../src/smartcom/client';
import { drainRecords, type DrainLender } from '../../src/smartcom/drain';
import { readFilteredRecords, readFreeSpace, readGatewayIdentity, readOldestRecords, readRecordCount } from '../../src/smartcom/scdata-ops';
import { jsonlFile } from './jsonl-file';
import { usageError, wholeNumber, type SmartcomArgs } from './args';

/**
 * `smartcom ... data <action>`: the gateway's stored records.
 *   count | space | oldest <n> | filtered <filter> | drain --out <file.jsonl> [--batch n] [--max n]
 * drain appends one JSON line per record, fsyncs, and only then deletes those records.
 */
export async function runDataCommand(client: SmartcomClient, args: SmartcomArgs): Promise<unknown> {
  const fallback = endpointKey(args.endpoint);
  switch (args.action) {
    case 'count':
      return { count: await readRecordCount(client) };
    case 'space':
      return { freeBytes: await readFreeSpace(client) };
    case 'oldest':
      return readOldestRecords(client, wholeNumber(args.words[0], 'n'), await readGatewayIdentity(client, fallback));
    case 'filtered':
      return readFilteredRecords(client, args.words[0] ?? '', await readGatewayIdentity(client, fallback));
    case 'drain':
      return drainToFile(client, args, fallback);
    default:
      throw usageError(`unknown data command ${JSON.stringify(args.action)}; use count, space, oldest, filtered or drain`);
  }
}

async function drainToFile(client: SmartcomClient, args: SmartcomArgs, fallback: string): Promise<unknown> {
  if (!args.flags.out) throw usageError('data drain needs --out <file.jsonl>');
  const sink = await jsonlFile(args.flags.out);
  try {
    return await drainRecords(directLender(client), sink.deliver, {
      lockKey: fallback,
      ...(args.flags.batch !== undefined ? { batchSize: wholeNumber(args.flags.batch, '--batch') } : {}),
      ...(args.flags.max !== undefined ? { maxRecords: wholeNumber(args.flags.max, '--max') } : {}),
      commandTimeoutMs: args.timeoutMs,
      retries: 0,
    });
  } finally {
    await sink.close();
  }
}

/** The command line's one direct connection as a lender: each "lease" is simply the next step on it. */
function directLender(client: SmartcomClient): DrainLender {
  return {
    lease: (fn) => fn({ session: client.channel, signal: new AbortController().signal, ended: false,
      // withSmartcom uses only session and ended; the direct link is not exposed by withGateway.
      link: undefined as unknown as Parameters<typeof fn>[0]['link'] }),
  };
}

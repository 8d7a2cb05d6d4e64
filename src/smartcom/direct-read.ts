import { AtChannel } from '../at/channel';
import { describeAmsCode, AMS_ERROR_CODES } from '../error-codes';
import { isMeterError, MeterError } from '../errors';
import { IdentificationMessage } from '../iec62056/identification';
import { parseReadout, type Readout } from '../iec62056/readout';
import { SmartcomClient } from './client';
import { directReadCommand } from './commands';
import { type DirectReadReply, parseDirectReadReply } from './direct-read-reply';
import { newestStoredRecord } from './direct-read-store';
import type { AmsRecord } from './scdata';

export interface DirectReadOptions {
  /** Gateway port the meter hangs on (2: RS485). */
  port: number;
  /** Only IEC62056-21 (the default) has a readout to parse. */
  protocol?: string;
  /** The meter's device address, as in DEV_ADD. */
  address: string;
  /** Sent as the 5th argument; a gateway that answers ERROR to it is asked again without it. */
  baudRate?: number;
  /** The DIRECT_READ command's own timeout (a 300 Bd readout takes tens of seconds). Default 120 s. */
  timeoutMs?: number;
  /** When the answer carries no data, read the newest stored record of the meter instead. Default true. */
  storedRecordFallback?: boolean;
}

/** Where the data came from: the reply's `^SCAMS:` lines, a `^SCDATA:` record in the reply, or the store. */
export type GatewayReplyKind = 'scams-lines' | 'record' | 'stored-record';

/** A gateway read, shaped so that shapeMeterPayload treats it like a direct one. */
export interface GatewayReadResult {
  kind: 'gateway-read';
  readout: Readout;
  /** The identification text after the manufacturer and baud character; null when the gateway gave none. */
  identification: string | null;
  /** Only known when the gateway passes the whole identification line (`/LGZ5...`). */
  manufacturer: string | null;
  /** The meter's data lines as the gateway passed them. */
  data: string;
  reply: GatewayReplyKind;
  /** Whether the baud rate argument was accepted (false: it was left out, or refused and retried without). */
  baudArgument: boolean;
  record?: AmsRecord;
  durationMs: number;
}

export const DEFAULT_DIRECT_READ_TIMEOUT_MS = 120_000;
const IEC = 'IEC62056-21';

/**
 * `AT^SCAMS="DIRECT_READ",<port>,"IEC62056-21","<address>"[,<baud>]`: the gateway reads the meter now.
 * Accepts every reply variant (see parseDirectReadReply), retries without the baud rate on ERROR, falls back
 * to the newest stored record when the reply has no data, and turns a non-zero AMS code into a MeterError
 * with that code (65541: the meter did not answer...). Run it inside one lease (withSmartcom).
 */
export async function directRead(target: AtChannel | SmartcomClient, options: DirectReadOptions): Promise<GatewayReadResult> {
  const startedAt = Date.now();
  const client = target instanceof SmartcomClient ? target : new SmartcomClient(target);
  const protocol = options.protocol ?? IEC;
  if (protocol.toUpperCase() !== IEC) throw new MeterError('E_BAD_ARGUMENT', `protocol: directRead reads IEC 62056-21 meters only, got ${JSON.stringify(protocol)}`, { details: { field: 'protocol' } });
  const timeoutMs = options.timeoutMs ?? DEFAULT_DIRECT_READ_TIMEOUT_MS;
  const { reply, baudArgument } = await sendDirectRead(client, options, timeoutMs);
  let found: { kind: GatewayReplyKind; reply: DirectReadReply } | undefined = reply.kind === 'empty' ? undefined : { kind: reply.kind, reply };
  if (!found && options.storedRecordFallback !== false) found = await fromStore(client);
  if (!found) throw noData(options.address);
  return toResult(found.kind, found.reply, baudArgument, startedAt);
}

async function sendDirectRead(client: SmartcomClient, options: DirectReadOptions, timeoutMs: number): Promise<{ reply: DirectReadReply; baudArgument: boolean }> {
  if (options.baudRate !== undefined) {
    try {
      return { reply: await execute(client, directReadCommand(options.port, IEC, options.address, options.baudRate), timeoutMs), baudArgument: true };
    } catch (error) {
      if (!isMeterError(error) || error.code !== 'E_AT_ERROR') throw error;
      // Firmware that takes no baud rate says ERROR: ask again without it (reference section 6).
    }
  }
  return { reply: await execute(client, directReadCommand(options.port, IEC, options.address), timeoutMs), baudArgument: false };
}

/** Runs the command, keeping the `^SCDATA:` lines the channel reports as URCs while it runs (the 'record' variant). */
async function execute(client: SmartcomClient, command: ReturnType<typeof directReadCommand>, timeoutMs: number): Promise<DirectReadReply> {
  const urcs: string[] = [];
  const onUrc = (line: string): void => {
    if (/^\s*\^SCDATA:/i.test(line)) urcs.push(line);
  };
  client.channel.on('urc', onUrc);
  try {
    const response = await client.send(command, timeoutMs);
    return parseDirectReadReply(response.lines, urcs);
  } finally {
    client.channel.off('urc', onUrc);
  }
}

async function fromStore(client: SmartcomClient): Promise<{ kind: GatewayReplyKind; reply: DirectReadReply } | undefined> {
  const record = await newestStoredRecord(client, { protocol: IEC });
  if (!record) return undefined;
  return { kind: 'stored-record', reply: { kind: 'record', errorCode: record.errorCode, identification: record.identification, data: record.data, record } };
}

function toResult(kind: GatewayReplyKind, reply: DirectReadReply, baudArgument: boolean, startedAt: number): GatewayReadResult {
  if (reply.errorCode !== 0) throw amsFailure(reply.errorCode);
  const ident = splitIdentification(reply.identification);
  const result: GatewayReadResult = {
    kind: 'gateway-read',
    readout: parseReadout(reply.data),
    identification: ident.identification,
    manufacturer: ident.manufacturer,
    data: reply.data,
    reply: kind,
    baudArgument,
    durationMs: Date.now() - startedAt,
  };
  if (reply.record) result.record = reply.record;
  return result;
}

/** `/LGZ5ZMD...` gives manufacturer and text; a bare text (what the gateway stores) is the text alone. */
function splitIdentification(text: string): { identification: string | null; manufacturer: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { identification: null, manufacturer: null };
  const message = trimmed.startsWith('/') ? IdentificationMessage.tryDecode(Buffer.from(trimmed, 'latin1')) : undefined;
  return message ? { identification: message.identification, manufacturer: message.manufacturer } : { identification: trimmed, manufacturer: null };
}

/** The gateway's AMS code as the error's code, with the table's description and hint (the code is not repeated in the text: every report adds it). */
export function amsFailure(code: number): MeterError {
  return new MeterError(code, `the gateway could not read the meter: ${describeAmsCode(code)}`, {
    details: { amsCode: code },
    ...(AMS_ERROR_CODES.get(code)?.hint ? { hint: AMS_ERROR_CODES.get(code)?.hint } : {}),
  });
}

function noData(address: string): MeterError {
  return new MeterError('E_PARSE', `DIRECT_READ of meter ${address} answered OK but carried no data, and no stored record of it was found`, {
    details: { address },
    hint: 'Check that this firmware supports DIRECT_READ (AT^SCAMS=?), the gateway port and the meter address.',
  });
}

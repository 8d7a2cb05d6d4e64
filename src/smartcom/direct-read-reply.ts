import { afterPrefix, integerField, splitFields } from './fields';
import { type AmsRecord, parseScdataRecords } from './scdata';

/**
 * The answer to `AT^SCAMS="DIRECT_READ",...` in every form we accept. The vendor never showed one
 * (reference section 6), so each plausible variant is read:
 * - 'scams-lines': `^SCAMS: "DIRECT_READ",<err>,"<ident>"` then one `^SCAMS: <data line>` per line
 *   (bare data lines without a prefix are taken too);
 * - 'record': a `^SCDATA:` record line, like a stored record (the AT channel hands it over as a URC,
 *   because its prefix is not the command's own);
 * - 'empty': just OK; the data, if any, went into the record store.
 */
export type DirectReadReplyKind = 'scams-lines' | 'record' | 'empty';

export interface DirectReadReply {
  kind: DirectReadReplyKind;
  /** The AMS error code the gateway gave (0 when it gave none). */
  errorCode: number;
  /** The identification text as the gateway gave it ('' when none). */
  identification: string;
  /** The meter's data lines, joined by CR LF (the record's own line breaks are kept). */
  data: string;
  record?: AmsRecord;
}

const SCDATA = '\\^SCDATA';
const SCAMS = '\\^SCAMS';

/** Reads the command's information lines and the `^SCDATA:` lines that arrived while it ran. */
export function parseDirectReadReply(lines: readonly string[], urcs: readonly string[] = []): DirectReadReply {
  const record = lastAmsRecord([...lines, ...urcs]);
  if (record) {
    return { kind: 'record', errorCode: record.errorCode, identification: record.identification, data: record.data, record };
  }
  const reply: DirectReadReply = { kind: 'empty', errorCode: 0, identification: '', data: '' };
  const data: string[] = [];
  for (const line of lines) {
    const rest = afterPrefix(line, SCAMS);
    if (rest === undefined) {
      if (!/^\s*[\^+]/.test(line)) data.push(line); // a bare data line; another command's URC is not ours
      continue;
    }
    if (!readHeader(reply, rest, line)) data.push(rest);
  }
  if (data.length > 0 || reply.kind !== 'empty') {
    reply.kind = 'scams-lines';
    reply.data = data.map((line) => line.trim()).filter((line) => line !== '').join('\r\n');
  }
  return reply;
}

/** `"DIRECT_READ",<err>,"<ident>"` (both fields optional): fills `reply`, returns false for any other line. */
function readHeader(reply: DirectReadReply, rest: string, line: string): boolean {
  if (!/^\s*"DIRECT_READ"/i.test(rest)) return false;
  const fields = splitFields(rest.trim(), line);
  if (fields[1] !== undefined && fields[1].value !== '') reply.errorCode = integerField(fields[1], 'DIRECT_READ error code', line);
  if (fields[2] !== undefined) reply.identification = fields[2].value;
  reply.kind = 'scams-lines';
  return true;
}

function lastAmsRecord(lines: readonly string[]): AmsRecord | undefined {
  const recordLines = lines.filter((line) => afterPrefix(line, SCDATA) !== undefined);
  const records = parseScdataRecords(recordLines).filter((record): record is AmsRecord => record.kind === 'ams');
  return records.at(-1);
}

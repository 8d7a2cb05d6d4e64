import { afterPrefix, integerField, parseError, splitFields, stringField } from './fields';
import { plainAmsRecord } from './scdata-plain';

/**
 * `^SCDATA: "AMS",<unix>,<seq>,"<protocol>",<index>,<err>,"<ident>","<data>"`: one stored AMS
 * readout. `data` is the meter's raw text (for IEC 62056-21 the data block, lines joined by "\n").
 */
export interface AmsRecord {
  kind: 'ams';
  type: 'AMS';
  /** Unix time of the readout, seconds. */
  unixTime: number;
  /** The gateway's record sequence number (increments by 1 per record). */
  sequence: number;
  protocol: string;
  /** Position of the meter in the AMS table. */
  index: number;
  /** 0 = no error, else an AMS error code (65536+ IEC 62056-21, 131072+ M-Bus). */
  errorCode: number;
  /** The meter identification (IEC 62056-21 only, else empty). */
  identification: string;
  data: string;
  /** The record line as received. */
  raw: string;
}

/** A record of another type (`"WMBUS"`): its fields are not documented, so they are kept as text. */
export interface RawRecord {
  kind: 'raw';
  type: string;
  unixTime: number | undefined;
  sequence: number | undefined;
  /** Every field after the type, quotes removed. */
  fields: string[];
  raw: string;
}

export type ScdataRecord = AmsRecord | RawRecord;

const PREFIX = '\\^SCDATA';
/** How the gateway starts a record: tested before the general (case- and space-tolerant) pattern. */
const CANONICAL_PREFIX = '^SCDATA: "';

export function parseScdataRecord(line: string): ScdataRecord {
  const rest = afterPrefix(line, PREFIX);
  if (rest === undefined) throw parseError('not a ^SCDATA record', line);
  return parseRecordFields(line, rest);
}

/** `rest`: the line after its `^SCDATA:` prefix (found once by the caller). */
function parseRecordFields(line: string, rest: string): ScdataRecord {
  const plain = plainAmsRecord(line, line.length - rest.length);
  if (plain) return plain;
  const fields = splitFields(rest, line);
  const type = stringField(fields[0], 'record type', line);
  if (type.toUpperCase() !== 'AMS') {
    return {
      kind: 'raw',
      type,
      unixTime: optionalInteger(fields[1]?.value),
      sequence: optionalInteger(fields[2]?.value),
      fields: fields.slice(1).map((field) => field.value),
      raw: line,
    };
  }
  if (fields.length !== 8) throw parseError(`an AMS record has 8 fields, this one has ${fields.length}`, line);
  return {
    kind: 'ams',
    type: 'AMS',
    unixTime: integerField(fields[1], 'unix time', line),
    sequence: integerField(fields[2], 'sequence number', line),
    protocol: stringField(fields[3], 'protocol', line),
    index: integerField(fields[4], 'device index', line),
    errorCode: integerField(fields[5], 'error code', line),
    identification: stringField(fields[6], 'identification', line),
    data: stringField(fields[7], 'data', line),
    raw: line,
  };
}

/**
 * The records of a `GET_OLDEST` / `GET_FILTERED` answer, in order. A `^SCDATA:` line without any
 * comma (a status text such as an empty-store notice, whose wording is not documented) is skipped;
 * any other line is an E_PARSE.
 */
export function parseScdataRecords(lines: readonly string[]): ScdataRecord[] {
  const records: ScdataRecord[] = [];
  for (const line of lines) {
    // `^SCDATA: "` gives the same rest as the general pattern, without running it.
    const rest = line.startsWith(CANONICAL_PREFIX) ? line.slice(CANONICAL_PREFIX.length - 1) : afterPrefix(line, PREFIX);
    if (rest === undefined) throw parseError('not a ^SCDATA record', line);
    if (!rest.includes(',') && !rest.trimStart().startsWith('"')) continue;
    records.push(parseRecordFields(line, rest));
  }
  return records;
}

function optionalInteger(text: string | undefined): number | undefined {
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

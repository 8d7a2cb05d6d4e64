import { describeAmsCode } from '../error-codes';
import { parseReadout } from '../iec62056/readout';
import type { Readout } from '../iec62056/readout/types';
import type { ScdataRecord } from './scdata';

/**
 * How `data` is to be read: only IEC 62056-21 data is parsed (into `readout`); M-Bus (hex telegram)
 * and AIN_DIN (a number) stay raw text, as does anything the gateway did not document.
 */
export type StoredDataFormat = 'iec62056-21' | 'mbus-hex' | 'ain-din' | 'raw';

/** One record of the gateway's store, shaped for consumers (flows, files, databases). */
export interface StoredRecord {
  /** `AMS`, `WMBUS`, or whatever else the gateway sends. */
  type: string;
  /** `IEC62056-21`, `MBUS`, `AIN_DIN`, `Unknown`; null for record types without one (WMBUS). */
  protocol: string | null;
  /** The meter's position in the AMS table; null when the record has none. */
  index: number | null;
  /** The gateway's record sequence number; null when the record has none. */
  sequence: number | null;
  unixTime: number | null;
  /** ISO 8601 (UTC) of unixTime. */
  timestamp: string | null;
  /** 0 = no error; null when the record has none. */
  errorCode: number | null;
  /** Text for a non-zero errorCode (the package's AMS code table), else null. */
  error: string | null;
  /** The meter identification (IEC 62056-21 only); null when the record has none. */
  identification: string | null;
  /** The raw data text (line breaks as "\n"); null for record types without a known data field. */
  data: string | null;
  dataFormat: StoredDataFormat;
  /** parseReadout(data) for IEC 62056-21 records with data; null otherwise. */
  readout: Readout | null;
  /** Dedupe key: `<gateway>:<sequence>:<unixTime>`; the same record always gets the same key. */
  key: string;
  /** The fields after the type, for record types whose layout is undocumented (WMBUS, unknown). */
  fields?: string[];
}

const FORMATS: Readonly<Record<string, StoredDataFormat>> = { 'IEC62056-21': 'iec62056-21', MBUS: 'mbus-hex', AIN_DIN: 'ain-din' };

export function toStoredRecord(record: ScdataRecord, gatewayId: string): StoredRecord {
  if (record.kind === 'raw') {
    const sequence = record.sequence ?? null;
    const unixTime = record.unixTime ?? null;
    return {
      type: record.type, protocol: null, index: null, sequence, unixTime, timestamp: isoTime(unixTime), errorCode: null, error: null,
      identification: null, data: null, dataFormat: 'raw', readout: null, key: recordKey(gatewayId, sequence, unixTime, record.raw),
      fields: record.fields,
    };
  }
  const dataFormat = FORMATS[record.protocol.toUpperCase()] ?? 'raw';
  const stored = {
    type: record.type, protocol: record.protocol, index: record.index, sequence: record.sequence, unixTime: record.unixTime,
    timestamp: isoTime(record.unixTime), errorCode: record.errorCode, error: record.errorCode === 0 ? null : describeAmsCode(record.errorCode),
    identification: record.identification, data: record.data, dataFormat,
  } as StoredRecord;
  lazyReadout(stored, dataFormat === 'iec62056-21' && record.data.trim() !== '' ? record.data : undefined);
  stored.key = recordKey(gatewayId, record.sequence, record.unixTime, record.raw);
  return stored;
}

/**
 * `readout` is parsed on first read and kept: a drain that only forwards or stores records (and
 * the confirm read before each delete) never pays for parsing. It is an enumerable property like
 * any other, so JSON.stringify, spreading and Node-RED's message cloning all see the parsed value.
 */
function lazyReadout(record: StoredRecord, data: string | undefined): void {
  let parsed: Readout | null = null;
  let pending = data !== undefined;
  Object.defineProperty(record, 'readout', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (pending) parsed = parseReadout(data ?? '');
      pending = false;
      return parsed;
    },
    set: (value: Readout | null) => {
      parsed = value;
      pending = false;
    },
  });
}

/**
 * `<gateway>:<sequence>:<unixTime>`. The time guards against a gateway whose numbering starts
 * again (after a reset). A record without a sequence number gets a hash of its line instead.
 */
export function recordKey(gatewayId: string, sequence: number | null, unixTime: number | null, raw: string): string {
  if (sequence === null) return `${gatewayId}:h${fnv1a(raw)}:${unixTime ?? ''}`;
  return `${gatewayId}:${sequence}:${unixTime ?? ''}`;
}

function isoTime(unixTime: number | null): string | null {
  const date = unixTime === null ? undefined : new Date(unixTime * 1000);
  // An undocumented record type may carry something else in that field: no date rather than a throw.
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

/** 32-bit FNV-1a, hex: a short stable fingerprint (not security). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

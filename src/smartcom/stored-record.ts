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

/** Data with something other than whitespace (a test that stops at the first such character: no trimmed copy). */
const NOT_BLANK = /\S/;

const FORMATS: Readonly<Record<string, StoredDataFormat>> = { 'IEC62056-21': 'iec62056-21', MBUS: 'mbus-hex', AIN_DIN: 'ain-din' };

/** The gateway writes the protocol in upper case: the common one is known without an upper-cased copy (about 40 ns a record). */
function formatOf(protocol: string): StoredDataFormat {
  if (protocol === 'IEC62056-21') return 'iec62056-21';
  return FORMATS[protocol.toUpperCase()] ?? 'raw';
}

/** NOT_BLANK, decided by the first character when it is printable ASCII (meter data starts so): a regex run cost about 30 ns a record. */
function notBlank(data: string): boolean {
  const first = data.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || NOT_BLANK.test(data);
}

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
  const dataFormat = formatOf(record.protocol);
  const stored = {
    type: record.type, protocol: record.protocol, index: record.index, sequence: record.sequence, unixTime: record.unixTime,
    timestamp: isoTime(record.unixTime), errorCode: record.errorCode, error: record.errorCode === 0 ? null : describeAmsCode(record.errorCode),
    identification: record.identification, data: record.data, dataFormat,
  } as StoredRecord;
  lazyReadout(stored, dataFormat === 'iec62056-21' && notBlank(record.data) ? record.data : undefined);
  stored.key = recordKey(gatewayId, record.sequence, record.unixTime, record.raw);
  return stored;
}

/** Hands back the object it is given: lets LazyReadout (below) add its private fields to a plain record. */
class ReturnsItsTarget {
  constructor(target: object) {
    // A constructor that returns an object makes that object `this` of the subclass, which adds its fields to it.
    return target;
  }
}

/**
 * The hidden state of a record's lazy `readout`, kept in private fields of the record itself: JSON,
 * spreading, Object.keys and even Object.getOwnPropertySymbols never see them, the record stays a plain
 * object (its prototype is Object.prototype), and all records keep one hidden class. Adding the fields costs
 * a plain property store; the non-enumerable symbol property used before needed an Object.defineProperty,
 * about 0.2 us a record (10 us of the 24 us that toStoredRecord took for a GET_OLDEST,50 answer, Node 20).
 */
class LazyReadout extends ReturnsItsTarget {
  /** The data still to be parsed (undefined once parsed, set, or when there is nothing to parse). */
  #data: string | undefined;
  #parsed: Readout | null = null;

  private constructor(record: StoredRecord, data: string | undefined) {
    super(record);
    this.#data = data;
  }

  /** Gives `record` its hidden state: `data` is parsed on the first read of `readout`. */
  static attach(record: StoredRecord, data: string | undefined): void {
    new LazyReadout(record, data);
  }

  static read(record: object): Readout | null {
    const state = LazyReadout.holder(record);
    if (state.#data !== undefined) {
      state.#parsed = parseReadout(state.#data);
      state.#data = undefined;
    }
    return state.#parsed;
  }

  static write(record: object, value: Readout | null): void {
    const state = LazyReadout.holder(record);
    state.#parsed = value;
    state.#data = undefined;
  }

  /** The record itself, or for an object made with Object.create(record) the record it inherits from (as a symbol property was found before). */
  private static holder(target: object): LazyReadout {
    for (let at: object | null = target; at !== null; at = Object.getPrototypeOf(at) as object | null) {
      if (#data in at) return at;
    }
    throw new TypeError('readout belongs to records made by toStoredRecord');
  }
}

function getReadout(this: StoredRecord): Readout | null {
  return LazyReadout.read(this);
}

function setReadout(this: StoredRecord, value: Readout | null): void {
  LazyReadout.write(this, value);
}

/**
 * One descriptor (one getter, one setter) for every record: V8 then gives all records the same hidden
 * class. A getter and setter made per record (closures) gave each record a class of its own, which cost
 * about 3 us per record to build and slowed every later property read (measured on a 2,000-record drain).
 */
const READOUT_PROPERTY: PropertyDescriptor = { enumerable: true, configurable: true, get: getReadout, set: setReadout };

/**
 * `readout` is parsed on first read and kept: a drain that only forwards or stores records (and
 * the confirm read before each delete) never pays for parsing. It is an enumerable property like
 * any other, so JSON.stringify, spreading and Node-RED's message cloning all see the parsed value.
 */
function lazyReadout(record: StoredRecord, data: string | undefined): void {
  LazyReadout.attach(record, data);
  Object.defineProperty(record, 'readout', READOUT_PROPERTY);
}

/**
 * `<gateway>:<sequence>:<unixTime>`. The time guards against a gateway whose numbering starts
 * again (after a reset). A record without a sequence number gets a hash of its line instead.
 */
export function recordKey(gatewayId: string, sequence: number | null, unixTime: number | null, raw: string): string {
  if (sequence === null) return `${gatewayId}:h${fnv1a(raw)}:${unixTime ?? ''}`;
  return `${gatewayId}:${sequence}:${unixTime ?? ''}`;
}

const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_HOUR = 3600;
/** A Date holds at most +-8.64e15 ms: beyond that second there is no timestamp. */
const MAX_DATE_SECONDS = 8.64e12;
/** The last day formatted: `YYYY-MM-DDT` of day number `day` (records of one drain mostly share a few days). */
let cachedDay = { day: Number.NaN, prefix: '' };
/** The last hour formatted: `YYYY-MM-DDTHH:` of hour number `hour` (built from the day's prefix). */
let cachedHour = { hour: Number.NaN, prefix: '' };
/** `00` to `59`: a table look-up instead of a number-to-text conversion and a branch per field. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

function isoTime(unixTime: number | null): string | null {
  if (unixTime === null || !(Math.abs(unixTime) <= MAX_DATE_SECONDS)) return null;
  // Date.prototype.toISOString cost about 1 us a record; only the date part needs it, once per day.
  // A non-integer time (an undocumented record type) takes the general path; an out-of-range or
  // non-numeric one gives no date rather than a throw.
  if (!Number.isInteger(unixTime)) return new Date(unixTime * 1000).toISOString();
  const hour = Math.floor(unixTime / SECONDS_PER_HOUR);
  if (hour !== cachedHour.hour) cachedHour = { hour, prefix: hourPrefix(unixTime, hour) };
  // Minutes and seconds from two look-ups, the hour kept in the prefix: about 1 us less per GET_OLDEST,50 answer than three conversions (Node 20).
  const second = unixTime - hour * SECONDS_PER_HOUR;
  return `${cachedHour.prefix}${TWO_DIGITS[Math.floor(second / 60)]}:${TWO_DIGITS[second % 60]}.000Z`;
}

/** `YYYY-MM-DDTHH:` of an integer time in hour number `hour`: the day's part from one toISOString per day. */
function hourPrefix(unixTime: number, hour: number): string {
  const day = Math.floor(unixTime / SECONDS_PER_DAY);
  if (day !== cachedDay.day) {
    const iso = new Date(unixTime * 1000).toISOString();
    cachedDay = { day, prefix: iso.slice(0, iso.indexOf('T') + 1) };
  }
  return `${cachedDay.prefix}${TWO_DIGITS[hour - day * 24]}:`;
}

/** 32-bit FNV-1a, hex: a short stable fingerprint (not security). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

import type { DiagnosticSink } from './diagnostics';
import type { DataSet, DataValue } from './types';
import { parseDecimal, readValue } from './value';

/*
 * The data-set grammar, one pass over a latin1 string (one char per byte, so indexes are byte positions):
 *
 *   block   := ( set | continuation | whitespace )* [ '!' ]
 *   set     := address group+          address: printable characters other than ( ) !
 *   group   := '(' content ')'         content may nest brackets: ((ER11)) -> raw "(ER11)"
 *   continuation := group+             a line starting with '(' adds groups to the previous set
 *
 * Several sets per line and several groups per set are both plain repetition. A group never spans a line
 * break: a missing ')' ends the group at CR/LF (UNTERMINATED_VALUE), so one lost byte cannot swallow the block.
 * Every byte is visited a bounded number of times, so the time is linear in the input.
 */

const OPEN = 0x28;
const CLOSE = 0x29;
const BANG = 0x21;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

export interface DataSetScan {
  dataSets: DataSet[];
  /** Position of the end marker `!`, or -1 when the range ended without one. */
  endMarker: number;
  /** Address position of each data set (same order as dataSets), for load-profile diagnostics. */
  positions: number[];
}

function isAddressChar(code: number): boolean {
  return code > SPACE - 1 && code !== OPEN && code !== CLOSE && code !== BANG && code !== 0x7f;
}

/** Position after the group readGroup just read (a module variable: no result object per group). */
let groupEnd = 0;

const STAR = 0x2a;
const DOT = 0x2e;
const COMMA = 0x2c;
const PLUS = 0x2b;
const MINUS = 0x2d;

function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === DOT || code === COMMA || code === PLUS || code === MINUS;
}

/** Same set as value.ts isUnit: printable, none of `* & # ( )`. */
function isUnitChar(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && code !== STAR && code !== 0x26 && code !== 0x23 && code !== OPEN && code !== CLOSE;
}

/** The common shapes `(digits)` and `(digits*unit)`, read in one pass; the rules are value.ts's. */
function simpleValue(text: string, start: number, valueEnd: number, unitStart: number, end: number): DataValue {
  const raw = text.slice(start, end);
  const number = valueEnd > start ? parseDecimal(text, start, valueEnd) : undefined;
  if (unitStart < 0) return { raw, value: number ?? raw, unit: null };
  return { raw, value: number ?? text.slice(start, valueEnd), unit: text.slice(unitStart, end) };
}

/** Reads the group opening at text[open] === '(' and sets groupEnd. */
function readGroup(text: string, open: number, end: number, sink: DiagnosticSink): DataValue {
  const start = open + 1;
  let i = start;
  while (i < end && isNumberChar(text.charCodeAt(i))) i++;
  if (i < end) {
    const stop = text.charCodeAt(i);
    if (stop === CLOSE) {
      groupEnd = i + 1;
      return simpleValue(text, start, i, -1, i);
    }
    if (stop === STAR) {
      let j = i + 1;
      while (j < end && isUnitChar(text.charCodeAt(j))) j++;
      if (j > i + 1 && j < end && text.charCodeAt(j) === CLOSE) {
        groupEnd = j + 1;
        return simpleValue(text, start, i, i + 1, j);
      }
    }
  }
  return readGeneralGroup(text, open, end, sink);
}

/** Any group: nested brackets, `#`, `&`, text values; a missing ')' ends the group at the line break. */
function readGeneralGroup(text: string, open: number, end: number, sink: DiagnosticSink): DataValue {
  let depth = 1;
  let i = open + 1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE) {
      if (--depth === 0) {
        groupEnd = i + 1;
        return readValue(text, open + 1, i);
      }
    } else if (code === OPEN) depth++;
    else if (code === CR || code === LF) break;
  }
  sink.add('UNTERMINATED_VALUE', 'value group without its closing bracket; ended at the line break', open);
  groupEnd = i;
  return readValue(text, open + 1, i);
}

/** Parses data sets in text[start, end) up to the end marker `!`. */
export function scanDataSets(text: string, start: number, end: number, sink: DiagnosticSink): DataSetScan {
  const dataSets: DataSet[] = [];
  const positions: number[] = [];
  let current: DataSet | undefined;
  let i = start;
  let badRun = -1; // start of a run of unexpected characters, reported once per run
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === OPEN) {
      badRun = -1;
      if (current === undefined) {
        sink.add('VALUE_WITHOUT_ADDRESS', 'value group with no address before it; kept under the empty address', i);
        current = { address: '', values: [] };
        dataSets.push(current);
        positions.push(i);
      }
      const value = readGroup(text, i, end, sink);
      current.values.push(value);
      if (value.error !== undefined) {
        sink.add('METER_ERROR_VALUE', `the meter reports ${value.error} for ${JSON.stringify(current.address)}`, i);
      }
      i = groupEnd;
      continue;
    }
    if (code === BANG) return { dataSets, endMarker: i, positions };
    if (code === CR || code === LF || code === SPACE || code === TAB) {
      i++;
      continue;
    }
    if (!isAddressChar(code)) {
      if (badRun < 0) {
        badRun = i;
        sink.add('UNEXPECTED_CHARACTER', `unexpected byte 0x${code.toString(16).padStart(2, '0')} in the data block; skipped`, i);
      }
      i++;
      continue;
    }
    badRun = -1;
    const addressStart = i;
    while (i < end && isAddressChar(text.charCodeAt(i))) i++;
    if (i < end && text.charCodeAt(i) === OPEN) {
      current = { address: text.slice(addressStart, i), values: [] };
      dataSets.push(current);
      positions.push(addressStart);
    } else {
      sink.add('ADDRESS_WITHOUT_VALUE', `text ${JSON.stringify(text.slice(addressStart, Math.min(i, addressStart + 40)))} has no value group; skipped`, addressStart);
      current = undefined;
    }
  }
  return { dataSets, endMarker: -1, positions };
}

/** Each address mapped to its first data set; prototype-less so `__proto__` or `constructor` are plain keys. */
export function firstByAddress(dataSets: readonly DataSet[]): Record<string, DataSet> {
  const map: Record<string, DataSet> = Object.create(null) as Record<string, DataSet>;
  for (const set of dataSets) if (map[set.address] === undefined) map[set.address] = set;
  return map;
}

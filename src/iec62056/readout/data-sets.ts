import type { DiagnosticSink } from './diagnostics';
import type { DataSet, DataValue } from './types';
import { readValue } from './value';

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

interface Group {
  value: DataValue;
  next: number;
}

/** Reads the group opening at text[open] === '('. */
function readGroup(text: string, open: number, end: number, sink: DiagnosticSink): Group {
  let depth = 1;
  let i = open + 1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE) {
      if (--depth === 0) return { value: readValue(text, open + 1, i), next: i + 1 };
    } else if (code === OPEN) depth++;
    else if (code === CR || code === LF) break;
  }
  sink.add('UNTERMINATED_VALUE', 'value group without its closing bracket; ended at the line break', open);
  return { value: readValue(text, open + 1, i), next: i };
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
      const group = readGroup(text, i, end, sink);
      current.values.push(group.value);
      if (group.value.error !== undefined) {
        sink.add('METER_ERROR_VALUE', `the meter reports ${group.value.error} for ${JSON.stringify(current.address)}`, i);
      }
      i = group.next;
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
  for (const set of dataSets) if (!(set.address in map)) map[set.address] = set;
  return map;
}

import type { DiagnosticSink } from './diagnostics';
import { readGroup } from './group';
import * as group from './group';
import type { DataSet, DataValue } from './types';
import { ADDRESS, BLANK, CHAR_CLASS, CharCodes } from './chars';

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
const BANG = 0x21;

export interface DataSetScan {
  dataSets: DataSet[];
  /** Position of the end marker `!`, or -1 when the range ended without one. */
  endMarker: number;
  /** Address position of each data set (same order as dataSets), for load-profile diagnostics. */
  positions: number[];
}

/** Parses data sets in text[start, end) up to the end marker `!` (codes: the same characters, see chars.ts). */
export function scanDataSets(text: string, codes: CharCodes, start: number, end: number, sink: DiagnosticSink): DataSetScan {
  const dataSets: DataSet[] = [];
  const positions: number[] = [];
  let current: DataSet | undefined;
  let i = start;
  let badRun = -1; // start of a run of unexpected characters, reported once per run
  while (i < end) {
    const code = codes[i];
    if (code === OPEN) {
      badRun = -1;
      if (current === undefined) {
        sink.add('VALUE_WITHOUT_ADDRESS', 'value group with no address before it; kept under the empty address', i);
        current = { address: '', values: [] };
        dataSets.push(current);
        positions.push(i);
      }
      const value = readGroup(text, codes, i, end, sink);
      current.values.push(value);
      if (value.error !== undefined) reportMeterError(sink, value.error, current.address, i);
      i = group.groupEnd;
      continue;
    }
    if (code === BANG) return { dataSets, endMarker: i, positions };
    const cls = CHAR_CLASS[code];
    if ((cls & BLANK) !== 0) {
      i++;
      continue;
    }
    if ((cls & ADDRESS) === 0) {
      if (badRun < 0) {
        badRun = i;
        sink.add('UNEXPECTED_CHARACTER', `unexpected byte 0x${code.toString(16).padStart(2, '0')} in the data block; skipped`, i);
      }
      i++;
      continue;
    }
    badRun = -1;
    const addressStart = i;
    i++;
    while (i < end && (CHAR_CLASS[codes[i]] & ADDRESS) !== 0) i++;
    if (i < end && codes[i] === OPEN) {
      // The set is made with its first one or two groups: an array literal is sized for them, where `[]`
      // + push reserves 16 more slots (sets of one or two groups are the vast majority).
      const address = text.slice(addressStart, i);
      const first = readGroup(text, codes, i, end, sink);
      if (first.error !== undefined) reportMeterError(sink, first.error, address, i);
      i = group.groupEnd;
      let second: DataValue | undefined;
      if (i < end && codes[i] === OPEN) {
        second = readGroup(text, codes, i, end, sink);
        if (second.error !== undefined) reportMeterError(sink, second.error, address, i);
        i = group.groupEnd;
      }
      current = { address, values: second === undefined ? [first] : [first, second] };
      dataSets.push(current);
      positions.push(addressStart);
    } else {
      sink.add('ADDRESS_WITHOUT_VALUE', `text ${JSON.stringify(text.slice(addressStart, Math.min(i, addressStart + 40)))} has no value group; skipped`, addressStart);
      current = undefined;
    }
  }
  return { dataSets, endMarker: -1, positions };
}

function reportMeterError(sink: DiagnosticSink, error: string, address: string, position: number): void {
  sink.add('METER_ERROR_VALUE', `the meter reports ${error} for ${JSON.stringify(address)}`, position);
}

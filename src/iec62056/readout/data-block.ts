import { DiagnosticSink } from './diagnostics';
import { scanDataSets, DataSetScan } from './data-sets';
import { withLazyValues } from './values-map';
import { normalizeInput } from './input';
import { buildLoadProfiles } from './load-profile';
import type { DataBlock, LoadProfile, ParseOptions } from './types';

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const NUL = 0;

/** True when text[start, end) holds only line breaks, spaces and NULs. */
export function onlyWhitespace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== CR && code !== LF && code !== SPACE && code !== NUL && code !== 0x09) return false;
  }
  return true;
}

/** Position after the end marker and its line break (CR LF, LF or CR). */
export function afterEndLine(text: string, bang: number, end: number): number {
  let i = bang + 1;
  if (i < end && text.charCodeAt(i) === CR) i++;
  if (i < end && text.charCodeAt(i) === LF) i++;
  return i;
}

/** Load profiles among the scanned sets, or undefined when there are none or they are not wanted. */
export function scanLoadProfiles(scan: DataSetScan, sink: DiagnosticSink, options: ParseOptions): LoadProfile[] | undefined {
  if (options.loadProfiles === false) return undefined;
  const profiles = buildLoadProfiles(scan.dataSets, scan.positions, sink);
  return profiles.length > 0 ? profiles : undefined;
}

/** The data-set level result of a scan: sets, diagnostics, load profiles, and `values` (built on first read). */
export function blockResult(scan: DataSetScan, sink: DiagnosticSink, options: ParseOptions): DataBlock {
  const profiles = scanLoadProfiles(scan, sink, options);
  const block: Omit<DataBlock, 'values'> = { dataSets: scan.dataSets, diagnostics: sink.list };
  if (profiles !== undefined) block.loadProfiles = profiles;
  return withLazyValues(block);
}

/**
 * Parses a data block without framing: data lines as the SmartCOM gateway stores them in its records
 * (`F.F(000000)\nC.1.0(04869551)\n1.8.1(0000002.7#kWh)...`), with or without the closing `!`.
 * Never throws; problems are reported as diagnostics.
 */
export function parseDataBlock(input: Buffer | Uint8Array | string, options: ParseOptions = {}): DataBlock {
  const normalized = normalizeInput(input, options.stripParity ?? 'auto');
  const sink = new DiagnosticSink(options.maxDiagnostics);
  const text = normalized.text;
  if (normalized.parityErrors > 0) {
    sink.add('PARITY_ERROR', `${normalized.parityErrors} byte(s) with a parity error`, normalized.firstParityError);
  }
  const scan = scanDataSets(text, normalized.codes, 0, text.length, sink);
  if (scan.endMarker >= 0 && !onlyWhitespace(text, afterEndLine(text, scan.endMarker, text.length), text.length)) {
    sink.add('TRAILING_BYTES', 'bytes after the end marker `!` were ignored', scan.endMarker + 1);
  }
  return blockResult(scan, sink, options);
}

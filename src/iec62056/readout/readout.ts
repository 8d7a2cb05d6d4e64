import { BccCheck, checkBcc, checkBccRange, DEFAULT_BCC_ALGORITHMS } from '../bcc';
import { EOT, ETX } from '../constants';
import { crc16Arc } from './crc16';
import { afterEndLine, onlyWhitespace, scanLoadProfiles } from './data-block';
import { DataSetScan, scanDataSets } from './data-sets';
import { withLazyValues } from './values-map';
import { DiagnosticSink } from './diagnostics';
import { NormalizedInput, normalizeInput } from './input';
import { Preamble, scanPreamble } from './preamble';
import type { CrcCheck, ParseOptions, Readout, ReadoutMode } from './types';

/*
 * parseReadout: a whole capture -> identification, data sets, BCC/CRC verdicts and diagnostics.
 * It never throws on malformed input and runs in time linear in the input: the preamble scan, the data
 * grammar and the checksums each visit a byte a bounded number of times.
 */

const ETX_CHAR = String.fromCharCode(ETX);
const EOT_CHAR = String.fromCharCode(EOT);

/** A CRC as DSMR writes it: 4 upper-case hex digits. */
function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** First ETX or EOT at or after `from`, or -1. */
function findBlockEnd(text: string, from: number): number {
  const etx = text.indexOf(ETX_CHAR, from);
  const eot = text.indexOf(EOT_CHAR, from);
  if (etx < 0) return eot;
  if (eot < 0) return etx;
  return Math.min(etx, eot);
}

function checkFramedBcc(input: NormalizedInput, stx: number, end: number, sink: DiagnosticSink, options: ParseOptions): BccCheck {
  const text = input.text;
  const received = end + 1 < text.length ? text.charCodeAt(end + 1) : undefined;
  const accept = options.bccAlgorithms;
  const check = input.bytes
    ? checkBccRange(input.bytes, stx + 1, end + 1, received, accept)
    : checkBcc(Buffer.from(text.slice(stx + 1, end + 1), 'latin1'), received, accept);
  if (!check.present) sink.add('MISSING_BCC', 'the data message ends without a BCC after ETX', end + 1);
  else if (!check.valid) {
    const hex = (value: number | undefined): string => `0x${(value ?? 0).toString(16).padStart(2, '0')}`;
    const preferred = (accept ?? DEFAULT_BCC_ALGORITHMS)[0] ?? 'xor';
    sink.add('BCC_MISMATCH', `BCC ${hex(check.received)} does not match the data (${preferred.toUpperCase()} ${hex(check.expected)})`, end + 1);
  }
  return check;
}

function parseFramed(input: NormalizedInput, preamble: Preamble, sink: DiagnosticSink, options: ParseOptions): ReadoutFields {
  const text = input.text;
  const stx = preamble.dataStart;
  const end = findBlockEnd(text, stx + 1);
  const blockEnd = end < 0 ? text.length : end;
  const scan = scanDataSets(text, input.codes, stx + 1, blockEnd, sink);
  const hasEndMarker = scan.endMarker >= 0;
  if (hasEndMarker && !onlyWhitespace(text, afterEndLine(text, scan.endMarker, blockEnd), blockEnd)) {
    sink.add('TRAILING_BYTES', 'bytes between the end marker `!` and ETX were ignored', scan.endMarker + 1);
  }
  let bcc: BccCheck;
  if (end < 0) {
    sink.add('MISSING_ETX', 'the data message ends without ETX (no BCC to check)', text.length);
    bcc = { present: false, valid: false, algorithm: undefined };
  } else {
    if (text.charCodeAt(end) === EOT) {
      sink.add('PARTIAL_BLOCK', 'partial block (EOT): only this block was parsed; join the blocks before parsing', end);
    }
    bcc = checkFramedBcc(input, stx, end, sink, options);
    if (!onlyWhitespace(text, end + 2, text.length)) sink.add('TRAILING_BYTES', 'bytes after the BCC were ignored', end + 2);
  }
  const mode = preamble.identification !== undefined || hasEndMarker ? 'readout' : 'data-block';
  if (mode === 'readout' && !hasEndMarker) sink.add('MISSING_END_MARKER', 'the data block has no end marker `!`', blockEnd);
  const readout = makeReadout(scan, sink, options, preamble, mode);
  readout.bcc = bcc;
  return readout;
}

function checkDsmrCrc(input: NormalizedInput, identStart: number, bang: number, sink: DiagnosticSink): { crc?: CrcCheck; next: number } {
  const text = input.text;
  let k = bang + 1;
  while (k < text.length && k - bang <= 4 && isHexDigit(text.charCodeAt(k))) k++;
  if (k - bang - 1 !== 4 || identStart < 0) return { next: bang + 1 };
  const received = parseInt(text.slice(bang + 1, k), 16);
  const expected = crc16Arc(input.codes, identStart, bang + 1);
  const valid = received === expected;
  if (!valid) sink.add('CRC_MISMATCH', `CRC ${hex4(received)} does not match the telegram (expected ${hex4(expected)})`, bang + 1);
  return { crc: { present: true, valid, received, expected }, next: k };
}

function parsePush(input: NormalizedInput, preamble: Preamble, sink: DiagnosticSink, options: ParseOptions): ReadoutFields {
  const text = input.text;
  const scan = scanDataSets(text, input.codes, preamble.dataStart, text.length, sink);
  const readout = makeReadout(scan, sink, options, preamble, 'push');
  if (scan.endMarker < 0) {
    sink.add('MISSING_END_MARKER', 'the push telegram has no end marker `!`', text.length);
    return readout;
  }
  const { crc, next } = checkDsmrCrc(input, preamble.identStart, scan.endMarker, sink);
  if (crc) readout.crc = crc;
  const afterLine = afterEndLine(text, next - 1, text.length);
  if (!onlyWhitespace(text, afterLine, text.length)) sink.add('TRAILING_BYTES', 'bytes after the end of the telegram were ignored', afterLine);
  return readout;
}

/** A readout before `values` is added (parseReadout adds it last, see values-map.ts). */
type ReadoutFields = Omit<Readout, 'values'>;

/** One object literal per result (no spreads: this runs once per telegram and shows in the benchmark). */
function makeReadout(scan: DataSetScan, sink: DiagnosticSink, options: ParseOptions, preamble: Preamble | undefined, mode: ReadoutMode): ReadoutFields {
  const profiles = scanLoadProfiles(scan, sink, options);
  const readout: ReadoutFields = { mode, dataSets: scan.dataSets, diagnostics: sink.list, parityStripped: false };
  if (preamble?.identification !== undefined) readout.identification = preamble.identification;
  if (profiles !== undefined) readout.loadProfiles = profiles;
  return readout;
}

/**
 * Parses a meter's answer: an optional echo and noise, the identification line, then a data message
 * (`STX ... ! CR LF ETX BCC`), a push telegram (`/id CR LF CR LF data ! [CRC] CR LF`), an R1/R5 answer
 * (`STX data ETX BCC`) or a bare data block. Never throws: problems are listed in `diagnostics`.
 */
export function parseReadout(input: Buffer | Uint8Array | string, options: ParseOptions = {}): Readout {
  const normalized = normalizeInput(input, options.stripParity ?? 'auto');
  const text = normalized.text;
  const sink = new DiagnosticSink(options.maxDiagnostics);
  if (normalized.parityErrors > 0) {
    sink.add('PARITY_ERROR', `${normalized.parityErrors} byte(s) with a parity error (7E1 read as 8N1)`, normalized.firstParityError);
  }
  // The preamble's findings only count when a message was found; a bare block is re-read from its start.
  const preambleSink = new DiagnosticSink(options.maxDiagnostics);
  const preamble = scanPreamble(text, preambleSink);
  let readout: ReadoutFields;
  if (preamble.kind === 'bare') {
    // Only echoes at the very start count (e.g. a capture that holds nothing but our own request).
    for (const entry of preambleSink.list) if (entry.code === 'ECHO_SKIPPED' && entry.position < preamble.dataStart) sink.add(entry.code, entry.message, entry.position);
    const scan = scanDataSets(text, normalized.codes, preamble.dataStart, text.length, sink);
    readout = makeReadout(scan, sink, options, undefined, scan.endMarker >= 0 ? 'readout' : 'data-block');
  } else {
    sink.absorb(preambleSink);
    if (preamble.kind === 'stx') readout = parseFramed(normalized, preamble, sink, options);
    else if (preamble.kind === 'push') readout = parsePush(normalized, preamble, sink, options);
    else {
      sink.add('NO_DATA_MESSAGE', 'an identification but no data followed', text.length);
      readout = makeReadout({ dataSets: [], endMarker: -1, positions: [] }, sink, options, preamble, 'readout');
    }
  }
  readout.parityStripped = normalized.parityStripped;
  // Last, after bcc/crc: values-map.ts turns the accessor into a data property by deleting the LAST property.
  return withLazyValues(readout);
}

import { CHAR_CLASS, CharCodes, UNIT } from './chars';
import type { DiagnosticSink } from './diagnostics';
import type { DataValue } from './types';
import { POW10, parseDecimal, readValue } from './value';

/*
 * One bracket group `(content)` of a data set. Most groups are `(digits)` or `(digits*unit)`: those are read in
 * ONE pass that also accumulates the number, so the common case never rescans its digits. Anything else (a
 * second separator, more than 15 digits, `#`, `&`, nested brackets, text) goes to value.ts's general reader,
 * whose rules are the reference: the fast path only takes inputs where both give the same result.
 */

const OPEN = 0x28;
const CLOSE = 0x29;
const STAR = 0x2a;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const CR = 0x0d;
const LF = 0x0a;
/** Mantissas of up to 15 digits are exact integers in a double (value.ts's precision rule). */
const MAX_FAST_DIGITS = 15;

/** Position after the group readGroup just read (a module variable: no result object per group). */
export let groupEnd = 0;

/*
 * A meter repeats a handful of units (kWh, kW, V, A) hundreds of times per readout: comparing a few characters
 * with the last units seen is cheaper than allocating a copy of each. Only short units are kept, so a cached
 * string is always a copy, never a slice that would keep a whole earlier input alive.
 */
const UNIT_CACHE_SIZE = 8;
const MAX_CACHED_UNIT = 8;
const unitCache: string[] = new Array<string>(UNIT_CACHE_SIZE).fill('');
let unitCacheNext = 0;

function unitText(text: string, codes: CharCodes, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_CACHED_UNIT) return text.slice(start, end);
  for (let k = 0; k < UNIT_CACHE_SIZE; k++) {
    const cached = unitCache[k];
    if (cached.length !== length) continue;
    let same = true;
    for (let c = 0; c < length && same; c++) same = cached.charCodeAt(c) === codes[start + c];
    if (same) return cached;
  }
  const unit = text.slice(start, end);
  unitCache[unitCacheNext] = unit;
  unitCacheNext = (unitCacheNext + 1) % UNIT_CACHE_SIZE;
  return unit;
}

/** Reads the group opening at codes[open] === '(' and sets groupEnd (text and codes: see chars.ts). */
export function readGroup(text: string, codes: CharCodes, open: number, end: number, sink: DiagnosticSink): DataValue {
  const start = open + 1;
  let i = start;
  let code = i < end ? codes[i] : -1;
  const negative = code === MINUS;
  if (negative || code === PLUS) code = ++i < end ? codes[i] : -1;
  // [sign] digits [(. or ,) digits]: mantissa counts digits from the first non-zero one (trailing zeros too).
  let mantissa = 0;
  let digits = 0;
  let intDigits = 0;
  for (; code >= ZERO && code <= ZERO + 9; code = ++i < end ? codes[i] : -1) {
    if (digits > 0 || code !== ZERO) {
      mantissa = mantissa * 10 + (code - ZERO);
      digits++;
    }
    intDigits++;
  }
  let fracDigits = -1; // -1: no separator
  if ((code === DOT || code === COMMA) && intDigits > 0) {
    fracDigits = 0;
    for (code = ++i < end ? codes[i] : -1; code >= ZERO && code <= ZERO + 9; code = ++i < end ? codes[i] : -1) {
      if (digits > 0 || code !== ZERO) {
        mantissa = mantissa * 10 + (code - ZERO);
        digits++;
      }
      fracDigits++;
    }
  }
  const valueEnd = i;
  let unitStart = -1;
  if (code === STAR) {
    unitStart = ++i;
    while (i < end && (CHAR_CLASS[codes[i]] & UNIT) !== 0) i++;
    code = i > unitStart && i < end ? codes[i] : -1;
  }
  if (code !== CLOSE) return readGeneralGroup(text, codes, open, end, sink);
  groupEnd = i + 1;
  const raw = text.slice(start, i);
  let value: number | string | undefined;
  if (intDigits > 0 && fracDigits !== 0 && digits <= MAX_FAST_DIGITS && fracDigits < POW10.length) {
    const magnitude = fracDigits > 0 ? mantissa / POW10[fracDigits] : mantissa;
    value = negative ? -magnitude : magnitude;
  } else if (valueEnd > start) {
    value = parseDecimal(text, start, valueEnd); // e.g. 1000000000000000000000 (exact but > 15 digits)
  }
  if (unitStart < 0) return { raw, value: value ?? raw, unit: null };
  return { raw, value: value ?? text.slice(start, valueEnd), unit: unitText(text, codes, unitStart, i) };
}

/** Any group: nested brackets, `#`, `&`, text values; a missing ')' ends the group at the line break. */
function readGeneralGroup(text: string, codes: CharCodes, open: number, end: number, sink: DiagnosticSink): DataValue {
  let depth = 1;
  let i = open + 1;
  for (; i < end; i++) {
    const code = codes[i];
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

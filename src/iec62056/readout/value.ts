import type { DataValue } from './types';

/*
 * Reading one bracket group's text into { raw, value, unit }.
 *
 * Unit rule (tested in value.test.ts):
 * - `*` is the unit separator (the standard forbids `*` inside a value). The text after the FIRST `*` is the unit
 *   when it is a plausible unit: non-empty, no `*`, `&`, `#`, brackets or control characters. `imp/kWh` and
 *   `i\kWh` are units. An empty unit (`123*`) gives value 123 and unit null. Otherwise (`088*C&082*C`, a Siemens
 *   pair of sub-values) nothing is split and the whole text is the (string) value.
 * - `#` is a unit separator only when there is no `*`, the text before the LAST `#` is a number, and the text
 *   after it is a plausible unit that starts with a non-digit, has at most one digit and at most 16 characters:
 *   `0000002.7#kWh` is 2.7 kWh, while `V01.69#EEA3546C` (firmware version and checksum) stays one string.
 *
 * Number rule: optional `+`/`-`, one or more digits, optionally one `.` or `,` followed by one or more digits.
 * The value is a JS number only when it carries at most 15 significant digits (first to last non-zero digit):
 * every such decimal converts to a double and back to the same digits, so no written digit is lost. Longer
 * numbers (20-digit serial numbers, say) stay strings; `raw` always keeps the exact text, leading zeros included.
 * The number is exactly Number(text with ',' replaced by '.'), including -0 for `-0.0`.
 */

const STAR = 0x2a;
const HASH = 0x23;
const AMP = 0x26;
const OPEN = 0x28;
const CLOSE = 0x29;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
const MAX_SAFE_DIGITS = 15;
const MAX_HASH_UNIT_LENGTH = 16;

/** 10^k is exact in a double for k <= 22, so m / 10^k is correctly rounded for an exact integer m. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** The number written in text[start, end), or undefined when it is not a number or has > 15 significant digits. */
export function parseDecimal(text: string, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === PLUS || first === MINUS) {
    negative = first === MINUS;
    i++;
  }
  let mantissa = 0;
  let mantissaDigits = 0; // digits from the first non-zero one, trailing zeros included
  let lastNonZero = -1; // index in mantissaDigits terms of the last non-zero digit
  let intDigits = 0;
  let fracDigits = 0;
  let separator = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      if (separator) fracDigits++;
      else intDigits++;
      if (code !== ZERO || mantissaDigits > 0) {
        if (mantissaDigits < 16) mantissa = mantissa * 10 + (code - ZERO);
        mantissaDigits++;
        if (code !== ZERO) lastNonZero = mantissaDigits;
      }
    } else if ((code === DOT || code === COMMA) && !separator && intDigits > 0) {
      separator = true;
    } else {
      return undefined;
    }
  }
  if (intDigits === 0 || (separator && fracDigits === 0)) return undefined;
  if (lastNonZero > MAX_SAFE_DIGITS) return undefined;
  let magnitude: number;
  if (mantissaDigits <= MAX_SAFE_DIGITS && fracDigits < POW10.length) {
    magnitude = fracDigits === 0 ? mantissa : mantissa / POW10[fracDigits];
  } else {
    // Trailing zeros push the digit count past 15 (e.g. 1000000000000000000): still exact, let Number round it.
    const body = text.slice(negative || first === PLUS ? start + 1 : start, end).replace(',', '.');
    magnitude = Number(body);
  }
  return negative ? -magnitude : magnitude;
}

/** A plausible unit in text[start, end): non-empty, none of `* & # ( )` nor control characters. */
function isUnit(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === STAR || code === AMP || code === HASH || code === OPEN || code === CLOSE || code === 0x7f) return false;
  }
  return true;
}

/** A unit after `#`: stricter, because `#` also occurs inside values (`V01.69#EEA3546C`). */
function isHashUnit(text: string, start: number, end: number): boolean {
  if (!isUnit(text, start, end) || end - start > MAX_HASH_UNIT_LENGTH || isDigit(text.charCodeAt(start))) return false;
  let digits = 0;
  for (let i = start; i < end; i++) if (isDigit(text.charCodeAt(i))) digits++;
  return digits <= 1;
}

/** `ER23` or `(ER11)`: a meter error code instead of a value. Returns the code without brackets. */
function meterErrorCode(raw: string): string | undefined {
  const inner = raw.length > 2 && raw.charCodeAt(0) === OPEN && raw.charCodeAt(raw.length - 1) === CLOSE ? raw.slice(1, -1) : raw;
  if (inner.length < 3 || inner.length > 8 || (inner[0] !== 'E' && inner[0] !== 'e') || (inner[1] !== 'R' && inner[1] !== 'r')) return undefined;
  for (let i = 2; i < inner.length; i++) if (!isDigit(inner.charCodeAt(i))) return undefined;
  return inner;
}

/** Reads the bracket content text[start, end) (brackets excluded). */
export function readValue(text: string, start: number, end: number): DataValue {
  const raw = text.slice(start, end);
  let star = -1;
  let hash = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === STAR) {
      if (star < 0) star = i;
    } else if (code === HASH) hash = i;
  }
  let valueEnd = end;
  let unit: string | null = null;
  if (star >= 0) {
    if (star + 1 === end) valueEnd = star;
    else if (isUnit(text, star + 1, end)) {
      valueEnd = star;
      unit = text.slice(star + 1, end);
    }
  } else if (hash >= 0 && isHashUnit(text, hash + 1, end) && parseDecimal(text, start, hash) !== undefined) {
    valueEnd = hash;
    unit = text.slice(hash + 1, end);
  }
  const number = valueEnd > start ? parseDecimal(text, start, valueEnd) : undefined;
  const value = number !== undefined ? number : valueEnd === end ? raw : text.slice(start, valueEnd);
  const result: DataValue = { raw, value, unit };
  if (number === undefined && raw.length >= 3) {
    const error = meterErrorCode(raw);
    if (error !== undefined) result.error = error;
  }
  return result;
}

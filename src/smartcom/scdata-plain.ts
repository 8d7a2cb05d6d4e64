import type { AmsRecord } from './scdata';

/**
 * The AMS record as the gateway writes it, read in one pass without splitting it into field objects:
 * `"AMS",<unix>,<seq>,"<protocol>",<index>,<err>,"<ident>","<data>"` with plain decimal integers and
 * quoted fields without an inner quote (data runs to the line's last character, a quote).
 * Anything else (spaces around fields, doubled quotes, other record types, a malformed line) gives
 * undefined, and the general parser reads the line and names what is wrong with it.
 */
export function plainAmsRecord(line: string, from: number): AmsRecord | undefined {
  if (!line.startsWith('"AMS",', from)) return undefined;
  const cursor = { at: from + 6 };
  const unixTime = integerAt(line, cursor);
  const sequence = integerAt(line, cursor);
  const protocol = quotedAt(line, cursor);
  const index = integerAt(line, cursor);
  const errorCode = integerAt(line, cursor);
  const identification = quotedAt(line, cursor);
  if (unixTime === undefined || sequence === undefined || protocol === undefined || index === undefined || errorCode === undefined || identification === undefined) return undefined;
  const data = lastQuoted(line, cursor.at);
  if (data === undefined) return undefined;
  return { kind: 'ams', type: 'AMS', unixTime, sequence, protocol, index, errorCode, identification, data, raw: line };
}

/** Integers longer than this take the general path (Number() of the text, as it does). */
const MAX_DIGITS = 15;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const COMMA = 0x2c;
const QUOTE = 0x22;

/** A decimal integer followed by a comma, from cursor.at; the cursor moves past the comma. */
function integerAt(line: string, cursor: { at: number }): number | undefined {
  let position = cursor.at;
  const negative = line.charCodeAt(position) === MINUS;
  if (negative) position++;
  const first = position;
  let value = 0;
  for (let code = line.charCodeAt(position); code >= ZERO && code <= NINE; code = line.charCodeAt(++position)) value = value * 10 + (code - ZERO);
  const digits = position - first;
  if (digits === 0 || digits > MAX_DIGITS || line.charCodeAt(position) !== COMMA) return undefined;
  cursor.at = position + 1;
  return negative ? -value : value;
}

/** A quoted field without an inner quote, followed by a comma, from cursor.at; the cursor moves past the comma. */
function quotedAt(line: string, cursor: { at: number }): string | undefined {
  const open = cursor.at;
  if (line.charCodeAt(open) !== QUOTE) return undefined;
  const close = line.indexOf('"', open + 1);
  if (close < 0 || line.charCodeAt(close + 1) !== COMMA) return undefined;
  cursor.at = close + 2;
  return line.slice(open + 1, close);
}

/** The last field: a quote at `open`, the only other quote being the line's last character. */
function lastQuoted(line: string, open: number): string | undefined {
  const end = line.length - 1;
  if (end <= open || line.charCodeAt(open) !== QUOTE || line.indexOf('"', open + 1) !== end) return undefined;
  return line.slice(open + 1, end);
}

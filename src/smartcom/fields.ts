import { MeterError } from '../errors';

/** One comma-separated field of an information line: quoted strings lose their quotes, bare fields are trimmed. */
export interface Field {
  value: string;
  quoted: boolean;
}

/** A MeterError E_PARSE that carries the offending line (for logs and msg.error). */
export function parseError(message: string, line: string, extra: Record<string, unknown> = {}): MeterError {
  return new MeterError('E_PARSE', `${message}: ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}...` : line)}`, {
    details: { line, ...extra },
    hint: 'The gateway answered in a format this version does not know; please report the line.',
  });
}

/**
 * The text after `^NAME:` when `line` starts with that prefix (case-insensitive), else undefined.
 * `name` may be a pattern source such as `\^SCPORT\d+`.
 */
export function afterPrefix(line: string, name: string): string | undefined {
  const match = prefixPattern(name).exec(line);
  return match ? line.slice(match[0].length) : undefined;
}

/**
 * Compiled once per name: building the RegExp on every call cost more than matching it (two calls per
 * record of a 2,000-record drain). The names are the parsers' own constants; the cap is a guard all the same.
 */
const MAX_PREFIX_PATTERNS = 64;
const prefixPatterns = new Map<string, RegExp>();

function prefixPattern(name: string): RegExp {
  let pattern = prefixPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${name}):\\s*`, 'i');
    if (prefixPatterns.size >= MAX_PREFIX_PATTERNS) prefixPatterns.clear();
    prefixPatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * Splits `text` at commas outside double quotes. Inside a quoted field, line breaks and commas are
 * data; a doubled quote (`""`) followed by more text is read as one literal quote (not documented by
 * the vendor, handled defensively). After a closing quote only spaces may come before the comma.
 */
export function splitFields(text: string, line: string = text): Field[] {
  const fields: Field[] = [];
  let position = 0;
  for (;;) {
    while (text[position] === ' ') position++;
    const field = text[position] === '"' ? readQuoted(text, position, line) : readBare(text, position);
    fields.push(field.field);
    position = field.end;
    if (position >= text.length) return fields;
    position++; // the comma
  }
}

function readBare(text: string, start: number): { field: Field; end: number } {
  const comma = text.indexOf(',', start);
  const end = comma < 0 ? text.length : comma;
  return { field: { value: text.slice(start, end).trim(), quoted: false }, end };
}

function readQuoted(text: string, start: number, line: string): { field: Field; end: number } {
  let value = '';
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf('"', position);
    if (quote < 0) throw parseError('unclosed quoted field', line, { position: start });
    value += text.slice(position, quote);
    const next = text[quote + 1];
    if (next === '"' && !closesField(text, quote + 2)) {
      value += '"';
      position = quote + 2;
      continue;
    }
    let end = quote + 1;
    while (text[end] === ' ') end++;
    if (end < text.length && text[end] !== ',') throw parseError(`unexpected text after a quoted field at position ${end}`, line, { position: end });
    return { field: { value, quoted: true }, end };
  }
}

/** True when only spaces and then a comma or the end follow `position`: a `"` before it closed a field. */
function closesField(text: string, position: number): boolean {
  let index = position;
  while (text[index] === ' ') index++;
  return index >= text.length || text[index] === ',';
}

/** A bare decimal integer field, or an E_PARSE naming `what`. */
export function integerField(field: Field | undefined, what: string, line: string): number {
  if (field === undefined || field.quoted || !/^-?\d+$/.test(field.value)) {
    throw parseError(`expected an integer ${what}`, line, { field: what });
  }
  return Number(field.value);
}

/** A quoted string field, or an E_PARSE naming `what`. */
export function stringField(field: Field | undefined, what: string, line: string): string {
  if (field === undefined || !field.quoted) throw parseError(`expected a quoted ${what}`, line, { field: what });
  return field.value;
}

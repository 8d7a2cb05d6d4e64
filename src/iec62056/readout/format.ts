import { MeterError } from '../../errors';

/*
 * The inverse of the data-set grammar, for the meter simulator: data sets -> data lines, one set per line,
 * each line ending with CR LF, without the closing `!` (DataBlockMessage.readout adds `! CR LF`).
 * Whatever this writes, parseDataBlock / parseReadout read back to the same data sets.
 */

export interface FormatValueInput {
  /** When given, written as is (it must be what a bracket group can hold). */
  raw?: string;
  value?: number | string;
  unit?: string | null;
}

export interface FormatDataSetInput {
  address: string;
  values: readonly FormatValueInput[];
}

export interface FormatOptions {
  lineEnd?: string;
}

function bad(message: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', message, { hint: 'data-set text must be printable ASCII without line breaks; addresses without ( ) !' });
}

function checkAddress(address: string): void {
  if (address.length === 0) throw bad('a data set needs a non-empty address');
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    const printable = i === 0 ? code > 0x20 && code < 0x7f : code >= 0x20 && code < 0x7f;
    if (!printable || code === 0x28 || code === 0x29 || code === 0x21) {
      throw bad(`address ${JSON.stringify(address)} has an unsupported character at position ${i}`);
    }
  }
}

/** Bracket-group text: printable ASCII, brackets balanced (a nested `(ER11)` is fine). */
function checkGroupText(text: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code >= 0x7f) throw bad(`value ${JSON.stringify(text)} has an unsupported character at position ${i}`);
    if (code === 0x28) depth++;
    else if (code === 0x29 && --depth < 0) break;
  }
  if (depth !== 0) throw bad(`value ${JSON.stringify(text)} has unbalanced brackets`);
}

/** The text inside one bracket group: `raw`, or the value followed by `*unit`. */
export function formatValue(input: FormatValueInput): string {
  let text: string;
  if (input.raw !== undefined) text = input.raw;
  else {
    const value = input.value ?? '';
    const valueText = typeof value === 'number' ? String(value) : value;
    if (typeof value === 'number' && (!Number.isFinite(value) || /e/i.test(valueText))) {
      throw bad(`number ${valueText} cannot be written as a plain decimal; pass raw text instead`);
    }
    text = input.unit ? `${valueText}*${input.unit}` : valueText;
  }
  checkGroupText(text);
  return text;
}

export function formatDataBlock(dataSets: readonly FormatDataSetInput[], options: FormatOptions = {}): string {
  const lineEnd = options.lineEnd ?? '\r\n';
  const lines: string[] = [];
  for (const set of dataSets) {
    checkAddress(set.address);
    if (set.values.length === 0) throw bad(`data set ${JSON.stringify(set.address)} has no value group`);
    let line = set.address;
    for (const value of set.values) line += `(${formatValue(value)})`;
    lines.push(line + lineEnd);
  }
  return lines.join('');
}

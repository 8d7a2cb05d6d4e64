import { afterPrefix, parseError } from './fields';

/**
 * The number in a count answer (`AT^SCDATA="MESS_CNT"`, `"GET_SPACE"`): the response format is not
 * documented, so both `^SCDATA: 5` and `^SCDATA: "MESS_CNT",5` are read, taking the LAST integer
 * after the `^NAME:` prefix (so digits in the prefix, like `^SCPORT2:`, never count).
 * Accepts the response lines (the first line holding an integer wins) or one line.
 */
export function parseCount(input: string | readonly string[]): number {
  const lines = typeof input === 'string' ? [input] : input;
  for (const line of lines) {
    const value = lastInteger(afterPrefix(line, '[\\^+][A-Za-z0-9_]+') ?? line);
    if (value !== undefined) return value;
  }
  throw parseError('no count in the answer', lines.join('\n'));
}

function lastInteger(text: string): number | undefined {
  const matches = text.match(/-?\d+/g);
  if (!matches) return undefined;
  return Number(matches[matches.length - 1]);
}

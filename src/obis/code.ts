/*
 * OBIS codes (IEC 62056-61) as meters write them in IEC 62056-21 data sets:
 *
 *   full     A-B:C.D.E*F     1-0:1.8.0*255, 0-0:96.14.0, 1-3:0.2.8
 *   reduced  C.D.E*F         1.8.0, 1.8.0*03, 1.8.0&03, C.1.0, F.F, P.01, 31.7
 *
 * A (medium) and B (channel) are optional; E defaults to 0 when left out (`F.F`, `P.01`, `31.7`); F (the
 * billing period) may follow `*` or `&`, and 255 means "the current value", the same as no F at all.
 * In groups C and D the letters C, F, L, P stand for 96, 97, 98, 99 (service entries, errors, lists, profiles).
 */

/** The value groups of one code. `a`/`b` are absent in the reduced form; `f` is absent for the current value. */
export interface ObisCode {
  a?: number;
  b?: number;
  c: number;
  d: number;
  e: number;
  f?: number;
}

const LETTER_VALUES: Readonly<Record<string, number>> = { C: 96, F: 97, L: 98, P: 99 };

/** F = 255: "not used", i.e. the current value; it is stored as an absent F so both spellings compare equal. */
export const CURRENT_VALUE_F = 255;

/** Longer than any real code (`15-255:255.255.255*255` has 21 characters): rejected before the regex runs. */
const MAX_CODE_LENGTH = 32;

const CODE_PATTERN = /^(?:(\d{1,3})-(\d{1,3}):)?(\d{1,3}|[CFLP])\.(\d{1,3}|[CFLP])(?:\.(\d{1,3}))?(?:[*&](\d{1,3}))?$/i;

function group(text: string): number {
  const letter = LETTER_VALUES[text.toUpperCase()];
  return letter ?? Number(text);
}

/*
 * Codes repeat on every read of every meter, so parsed codes are kept (including the misses). The cache is
 * bounded: when it is full it starts over, which costs one re-parse per code and cannot grow without limit
 * whatever addresses a meter sends.
 */
const CACHE_LIMIT = 4096;
const cache = new Map<string, ObisCode | null>();

function parseUncached(code: string): ObisCode | null {
  const text = code.trim();
  if (text.length === 0 || text.length > MAX_CODE_LENGTH) return null;
  const match = CODE_PATTERN.exec(text);
  if (match === null) return null;
  const [, a, b, c, d, e, f] = match;
  const parsed: ObisCode = { c: group(c), d: group(d), e: e === undefined ? 0 : Number(e) };
  if (a !== undefined) {
    parsed.a = Number(a);
    parsed.b = Number(b);
    if (parsed.a > 15) return null; // A is a 4-bit medium code
  }
  if (f !== undefined && Number(f) !== CURRENT_VALUE_F) parsed.f = Number(f);
  const tooBig = [parsed.b, parsed.c, parsed.d, parsed.e, parsed.f].some((value) => value !== undefined && value > 255);
  return tooBig ? null : Object.freeze(parsed);
}

/**
 * The value groups of `code`, or null when it is not an OBIS code (any input, never throws).
 * The result is frozen and shared: copy it before changing it.
 */
export function parseObis(code: unknown): Readonly<ObisCode> | null {
  if (typeof code !== 'string') return null;
  const known = cache.get(code);
  if (known !== undefined) return known;
  const parsed = parseUncached(code);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(code, parsed);
  return parsed;
}

/** `[A-B:]C.D.E[*F]`, all groups as plain decimal numbers (letters turned into their values, no F for 255). */
export function formatObis(code: Readonly<ObisCode>): string {
  const medium = code.a === undefined ? '' : `${code.a}-${code.b ?? 0}:`;
  const billing = code.f === undefined ? '' : `*${code.f}`;
  return `${medium}${code.c}.${code.d}.${code.e}${billing}`;
}

/**
 * The canonical spelling of a code, or null when it is not an OBIS code. Equal registers get equal strings:
 * `C.1.0` and `0-0:96.1.0` keep their A-B difference (`96.1.0` vs `0-0:96.1.0`), but `1.8.0*03`, `1.8.0&3`
 * and `1.8.0*003` all become `1.8.0*3`, and `1-0:1.8.0*255` becomes `1-0:1.8.0`. Normalising twice changes nothing.
 */
export function normaliseObis(code: string): string | null {
  const parsed = parseObis(code);
  return parsed === null ? null : formatObis(parsed);
}

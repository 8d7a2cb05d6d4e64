/*
 * Character classes for the data-set scanners, as one table lookup per character: a chain of comparisons
 * per character (printable? not a bracket? not `!`?) cost about twice as much on the hot loops.
 * 65536 entries so that any UTF-16 code unit of a string input is a valid index (a string passed with
 * stripParity false may hold characters above 0xff); reading past the end of a string gives NaN, whose
 * lookup is undefined and so belongs to no class.
 */

/**
 * The input's character codes, alongside the input as a latin1 string: the scanning loops read the codes
 * (a typed-array read is cheaper than String#charCodeAt, which re-checks the string's representation on
 * every call) and slice tokens out of the string. A Buffer of the bytes, or a Uint16Array for a string
 * input holding characters above 0xff (possible with stripParity false).
 */
export type CharCodes = Uint8Array | Uint16Array;

/** Printable, none of `( ) !`: may appear in an address. */
export const ADDRESS = 1;
/** Printable, none of `* & # ( )`: may appear in a unit (value.ts isUnit). */
export const UNIT = 2;
/** CR, LF, space, tab: skipped between data sets. */
export const BLANK = 4;

function classOf(code: number): number {
  let bits = 0;
  const printable = code >= 0x20 && code !== 0x7f;
  if (printable && code !== 0x28 && code !== 0x29 && code !== 0x21) bits |= ADDRESS;
  if (printable && code !== 0x2a && code !== 0x26 && code !== 0x23 && code !== 0x28 && code !== 0x29) bits |= UNIT;
  if (code === 0x0d || code === 0x0a || code === 0x20 || code === 0x09) bits |= BLANK;
  return bits;
}

export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = classOf(code);
  return table;
})();

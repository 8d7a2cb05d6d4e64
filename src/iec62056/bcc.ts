/**
 * Block check character. The standard BCC is the XOR of every byte after the opening STX/SOH up to and
 * including ETX/EOT, 7 bits. Some Kamstrup meters send the 7-bit arithmetic sum of the same bytes instead.
 */
export type BccAlgorithm = 'xor' | 'sum7';

export interface BccCheck {
  /** A BCC byte was received. */
  present: boolean;
  /** It matched one of the accepted algorithms. */
  valid: boolean;
  /** The algorithm it matched. */
  algorithm: BccAlgorithm | undefined;
  /** The BCC byte as received. */
  received?: number;
  /**
   * What the BCC should be, as a number like `received`: computed with `algorithm` when the BCC matched one, else
   * with the first accepted algorithm (the XOR of the standard, unless bccAlgorithms puts another one first).
   */
  expected?: number;
}

export function xorBcc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let value = 0;
  for (let i = start; i < end; i++) value ^= bytes[i];
  return value & 0x7f;
}

export function sum7Bcc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let value = 0;
  for (let i = start; i < end; i++) value = (value + bytes[i]) & 0x7f;
  return value;
}

export function computeBcc(bytes: Uint8Array, algorithm: BccAlgorithm, start = 0, end = bytes.length): number {
  return algorithm === 'xor' ? xorBcc(bytes, start, end) : sum7Bcc(bytes, start, end);
}

/*
 * The XOR and the 7-bit sum of a byte range in one pass, four bytes at a time: a whole-word XOR folds to the
 * XOR of the bytes, and the sum adds the bytes in two 16-bit lanes (even and odd bytes of each 32-bit word).
 * A lane gains at most 2 x 255 per word, so it is folded to 7 bits every 64 words, long before it could carry
 * into the other lane. Only the middle, 4-byte-aligned part is read as words; the ends go byte by byte.
 */

const FOLD_EVERY = 64;
const LANES_7BIT = 0x007f007f;
const LOW_BYTES = 0x00ff00ff;
const MIN_WORD_RUN = 64;

/** XOR of bytes[start, end) in bits 0-6, their sum modulo 128 in bits 8-14. */
export function xorAndSum7(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let xor = 0;
  let sum = 0;
  let i = start;
  const firstWord = Math.min(end, i + ((4 - ((bytes.byteOffset + i) & 3)) & 3));
  for (; i < firstWord; i++) {
    xor ^= bytes[i];
    sum += bytes[i];
  }
  // A typed-array view costs an allocation: worth it only for more than a few words.
  const words = end - i >= MIN_WORD_RUN ? (end - i) >> 2 : 0;
  if (words > 0) {
    const view = new Int32Array(bytes.buffer, bytes.byteOffset + i, words);
    let wordXor = 0;
    let lanes = 0;
    for (let w = 0; w < words; w++) {
      const word = view[w];
      wordXor ^= word;
      lanes += (word & LOW_BYTES) + ((word >>> 8) & LOW_BYTES);
      if ((w & (FOLD_EVERY - 1)) === FOLD_EVERY - 1) lanes &= LANES_7BIT;
    }
    xor ^= wordXor ^ (wordXor >>> 8) ^ (wordXor >>> 16) ^ (wordXor >>> 24);
    sum += (lanes & 0xffff) + (lanes >>> 16);
    i += words << 2;
  }
  for (; i < end; i++) {
    xor ^= bytes[i];
    sum += bytes[i];
  }
  return (xor & 0x7f) | ((sum & 0x7f) << 8);
}

/** The BCC algorithms accepted unless told otherwise: the standard's XOR first, then the Kamstrup 7-bit sum. */
export const DEFAULT_BCC_ALGORITHMS: readonly BccAlgorithm[] = ['xor', 'sum7'];
const DEFAULT_ACCEPT = DEFAULT_BCC_ALGORITHMS;

/**
 * Checks a received BCC against the bytes it covers (after STX/SOH, up to and including ETX/EOT).
 * The XOR is tried first; the 7-bit sum only when accepted.
 */
export function checkBcc(covered: Uint8Array, received: number | undefined, accept: readonly BccAlgorithm[] = DEFAULT_ACCEPT): BccCheck {
  return checkBccRange(covered, 0, covered.length, received, accept);
}

/**
 * checkBcc over bytes[start, end) without a copy, in ONE pass that computes both the XOR and the 7-bit sum
 * (a readout parser checks ~10 kB per telegram, so a second pass over the bytes shows in its throughput).
 */
export function checkBccRange(
  bytes: Uint8Array,
  start: number,
  end: number,
  received: number | undefined,
  accept: readonly BccAlgorithm[] = DEFAULT_ACCEPT,
): BccCheck {
  const both = xorAndSum7(bytes, start, end);
  const valueOf = (algorithm: BccAlgorithm): number => (algorithm === 'xor' ? both & 0x7f : both >>> 8);
  // Without a match, report the value of the preferred algorithm: the one the meter most likely meant.
  const expected = valueOf(accept[0] ?? 'xor');
  if (received === undefined) return { present: false, valid: false, algorithm: undefined, expected };
  const byte = received & 0x7f;
  for (const algorithm of accept) {
    if (valueOf(algorithm) === byte) return { present: true, valid: true, algorithm, received, expected: byte };
  }
  return { present: true, valid: false, algorithm: undefined, received, expected };
}

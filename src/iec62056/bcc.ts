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
  received?: number;
  /** The XOR value, which is what the standard expects. */
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

/**
 * Checks a received BCC against the bytes it covers (after STX/SOH, up to and including ETX/EOT).
 * The XOR is tried first; the 7-bit sum only when accepted.
 */
export function checkBcc(
  covered: Uint8Array,
  received: number | undefined,
  accept: readonly BccAlgorithm[] = ['xor', 'sum7'],
): BccCheck {
  const expected = xorBcc(covered);
  if (received === undefined) return { present: false, valid: false, algorithm: undefined, expected };
  const byte = received & 0x7f;
  for (const algorithm of accept) {
    if (computeBcc(covered, algorithm) === byte) return { present: true, valid: true, algorithm, received, expected };
  }
  return { present: true, valid: false, algorithm: undefined, received, expected };
}

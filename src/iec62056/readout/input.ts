import { isAscii } from 'node:buffer';
import type { CharCodes } from './chars';

/*
 * Input normalisation: Buffer or string -> one latin1 string (one char per byte, so every index is a byte
 * position), with bit 7 stripped when the bytes carry parity (a 7E1 line read as 8N1, see reference 3.4).
 */

export interface NormalizedInput {
  text: string;
  /** The bytes `text` was made of (for the BCC); undefined for a string holding characters above 0xff. */
  bytes: Uint8Array | undefined;
  /** The character codes of `text`, for the scanners (see chars.ts): `bytes`, or a Uint16Array copy. */
  codes: CharCodes;
  parityStripped: boolean;
  /** Bytes whose 8 bits have odd parity after a strip (transmission errors), and the first one's position. */
  parityErrors: number;
  firstParityError: number;
}

const EVEN_PARITY: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let n = 0; n < 256; n++) {
    let bits = 0;
    for (let v = n; v !== 0; v >>>= 1) bits += v & 1;
    table[n] = bits % 2 === 0 ? 1 : 0;
  }
  return table;
})();

const NON_ASCII = /[^\x00-\x7f]/;

function strip(bytes: Uint8Array, checkParity: boolean): NormalizedInput {
  const copy = Buffer.allocUnsafe(bytes.length);
  let parityErrors = 0;
  let firstParityError = -1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (checkParity && EVEN_PARITY[byte] === 0) {
      if (parityErrors++ === 0) firstParityError = i;
    }
    copy[i] = byte & 0x7f;
  }
  return { text: copy.toString('latin1'), bytes: copy, codes: copy, parityStripped: true, parityErrors, firstParityError };
}

const WIDE_CHAR = /[^\x00-\xff]/;

/** A string taken as it is: its latin1 bytes when every character fits in a byte, else its UTF-16 code units. */
function fromString(text: string): NormalizedInput {
  let bytes: Uint8Array | undefined;
  let codes: CharCodes;
  if (WIDE_CHAR.test(text)) {
    const wide = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) wide[i] = text.charCodeAt(i);
    codes = wide;
  } else {
    bytes = Buffer.from(text, 'latin1');
    codes = bytes;
  }
  return { text, bytes, codes, parityStripped: false, parityErrors: 0, firstParityError: -1 };
}

export function normalizeInput(input: Buffer | Uint8Array | string, stripParity: 'auto' | boolean = 'auto'): NormalizedInput {
  if (typeof input === 'string') {
    const high = stripParity !== false && NON_ASCII.test(input);
    if (!high && stripParity !== true) return fromString(input);
    return strip(Buffer.from(input, 'latin1'), high);
  }
  const high = stripParity !== false && !isAscii(input);
  if (!high && stripParity !== true) {
    const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return { text: buffer.toString('latin1'), bytes: buffer, codes: buffer, parityStripped: false, parityErrors: 0, firstParityError: -1 };
  }
  return strip(input, high);
}

import { isAscii } from 'node:buffer';

/*
 * Input normalisation: Buffer or string -> one latin1 string (one char per byte, so every index is a byte
 * position), with bit 7 stripped when the bytes carry parity (a 7E1 line read as 8N1, see reference 3.4).
 */

export interface NormalizedInput {
  text: string;
  /** The same bytes as `text` when they exist already (a Buffer input or the stripped copy), for the BCC. */
  bytes: Uint8Array | undefined;
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
  return { text: copy.toString('latin1'), bytes: copy, parityStripped: true, parityErrors, firstParityError };
}

export function normalizeInput(input: Buffer | Uint8Array | string, stripParity: 'auto' | boolean = 'auto'): NormalizedInput {
  if (typeof input === 'string') {
    const high = stripParity !== false && NON_ASCII.test(input);
    if (!high && stripParity !== true) return { text: input, bytes: undefined, parityStripped: false, parityErrors: 0, firstParityError: -1 };
    return strip(Buffer.from(input, 'latin1'), high);
  }
  const high = stripParity !== false && !isAscii(input);
  if (!high && stripParity !== true) {
    const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return { text: buffer.toString('latin1'), bytes: buffer, parityStripped: false, parityErrors: 0, firstParityError: -1 };
  }
  return strip(input, high);
}

import { sum7Bcc, xorBcc } from '../../src/iec62056/bcc';
import { crc16Arc } from '../../src/iec62056/readout';

/** `ident STX data ! CR LF ETX BCC`, with the BCC the meter family uses. */
export function readoutMessage(identification: string, dataLines: string, bcc: 'xor' | 'sum7' = 'xor'): string {
  const covered = Buffer.from(`${dataLines}!\r\n\x03`, 'latin1');
  const check = bcc === 'xor' ? xorBcc(covered) : sum7Bcc(covered);
  return `${identification}\r\n\x02${covered.toString('latin1')}${String.fromCharCode(check)}`;
}

/** DSMR P1: `/ident CR LF CR LF data ! CRC CR LF`. */
export function dsmrTelegram(identification: string, dataLines: string): string {
  const body = `${identification}\r\n\r\n${dataLines}!`;
  return `${body}${crc16Arc(body).toString(16).toUpperCase().padStart(4, '0')}\r\n`;
}

/** Deterministic pseudo-random numbers (LCG), so every run parses the same bytes. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

export function pad(value: number, width: number, decimals = 0): string {
  const text = value.toFixed(decimals);
  const [int, frac] = text.split('.');
  const padded = int.padStart(width, '0');
  return frac === undefined ? padded : `${padded}.${frac}`;
}

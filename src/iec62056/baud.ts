/**
 * The baud-rate character of the identification message and the mode it implies
 * (IEC 62056-21; the table every implementation agrees on: mode B letters A-F, mode C digits 0-6).
 */
export type ProtocolMode = 'A' | 'B' | 'C' | 'D' | 'E';

const MODE_C_RATES = [300, 600, 1200, 2400, 4800, 9600, 19200] as const;
const MODE_B_RATES: Readonly<Record<string, number>> = { A: 600, B: 1200, C: 2400, D: 4800, E: 9600, F: 19200 };

export const STANDARD_BAUD_RATES: readonly number[] = MODE_C_RATES;

export interface BaudCharMeaning {
  mode: 'A' | 'B' | 'C';
  /** The speed the meter offers (mode C) or switches to (mode B); 300 for mode A. */
  baudRate: number;
}

export function interpretBaudChar(char: string): BaudCharMeaning {
  if (char.length === 1 && char >= '0' && char <= '6') return { mode: 'C', baudRate: MODE_C_RATES[Number(char)] };
  const modeB = MODE_B_RATES[char];
  if (modeB !== undefined) return { mode: 'B', baudRate: modeB };
  return { mode: 'A', baudRate: 300 };
}

/** The mode C character for a standard rate, or undefined for a non-standard one. */
export function modeCBaudChar(baudRate: number): string | undefined {
  const index = MODE_C_RATES.indexOf(baudRate as (typeof MODE_C_RATES)[number]);
  return index < 0 ? undefined : String(index);
}

/** The next lower standard rate (for retries that step down), or undefined at 300. */
export function stepDownBaudRate(baudRate: number): number | undefined {
  const lower = MODE_C_RATES.filter((rate) => rate < baudRate);
  return lower.length === 0 ? undefined : lower[lower.length - 1];
}

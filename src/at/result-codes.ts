/**
 * Final result codes: the line that ends an AT response. The SmartCOM documents `OK` and
 * `ERROR <n>`; `+CME ERROR:` / `+CMS ERROR:` are accepted too (GSM modules), with the number kept.
 */
export type AtErrorResult = 'ERROR' | '+CME ERROR' | '+CMS ERROR';

export type FinalResult =
  | { kind: 'ok' }
  | { kind: 'error'; result: AtErrorResult; errorNumber?: number; text?: string };

const PLAIN_ERROR = /^ERROR(?:\s+(\d+))?$/i;
// Numeric (`+CME ERROR: 10`) or verbose (`+CME ERROR: SIM not inserted`) form.
const GSM_ERROR = /^\+(CME|CMS) ERROR:\s*(.*)$/i;

/** The final result the line stands for, or undefined when it is an information line. Expects a trimmed line. */
export function parseFinalResult(line: string): FinalResult | undefined {
  if (/^OK$/i.test(line)) return { kind: 'ok' };
  const plain = PLAIN_ERROR.exec(line);
  if (plain) return plain[1] === undefined ? { kind: 'error', result: 'ERROR' } : { kind: 'error', result: 'ERROR', errorNumber: Number(plain[1]) };
  const gsm = GSM_ERROR.exec(line);
  if (!gsm) return undefined;
  const result: AtErrorResult = gsm[1].toUpperCase() === 'CME' ? '+CME ERROR' : '+CMS ERROR';
  const rest = gsm[2].trim();
  if (/^\d+$/.test(rest)) return { kind: 'error', result, errorNumber: Number(rest) };
  return rest === '' ? { kind: 'error', result } : { kind: 'error', result, text: rest };
}

export function isFinalResult(line: string): boolean {
  return parseFinalResult(line) !== undefined;
}

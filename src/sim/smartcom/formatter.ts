/** Text the simulator writes: info lines, records, final result codes. */
import type { SimErrorStyle } from './options';
import type { SimRecord } from './record-store';

/**
 * Numbers used by the `ERROR <n>` / `+CME ERROR: <n>` styles. Simulator-specific: the vendor
 * documents numbered errors only for UDF commands (1 = general error, 2 = no free slot).
 */
export const SimErrorNumber = {
  UNKNOWN_COMMAND: 1,
  TABLE_FULL: 2,
  SYNTAX: 3,
  BAD_VALUE: 4,
  NO_SUCH_ENTRY: 5,
  NOT_SUPPORTED: 6,
} as const;

export type SimErrorNumber = (typeof SimErrorNumber)[keyof typeof SimErrorNumber];

/** What a command handler returns: info lines, then OK, or an error number (no info lines). */
export interface CommandResult {
  lines: string[];
  error?: SimErrorNumber;
  /** ATZ with a login configured: ask for the login again after OK. */
  logout?: boolean;
}

export function ok(lines: string[] = []): CommandResult {
  return { lines };
}

export function fail(error: SimErrorNumber): CommandResult {
  return { lines: [], error };
}

export function quote(text: string): string {
  return `"${text}"`;
}

/** `^SCDATA: "AMS",<unix>,<seq>,"<protocol>",<index>,<err>,"<ident>","<data>"` (data keeps its line breaks). */
export function formatRecord(record: SimRecord): string {
  const fields = [
    quote(record.type), record.time, record.seq, quote(record.protocol), record.index, record.errorCode,
    quote(record.identification), quote(record.data),
  ];
  return `^SCDATA: ${fields.join(',')}`;
}

export function finalResultCode(result: CommandResult, style: SimErrorStyle): string {
  if (result.error === undefined) return 'OK';
  if (style === 'numbered') return `ERROR ${result.error}`;
  if (style === 'cme') return `+CME ERROR: ${result.error}`;
  return 'ERROR';
}

/** Every info line and the final code, each followed by the configured line ending. */
export function renderResult(result: CommandResult, style: SimErrorStyle, lineEnding: string): string {
  return [...result.lines, finalResultCode(result, style)].map((line) => line + lineEnding).join('');
}

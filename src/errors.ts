/**
 * The one error type of the library. Every failure carries a stable `code`:
 * - the gateway's numeric AMS codes where they apply (0-4 general, 65536+ IEC 62056-21, 131072+ M-Bus),
 * - a string `E_*` code for failures detected on our side (timeouts, bad input, link loss).
 * `family` is derived from the code so that callers can branch without tables.
 */
export type ErrorFamily = 'general' | 'iec62056' | 'mbus' | 'client';

export type ClientErrorCode =
  | 'E_TIMEOUT'
  | 'E_QUEUE_FULL'
  | 'E_NOT_CONNECTED'
  | 'E_CONNECTION_LOST'
  | 'E_CONNECT_FAILED'
  | 'E_CLOSED'
  | 'E_ABORTED'
  | 'E_BAD_ARGUMENT'
  | 'E_AT_ERROR'
  | 'E_LOGIN_FAILED'
  | 'E_PARSE'
  | 'E_SERIAL_UNAVAILABLE'
  | 'E_SERIAL_CONFLICT'
  | 'E_BCC_MISMATCH'
  | 'E_PROTOCOL'
  | 'E_PASSWORD_REJECTED'
  | 'E_METER_ERROR'
  | 'E_LINE_TOO_LONG'
  | 'E_ANSWER_TOO_LARGE'
  | 'E_OUT_OF_STEP'
  /** An AMS sync ran, but the table read back differs from the wanted one. */
  | 'E_SYNC_VERIFY'
  /** The resource is in use by a run that must not overlap (e.g. a second drain of one gateway's record store). */
  | 'E_BUSY';

export type ErrorCode = number | ClientErrorCode;

export interface MeterErrorOptions {
  /** Extra facts for diagnostics (e.g. the command sent, the byte position, the AT error number). */
  details?: Record<string, unknown>;
  /** What the user can try, in one sentence. */
  hint?: string;
  cause?: unknown;
}

export class MeterError extends Error {
  readonly code: ErrorCode;
  readonly family: ErrorFamily;
  readonly details: Record<string, unknown>;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: MeterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MeterError';
    this.code = code;
    this.family = familyOf(code);
    this.details = options.details ?? {};
    this.hint = options.hint;
  }

  /** Plain object for msg.error / JSON output. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, family: this.family, message: this.message, hint: this.hint, details: this.details };
  }
}

export function familyOf(code: ErrorCode): ErrorFamily {
  if (typeof code === 'string') return 'client';
  if (code >= 131072 && code < 196608) return 'mbus';
  if (code >= 65536 && code < 131072) return 'iec62056';
  return 'general';
}

export function isMeterError(value: unknown): value is MeterError {
  return value instanceof MeterError;
}

import { MeterError } from '../errors';

/**
 * The ONE place where values become AT command text. Every argument of every set command goes
 * through `encodeArgument`, so no user input can close a quote, end the line, or otherwise
 * smuggle a second command onto the gateway.
 */

export const DEFAULT_MAX_ARGUMENT_LENGTH = 150;

export interface EncodeOptions {
  /** Longest string accepted (characters). The SmartCOM's longest documented field (a GET_FILTERED filter) is 150. */
  maxLength?: number;
}

export type AtArgument = string | number;

/** Why a character cannot be sent inside an AT line, or undefined when it can. */
function forbiddenReason(code: number, quoteAllowed: boolean): string | undefined {
  if (code === 0x22 && !quoteAllowed) return 'a double quote (")';
  if (code === 0x0d) return 'a carriage return (CR)';
  if (code === 0x0a) return 'a line feed (LF)';
  if (code === 0x00) return 'a NUL character';
  if (code < 0x20 || code === 0x7f) return `a control character (0x${code.toString(16).padStart(2, '0')})`;
  if (code > 0x7e) return `a non-ASCII character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return undefined;
}

/**
 * Throws E_BAD_ARGUMENT when `text` holds a character that would break the line (CR, LF, any
 * control character) or is not plain ASCII. `what` names the value in the message; `reveal`
 * false keeps the value itself out of the error (passwords).
 */
export function assertLineSafe(text: string, what: string, reveal = true, quoteAllowed = true): void {
  for (let position = 0; position < text.length; position++) {
    const reason = forbiddenReason(text.charCodeAt(position), quoteAllowed);
    if (reason === undefined) continue;
    throw new MeterError('E_BAD_ARGUMENT', `${what} contains ${reason} at position ${position}`, {
      details: reveal ? { value: text, position } : { position },
      hint: quoteAllowed ? 'Use printable ASCII characters only.' : 'Use printable ASCII characters only, without double quotes.',
    });
  }
}

function encodeString(value: string, maxLength: number): string {
  // A quote would close the string early: everything after it would be parsed as more command text.
  assertLineSafe(value, 'AT argument', true, false);
  if (value.length > maxLength) {
    throw new MeterError('E_BAD_ARGUMENT', `AT argument is ${value.length} characters long; the limit is ${maxLength}`, {
      details: { value, position: maxLength, maxLength },
    });
  }
  return `"${value}"`;
}

function encodeNumber(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new MeterError('E_BAD_ARGUMENT', `AT numeric argument must be a finite integer, got ${String(value)}`, {
      details: { value: String(value) },
    });
  }
  // `Object.is(-0, value)` would print "0" anyway; String() never uses exponent form for safe integers.
  return String(value);
}

/** A quoted string or a plain integer, ready to be joined with commas after `=`. */
export function encodeArgument(value: AtArgument, options: EncodeOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_ARGUMENT_LENGTH;
  if (typeof value === 'string') return encodeString(value, maxLength);
  if (typeof value === 'number') return encodeNumber(value);
  // Reachable from untyped JavaScript callers (function nodes).
  throw new MeterError('E_BAD_ARGUMENT', `AT argument must be a string or an integer, got ${typeof value}`);
}

export function encodeArguments(values: readonly AtArgument[], options: EncodeOptions = {}): string {
  return values.map((value) => encodeArgument(value, options)).join(',');
}

/** What the iec62056-read node sends and reports: the read's message(s), and an error a Catch node can use. */
import type { ErrorTextLanguage } from '../../src/error-text';
import { isMeterError } from '../../src/errors';
import { meterValueMessages, type MeterPayload } from '../../src/meter-payload';
import { reportText } from './error-report';
import type { OutputMode } from './iec-read-def';

/**
 * The messages for one read, built on the input msg so its other properties survive: either msg.payload =
 * the payload, or one message per value (`topic` `<meter>/<code>`, `payload`, `unit`, `name`).
 */
export function outputMessages(msg: Record<string, unknown>, payload: MeterPayload, mode: OutputMode): Record<string, unknown>[] {
  if (mode === 'payload') return [{ ...msg, payload }];
  return meterValueMessages(payload).map((value) => ({ ...msg, ...value, timestamp: payload.timestamp }));
}

/**
 * An error for done(err): the code (msg.error.code in a Catch node) and a message that says what to try,
 * in the runtime's language (English: `<message> (<code>). Try: <hint>`).
 */
export function nodeError(error: unknown, language: ErrorTextLanguage = 'en'): Error & { code: string | number } {
  if (!isMeterError(error)) {
    const plain = new Error(error instanceof Error ? error.message : String(error)) as Error & { code: string | number };
    plain.code = 'E_PROTOCOL';
    return plain;
  }
  const english = error.hint ? `${error.message} (${error.code}). Try: ${error.hint}` : `${error.message} (${error.code})`;
  const text = reportText(error, language, english);
  // A fresh error without `cause` or `details`: they are for logs, and a Catch node's msg needs neither.
  const result = new Error(text) as Error & { code: string | number };
  result.code = error.code;
  return result;
}

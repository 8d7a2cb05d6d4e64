/**
 * The error an ams-device node reports with done(err). Node-RED 4 gives a Catch node
 * `msg.error = { message, source, code?, stack?, cause? }`, copying `code` and `cause` only when
 * they are OWN properties of the error, and `message` from err.toString(). So the reported error
 * is a MeterError (own `code`) whose message names the problem, the code and what to try, with the
 * library's error as `cause` (its `details`, e.g. a sync's applied steps, reach msg.error.cause).
 */
import { isMeterError, MeterError } from '../../src/errors';

interface StepLike {
  command?: unknown;
}

export function nodeError(error: unknown, action: string): MeterError {
  const cause = isMeterError(error) ? error : new MeterError('E_PROTOCOL', error instanceof Error ? error.message : String(error), { cause: error });
  const parts = [`${action} failed: ${cause.message}`, appliedText(cause.details.applied)].filter((part) => part !== '');
  const message = `${parts.join('; ')} [${String(cause.code)}]${cause.hint ? ` ${cause.hint}` : ''}`;
  return new MeterError(cause.code, message, { details: cause.details, ...(cause.hint ? { hint: cause.hint } : {}), cause });
}

/** A sync that stopped lists the commands the gateway had accepted. */
function appliedText(applied: unknown): string {
  if (!Array.isArray(applied)) return '';
  const commands = applied.map((step: StepLike) => String(step.command));
  return `applied: ${commands.length === 0 ? 'none' : commands.join(', ')}`;
}

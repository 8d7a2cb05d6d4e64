/**
 * The error an ams-device node reports with done(err). Node-RED 4 gives a Catch node
 * `msg.error = { message, source, code?, stack?, cause? }`, copying `code` and `cause` only when
 * they are OWN properties of the error, and `message` from err.toString(). So the reported error
 * is a MeterError (own `code`) whose message names the problem, the code and what to try, with the
 * library's error as `cause` (its `details`, e.g. a sync's applied steps, reach msg.error.cause).
 * In a German or Czech runtime the message leads with the translated summary and hint of the code
 * (nodes/lib/error-report.ts); the code, details and cause are the same in every language.
 */
import type { ErrorTextLanguage } from '../../src/error-text';
import { localizedErrorText } from '../../src/error-text';
import { isMeterError, MeterError } from '../../src/errors';

interface StepLike {
  command?: unknown;
}

/** The runtime's language and the node's catalog (RED._), whose `ams-device.errors.*` words join the parts. */
export interface ErrorWording {
  language: ErrorTextLanguage;
  translate: (key: string, params?: Record<string, string | number>) => string;
}

export function nodeError(error: unknown, action: string, wording?: ErrorWording): MeterError {
  const cause = isMeterError(error) ? error : new MeterError('E_PROTOCOL', error instanceof Error ? error.message : String(error), { cause: error });
  const message = wording && wording.language !== 'en' ? localizedMessage(cause, action, wording) : englishMessage(cause, action);
  return new MeterError(cause.code, message, { details: cause.details, ...(cause.hint ? { hint: cause.hint } : {}), cause });
}

/** `sync failed: <message>; applied: <commands> [<code>] <hint>`: the node's English wording. */
function englishMessage(cause: MeterError, action: string): string {
  const commands = appliedCommands(cause.details.applied);
  const applied = commands === undefined ? '' : `applied: ${commands.length === 0 ? 'none' : commands.join(', ')}`;
  const parts = [`${action} failed: ${cause.message}`, applied].filter((part) => part !== '');
  return `${parts.join('; ')} [${String(cause.code)}]${cause.hint ? ` ${cause.hint}` : ''}`;
}

/** `sync fehlgeschlagen: <summary> (<code>). Abhilfe: <hint> — Details: <message>; angenommene Befehle: <commands>`. */
function localizedMessage(cause: MeterError, action: string, { language, translate: t }: ErrorWording): string {
  const failed = t('ams-device.errors.failed', { action, reason: localizedErrorText(cause, language) });
  const commands = appliedCommands(cause.details.applied);
  if (commands === undefined) return failed;
  return `${failed}; ${t('ams-device.errors.applied', { commands: commands.length === 0 ? t('ams-device.errors.applied-none') : commands.join(', ') })}`;
}

/** A sync that stopped lists the commands the gateway had accepted. */
function appliedCommands(applied: unknown): string[] | undefined {
  return Array.isArray(applied) ? applied.map((step: StepLike) => String(step.command)) : undefined;
}

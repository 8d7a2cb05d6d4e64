import { MeterError, isMeterError } from '../errors';
import type { AmsSyncStep } from './ams-plan';

/**
 * A step of an AMS sync failed: the sync stopped there. The error keeps the step's own code
 * (E_AT_ERROR with `errorNumber`, E_TIMEOUT, ...) and its details, and adds what was done:
 * `applied` (the steps the gateway accepted), `failedStep` (for E_AT_ERROR the gateway refused it;
 * after a timeout its outcome is unknown), `notSent`, and `amsRestored` (true / false when AMS was
 * paused, undefined when it was not).
 */
export function stepFailed(error: unknown, steps: readonly AmsSyncStep[], at: number, amsRestored: boolean | undefined, restoreError: unknown): MeterError {
  const cause = isMeterError(error) ? error : undefined;
  const failed = steps[at];
  const restored = amsRestored === undefined ? '' : amsRestored ? '; AMS was switched back on' : '; AMS could NOT be switched back on';
  const message = `AMS sync stopped at step ${at + 1} of ${steps.length} (${failed.command}): ${errorText(error)}; ` +
    `${at} step(s) applied, ${steps.length - at - 1} not sent${restored}`;
  const details: Record<string, unknown> = {
    ...(cause?.details ?? {}),
    applied: steps.slice(0, at),
    failedStep: failed,
    notSent: steps.slice(at + 1),
    amsRestored,
  };
  if (restoreError !== undefined) details.restoreError = isMeterError(restoreError) ? restoreError.toJSON() : errorText(restoreError);
  return new MeterError(cause?.code ?? 'E_PROTOCOL', message, {
    details,
    hint: 'Read the table (AT^SCAMS?) and run the sync again; it only sends what is still missing.',
    cause: error,
  });
}

/** The table read back after a sync differs from the wanted one; `differences` is the plan that would still be needed. */
export function verifyFailed(differences: readonly AmsSyncStep[], applied: readonly AmsSyncStep[], enabled: { expected: boolean; actual: boolean | undefined } | undefined): MeterError {
  const missing = differences.filter((step) => step.kind === 'DEV_ADD').map((step) => step.device);
  const unexpected = differences.filter((step) => step.kind === 'DEV_REMOVE').map((step) => step.device);
  const wrongInterval = differences.flatMap((step) => (step.kind === 'DEV_INTERVAL' ? [{ ...step.device, expected: step.interval }] : []));
  const parts = [
    missing.length > 0 ? `${missing.length} missing` : '',
    unexpected.length > 0 ? `${unexpected.length} unexpected` : '',
    wrongInterval.length > 0 ? `${wrongInterval.length} with another interval` : '',
    enabled && enabled.actual !== enabled.expected ? `AMS is ${enabled.actual === false ? 'off' : 'in an unknown state'}` : '',
  ].filter((part) => part !== '');
  return new MeterError('E_SYNC_VERIFY', `the AMS table read back after the sync differs from the wanted one: ${parts.join(', ')}`, {
    details: { missing, unexpected, wrongInterval, enabled, applied: [...applied] },
    hint: 'Another client may have changed the table meanwhile, or the gateway ignored a command; read it and sync again.',
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

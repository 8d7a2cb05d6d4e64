import { AtChannel } from '../at/channel';
import type { AtCommand } from '../at/command';
import type { AmsDeviceSpec } from './ams-device';
import { applyAmsSteps, summarizeAmsPlan } from './ams-model';
import { planAmsSync, validWantedTable, type AmsSyncStep } from './ams-plan';
import { amsAddCommand, amsIntervalCommand, amsRemoveCommand } from './commands';
import { SmartcomClient, type SmartcomClientOptions } from './client';
import type { AmsTable } from './scams';
import { stepFailed, verifyFailed } from './sync-errors';

export interface SyncAmsOptions extends SmartcomClientOptions {
  /** Plan only: read the table, send no write command, return the steps and the predicted table. */
  dryRun?: boolean;
  /**
   * Switch AMS off during the changes (so no scheduled read runs on a half-changed table) and back
   * on afterwards, also when a step fails. Default true. Only done when the gateway reported
   * ENABLE 1; a table that does not show ENABLE is left alone (its state could not be restored).
   */
  pauseAms?: boolean;
}

export interface SyncAmsResult {
  dryRun: boolean;
  /** The steps run (or, in a dry run, that would run), in order. */
  steps: AmsSyncStep[];
  added: AmsDeviceSpec[];
  removed: AmsDeviceSpec[];
  changed: (AmsDeviceSpec & { from: string })[];
  unchanged: AmsDeviceSpec[];
  /** The table read back after the changes; in a dry run the predicted one. */
  table: AmsTable;
}

/**
 * Makes the gateway's AMS table hold exactly `wanted` (a set: order is not kept): validate (nothing
 * is sent for bad input), read, plan (planAmsSync), apply, read back and verify (E_SYNC_VERIFY with
 * the differences). A failed step stops the sync: the error keeps the gateway's code and number and
 * lists in `details` the steps applied, the one that failed and the ones not sent.
 * Run it in one lease (withSmartcom) so that no other command interleaves.
 */
export async function syncAms(target: AtChannel | SmartcomClient, wanted: readonly unknown[], options: SyncAmsOptions = {}): Promise<SyncAmsResult> {
  const want = validWantedTable(wanted);
  const client = target instanceof AtChannel ? new SmartcomClient(target, options) : target;
  const before = await client.amsStatus();
  const steps = planAmsSync(before.devices, want);
  const summary = summarizeAmsPlan(before.devices, steps);
  const dryRun = options.dryRun === true;
  if (dryRun || steps.length === 0) {
    const table = steps.length === 0 ? before : { ...before, devices: applyAmsSteps(before.devices, steps), deviceCount: want.length };
    return { dryRun, steps, ...summary, table };
  }
  const pause = (options.pauseAms ?? true) && before.enabled === true;
  await applyPaused(client, steps, pause);
  const table = await client.amsStatus();
  const differences = planAmsSync(table.devices, want);
  const enabledRestored = !pause || table.enabled === true;
  if (differences.length > 0 || !enabledRestored) throw verifyFailed(differences, steps, pause ? { expected: true, actual: table.enabled } : undefined);
  return { dryRun, steps, ...summary, table };
}

/** Runs the steps, AMS paused around them when asked; a failure is reported after AMS is restored. */
async function applyPaused(client: SmartcomClient, steps: readonly AmsSyncStep[], pause: boolean): Promise<void> {
  if (pause) await client.setAmsEnabled(false);
  const failure = await applySteps(client, steps);
  let restoreError: unknown;
  if (pause) await client.setAmsEnabled(true).catch((error: unknown) => (restoreError = error));
  if (failure) throw stepFailed(failure.error, steps, failure.at, pause ? restoreError === undefined : undefined, restoreError);
  if (restoreError !== undefined) throw restoreError;
}

async function applySteps(client: SmartcomClient, steps: readonly AmsSyncStep[]): Promise<{ at: number; error: unknown } | undefined> {
  for (let at = 0; at < steps.length; at++) {
    try {
      await client.send(commandOf(steps[at]));
    } catch (error) {
      return { at, error };
    }
  }
  return undefined;
}

function commandOf(step: AmsSyncStep): AtCommand {
  if (step.kind === 'DEV_REMOVE') return amsRemoveCommand(step.index);
  if (step.kind === 'DEV_INTERVAL') return amsIntervalCommand(step.index, step.interval);
  return amsAddCommand(step.device);
}

import type { AmsDeviceSpec } from './ams-device';
import { amsDeviceKey, type AmsSyncStep } from './ams-plan';
import type { AmsDevice } from './scams';
import { MeterError } from '../errors';

/**
 * A model of the gateway's table under the sync steps (DEV_REMOVE closes the gap, DEV_ADD
 * appends): the dry run's predicted table, and the reference the plan is tested against.
 * `current` is taken in index order and renumbered 1..n, as the gateway prints it.
 */
export function applyAmsSteps(current: readonly AmsDevice[], steps: readonly AmsSyncStep[]): AmsDevice[] {
  const table: AmsDeviceSpec[] = [...current].sort((a, b) => a.index - b.index).map(({ index: _index, ...spec }) => spec);
  for (const step of steps) {
    if (step.kind === 'DEV_ADD') {
      table.push({ ...step.device });
      continue;
    }
    if (step.index < 1 || step.index > table.length) {
      throw new MeterError('E_PROTOCOL', `${step.command}: there is no meter at position ${step.index} (the table has ${table.length})`, {
        details: { step },
      });
    }
    if (step.kind === 'DEV_REMOVE') table.splice(step.index - 1, 1);
    else table[step.index - 1] = { ...table[step.index - 1], interval: step.interval };
  }
  return table.map((spec, i) => ({ index: i + 1, ...spec }));
}

/** The plan's effect, meter by meter, for a result a user reads. */
export interface AmsPlanSummary {
  added: AmsDeviceSpec[];
  removed: AmsDeviceSpec[];
  /** Meters kept with a new interval (`interval` is the new one, `from` the old one). */
  changed: (AmsDeviceSpec & { from: string })[];
  unchanged: AmsDeviceSpec[];
}

export function summarizeAmsPlan(current: readonly AmsDevice[], steps: readonly AmsSyncStep[]): AmsPlanSummary {
  const summary: AmsPlanSummary = { added: [], removed: [], changed: [], unchanged: [] };
  const removedIndexes = new Set<number>();
  const changedKeys = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'DEV_ADD') summary.added.push(step.device);
    else if (step.kind === 'DEV_REMOVE') {
      summary.removed.push(step.device);
      removedIndexes.add(step.index); // a remove's index is the meter's index in `current`
    } else {
      summary.changed.push({ ...step.device, interval: step.interval, from: step.from });
      changedKeys.add(amsDeviceKey(step.device)); // a kept meter's key is unique
    }
  }
  summary.unchanged = current
    .filter((device) => !removedIndexes.has(device.index) && !changedKeys.has(amsDeviceKey(device)))
    .map(({ index: _index, ...spec }) => spec);
  return summary;
}

import { type AmsDeviceSpec, type AmsInterval, type ValidAmsDevice, validAmsDevice } from './ams-device';
import { amsAddCommand, amsIntervalCommand, amsRemoveCommand } from './commands';
import type { AmsDevice } from './scams';
import { badArgument } from './validation';

/**
 * Planning an AMS table change: the fewest DEV_REMOVE / DEV_INTERVAL / DEV_ADD commands that turn
 * the gateway's table into the wanted set. Pure: no I/O, so it can be tested exhaustively.
 *
 * The gateway keeps its table as a list: DEV_REMOVE closes the gap (the meters after the removed
 * one move up by one; the simulator models it so) and DEV_ADD appends. Hence removes run from the
 * highest index down (no index shifts under a later remove), then interval changes at the indexes
 * left after the removes, then the adds.
 */

/** The manual's command ranges stop at 32 table positions (DEV_REMOVE 1-32). */
export const MAX_AMS_DEVICES = 32;

/** `command` is the exact AT line the step sends. */
export type AmsSyncStep =
  | { kind: 'DEV_REMOVE'; index: number; device: AmsDeviceSpec; command: string }
  | { kind: 'DEV_INTERVAL'; index: number; interval: AmsInterval; from: string; device: AmsDeviceSpec; command: string }
  | { kind: 'DEV_ADD'; device: ValidAmsDevice; command: string };

/** What identifies a meter: port, protocol (case-insensitive) and address (case-sensitive); not the interval. */
export function amsDeviceKey(device: Pick<AmsDeviceSpec, 'port' | 'protocol' | 'address'>): string {
  return JSON.stringify([device.port, device.protocol.toUpperCase(), device.address]);
}

/** The wanted table checked entry by entry (`wanted[i].field` in errors), at most 32 entries, no meter twice. */
export function validWantedTable(wanted: unknown): ValidAmsDevice[] {
  if (!Array.isArray(wanted)) throw badArgument('wanted', 'must be an array of { port, protocol, address, interval }', wanted);
  if (wanted.length > MAX_AMS_DEVICES) {
    throw badArgument('wanted', `has ${wanted.length} entries; the AMS table holds at most ${MAX_AMS_DEVICES}`, wanted.length);
  }
  const devices = wanted.map((spec: unknown, i) => validAmsDevice(spec, `wanted[${i}]`));
  const firstAt = new Map<string, number>();
  devices.forEach((device, i) => {
    const first = firstAt.get(amsDeviceKey(device));
    if (first !== undefined) {
      throw badArgument(`wanted[${i}]`, `duplicates wanted[${first}] (same port, protocol and address)`, device.address, 'List every meter once.');
    }
    firstAt.set(amsDeviceKey(device), i);
  });
  return devices;
}

/** The steps turning `current` (as read: indexes as printed) into `wanted` (validated here); [] when equal. */
export function planAmsSync(current: readonly AmsDevice[], wanted: readonly unknown[]): AmsSyncStep[] {
  const want = new Map(validWantedTable(wanted).map((device) => [amsDeviceKey(device), device]));
  const kept: { device: AmsDevice; wanted: ValidAmsDevice }[] = [];
  const removed: AmsDevice[] = [];
  for (const device of [...current].sort((a, b) => a.index - b.index)) {
    const key = amsDeviceKey(device);
    const match = want.get(key);
    // A meter listed twice on the gateway keeps its first line; the extra lines go.
    if (match && !kept.some((entry) => entry.wanted === match)) kept.push({ device, wanted: match });
    else removed.push(device);
  }
  const keptWanted = new Set(kept.map((entry) => entry.wanted));
  return [
    ...removed.reverse().map(removeStep),
    ...kept.filter(({ device, wanted: target }) => device.interval.toUpperCase() !== target.interval)
      .map(({ device, wanted: target }) => intervalStep(device, indexAfterRemoves(device, removed), target.interval)),
    ...[...want.values()].filter((device) => !keptWanted.has(device)).map(addStep),
  ];
}

function indexAfterRemoves(device: AmsDevice, removed: readonly AmsDevice[]): number {
  return device.index - removed.filter((gone) => gone.index < device.index).length;
}

function specOf(device: AmsDeviceSpec): AmsDeviceSpec {
  return { port: device.port, protocol: device.protocol, address: device.address, interval: device.interval };
}

function removeStep(device: AmsDevice): AmsSyncStep {
  return { kind: 'DEV_REMOVE', index: device.index, device: specOf(device), command: amsRemoveCommand(device.index).text };
}

function intervalStep(device: AmsDevice, index: number, interval: AmsInterval): AmsSyncStep {
  const command = amsIntervalCommand(index, interval).text;
  return { kind: 'DEV_INTERVAL', index, interval, from: device.interval, device: specOf(device), command };
}

function addStep(device: ValidAmsDevice): AmsSyncStep {
  return { kind: 'DEV_ADD', device, command: amsAddCommand(device).text };
}

import { BAUD_RATES } from './ams-device';
import { badArgument, numberChoice } from './validation';

export type ParityName = 'none' | 'even' | 'odd';

/**
 * The gateway's PARITY codes. 0 = none and 1 = even are documented (real captures); the code for
 * odd has not been seen anywhere, 2 is our assumption (the next free number) and is UNCONFIRMED.
 */
export const PARITY_CODES: Readonly<Record<ParityName, number>> = { none: 0, even: 1, odd: 2 };

/** How set values take effect: SAVE persists, RESTART applies, SRESTART saves and applies. */
export type PortApply = 'save' | 'restart' | 'srestart';
export const PORT_APPLY_ACTIONS: readonly PortApply[] = ['save', 'restart', 'srestart'];

/** The settings to change; a missing field stays as it is on the gateway. */
export interface PortSettingsChange {
  baudRate?: number;
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: ParityName;
}

/** One `AT^SCPORTn="KEYWORD",value` command's arguments. */
export type PortParameterValue = readonly [keyword: 'BAUDRATE' | 'DATA_BITS' | 'STOP_BITS' | 'PARITY', value: number];

/**
 * The keyword/value pairs for a change, in the order the vendor FAQ sets them, every value checked
 * first (so nothing is written when any one is wrong). An empty change is an error: nothing to do.
 */
export function portParameterValues(change: PortSettingsChange): PortParameterValue[] {
  if (typeof change !== 'object' || change === null) throw badArgument('settings', 'must be an object { baudRate, dataBits, stopBits, parity }', change);
  const values: PortParameterValue[] = [];
  if (change.baudRate !== undefined) values.push(['BAUDRATE', numberChoice(change.baudRate, BAUD_RATES, 'baudRate')]);
  if (change.dataBits !== undefined) values.push(['DATA_BITS', numberChoice(change.dataBits, [7, 8], 'dataBits')]);
  if (change.stopBits !== undefined) values.push(['STOP_BITS', numberChoice(change.stopBits, [1, 2], 'stopBits')]);
  if (change.parity !== undefined) values.push(['PARITY', parityCode(change.parity)]);
  if (values.length === 0) throw badArgument('settings', 'name at least one of baudRate, dataBits, stopBits, parity');
  return values;
}

export function parityCode(value: unknown, field = 'parity'): number {
  const name = typeof value === 'string' ? value.toLowerCase() : value;
  if (name === 'none' || name === 'even' || name === 'odd') return PARITY_CODES[name];
  throw badArgument(field, `must be none, even or odd, got ${JSON.stringify(value)}`, value);
}

export function portApply(value: unknown, field = 'apply'): PortApply {
  const name = typeof value === 'string' ? value.toLowerCase() : value;
  const known = PORT_APPLY_ACTIONS.find((action) => action === name);
  if (!known) throw badArgument(field, `must be one of ${PORT_APPLY_ACTIONS.join(', ')}, got ${JSON.stringify(value)}`, value);
  return known;
}

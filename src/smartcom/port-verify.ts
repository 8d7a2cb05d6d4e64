import { MeterError } from '../errors';
import type { SmartcomClient } from './client';
import { PARITY_CODES, parityCode, portParameterValues, type ParityName, type PortApply, type PortSettingsChange } from './port-change';
import type { PortSettings } from './scport';

/** A port's settings for a user: parity by name (the number where no name is known). */
export interface PortView {
  port: number;
  baudRate: number | undefined;
  dataBits: number | undefined;
  stopBits: number | undefined;
  parity: ParityName | number | undefined;
}

/** One parameter that read back differently from what was written. */
export interface PortDifference {
  field: 'baudRate' | 'dataBits' | 'stopBits' | 'parity';
  expected: number;
  actual: number | undefined;
}

/** Names the parity with the codes this library writes (odd = 2 is an assumption, see PARITY_CODES). */
export function portView(port: number, settings: PortSettings): PortView {
  const parity = settings.parity;
  const name = (Object.keys(PARITY_CODES) as ParityName[]).find((key) => PARITY_CODES[key] === parity);
  return {
    port: settings.port ?? port,
    baudRate: settings.baudRate,
    dataBits: settings.dataBits,
    stopBits: settings.stopBits,
    parity: name ?? parity,
  };
}

/** The written values that the read-back does not show. */
export function portDifferences(change: PortSettingsChange, read: PortSettings): PortDifference[] {
  const expected: [PortDifference['field'], number | undefined][] = [
    ['baudRate', change.baudRate],
    ['dataBits', change.dataBits],
    ['stopBits', change.stopBits],
    ['parity', change.parity === undefined ? undefined : parityCode(change.parity)],
  ];
  return expected.flatMap(([field, value]) => (value === undefined || read[field] === value ? [] : [{ field, expected: value, actual: read[field] }]));
}

/**
 * Writes only the given parameters (all checked before the first write), applies them as asked,
 * reads the port back and verifies: a value that did not stick is E_SYNC_VERIFY listing the
 * differences. Run it in one lease so the read-back is of this change.
 */
export async function setPortSettingsVerified(client: SmartcomClient, port: number, change: PortSettingsChange, apply?: PortApply): Promise<PortSettings> {
  portParameterValues(change); // validates the whole change first: nothing is written when any value is wrong
  const { commands } = await client.setPortSettings(port, change, apply);
  const read = await client.portSettings(port);
  const differences = portDifferences(change, read);
  if (differences.length > 0) {
    const list = differences.map((d) => `${d.field} ${d.actual ?? 'missing'} instead of ${d.expected}`).join(', ');
    throw new MeterError('E_SYNC_VERIFY', `port ${port} read back differs from what was written: ${list}`, {
      details: { port, differences, commands },
      hint: 'The gateway may not support this value on this port; read the port settings and check the firmware.',
    });
  }
  return read;
}

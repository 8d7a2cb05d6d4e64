import { amsProtocol } from './ams-device';
import type { SmartcomClient } from './client';
import type { AmsDevice, AmsTable } from './scams';
import { badArgument, gatewayPort, stringValue } from './validation';

/**
 * Removing a meter by what it is rather than where it is: the address, optionally narrowed by port
 * and protocol. The table position is looked up and removed in the same lease, so no other
 * client's change can move the meter between the look-up and DEV_REMOVE.
 */
export interface AmsDeviceSelector {
  address: string;
  port?: number;
  protocol?: string;
}

/** Any address the gateway could print: 1-32 printable ASCII characters without `"`. */
const PRINTABLE_ADDRESS = /^[\x20-\x21\x23-\x7e]{1,32}$/;

/** The selector checked field by field (untyped input welcome), or E_BAD_ARGUMENT naming the field. */
export function validDeviceSelector(input: unknown, field = 'remove'): AmsDeviceSelector {
  if (typeof input !== 'object' || input === null) throw badArgument(field, 'must be an object { address, port?, protocol? }', input);
  const spec = input as Record<string, unknown>;
  const address = stringValue(spec.address, `${field}.address`);
  if (!PRINTABLE_ADDRESS.test(address)) throw badArgument(`${field}.address`, 'must be 1-32 printable ASCII characters without "', address);
  const selector: AmsDeviceSelector = { address };
  if (spec.port !== undefined) selector.port = gatewayPort(spec.port, `${field}.port`);
  if (spec.protocol !== undefined) selector.protocol = amsProtocol(spec.protocol, `${field}.protocol`);
  return selector;
}

/** The one meter the selector names, or E_BAD_ARGUMENT when none or several match (nothing is removed then). */
export function findAmsDevice(devices: readonly AmsDevice[], selector: AmsDeviceSelector): AmsDevice {
  const matches = devices.filter((device) => matchesSelector(device, selector));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw badArgument('address', `no meter in the AMS table (${devices.length} meters) matches ${describeSelector(selector)}`, selector.address,
      'Read the table with the status action and check the address, port and protocol.');
  }
  const positions = matches.map((device) => device.index).join(', ');
  throw badArgument('address', `${matches.length} meters (positions ${positions}) match ${describeSelector(selector)}`, selector.address,
    'Give port and protocol as well, or remove by index.');
}

/** Reads the table, removes the meter the selector names; returns the removed meter (as it was listed). */
export async function removeAmsDeviceBy(client: SmartcomClient, selector: AmsDeviceSelector): Promise<AmsDevice> {
  const table: AmsTable = await client.amsStatus();
  const device = findAmsDevice(table.devices, selector);
  await client.removeAmsDevice(device.index);
  return device;
}

function matchesSelector(device: AmsDevice, selector: AmsDeviceSelector): boolean {
  if (device.address !== selector.address) return false;
  if (selector.port !== undefined && device.port !== selector.port) return false;
  return selector.protocol === undefined || device.protocol.toUpperCase() === selector.protocol;
}

function describeSelector(selector: AmsDeviceSelector): string {
  const narrowing = [selector.port !== undefined ? `port ${selector.port}` : '', selector.protocol ?? ''].filter((part) => part !== '');
  return `address "${selector.address}"${narrowing.length > 0 ? ` (${narrowing.join(', ')})` : ''}`;
}

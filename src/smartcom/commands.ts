import { AtCommand } from '../at/command';
import type { AtArgument } from '../at/arguments';
import { amsAddress, amsInterval, amsProtocol, BAUD_RATES, validAmsDevice } from './ams-device';
import { portApply, type PortApply, type PortParameterValue } from './port-change';
import { badArgument, gatewayPort, numberChoice, retryCount, tableIndex } from './validation';

/**
 * Builders for every SmartCOM command this library sends: each checks its values (E_BAD_ARGUMENT
 * naming the field) and builds the line through AtCommand, i.e. through the one argument encoder.
 */

const SCAMS = '^SCAMS';

export function amsStatusCommand(): AtCommand {
  return AtCommand.read(SCAMS);
}

export function amsCapabilitiesCommand(): AtCommand {
  return AtCommand.test(SCAMS);
}

export function amsEnableCommand(enabled: boolean): AtCommand {
  if (typeof enabled !== 'boolean') throw badArgument('enabled', `must be true or false, got ${JSON.stringify(enabled)}`, enabled);
  return AtCommand.set(SCAMS, ['ENABLE', enabled ? 1 : 0]);
}

export function amsRetryCommand(count: number): AtCommand {
  return AtCommand.set(SCAMS, ['RETRY', retryCount(count)]);
}

/** `DEV_ADD`; `spec` is validated (untyped input welcome), protocol and interval sent in canonical form. */
export function amsAddCommand(spec: unknown): AtCommand {
  const device = validAmsDevice(spec);
  return AtCommand.set(SCAMS, ['DEV_ADD', device.port, device.protocol, device.address, device.interval]);
}

export function amsRemoveCommand(index: number): AtCommand {
  return AtCommand.set(SCAMS, ['DEV_REMOVE', tableIndex(index)]);
}

export function amsClearCommand(): AtCommand {
  return AtCommand.set(SCAMS, ['DEV_CLEAR']);
}

/** `DEV_INTERVAL` for one table position or `'ALL'` (case-insensitive). */
export function amsIntervalCommand(index: number | 'ALL', interval: string): AtCommand {
  const target = typeof index === 'string' && index.toUpperCase() === 'ALL' ? 'ALL' : tableIndex(index);
  return AtCommand.set(SCAMS, ['DEV_INTERVAL', target, amsInterval(interval)]);
}

/**
 * `DIRECT_READ,<port>,"<protocol>","<address>"[,<baud>]`: the gateway reads the meter now. The baud rate is
 * optional because firmware variants differ (reference section 6: retry without it on ERROR).
 */
export function directReadCommand(port: number, protocol: string, address: string, baudRate?: number): AtCommand {
  const canonical = amsProtocol(protocol);
  const args: AtArgument[] = ['DIRECT_READ', gatewayPort(port), canonical, amsAddress(canonical, address)];
  if (baudRate !== undefined) args.push(numberChoice(baudRate, BAUD_RATES, 'baudRate'));
  return AtCommand.set(SCAMS, args);
}

function portName(port: number): string {
  return `^SCPORT${gatewayPort(port)}`;
}

export function portReadCommand(port: number): AtCommand {
  return AtCommand.read(portName(port));
}

export function portParameterCommand(port: number, [keyword, value]: PortParameterValue): AtCommand {
  return AtCommand.set(portName(port), [keyword, value]);
}

export function portApplyCommand(port: number, action: PortApply): AtCommand {
  return AtCommand.set(portName(port), [portApply(action).toUpperCase()]);
}

import type { SmartcomClient } from '../../src/smartcom/client';
import { portApply, type ParityName, type PortSettingsChange } from '../../src/smartcom/port-change';
import { usageError, wholeNumber, type SmartcomFlags } from './args';

/** `smartcom ... port <action> N [flags]`: read, set or apply one serial port's settings. */
export async function runPortCommand(client: SmartcomClient, action: string, words: string[], flags: SmartcomFlags): Promise<unknown> {
  const port = wholeNumber(words[0], 'port');
  switch (action) {
    case 'get':
      return client.portSettings(port);
    case 'set': {
      const result = await client.setPortSettings(port, changeOf(flags), flags.apply === undefined ? undefined : portApply(flags.apply, '--apply'));
      return { ...result, settings: await client.portSettings(port) };
    }
    case 'apply':
      await client.applyPortSettings(port, portApply(words[1], 'action'));
      return { ok: true, port };
    default:
      throw usageError(`unknown port command ${JSON.stringify(action)}`);
  }
}

function changeOf(flags: SmartcomFlags): PortSettingsChange {
  const change: PortSettingsChange = {};
  if (flags.baud !== undefined) change.baudRate = wholeNumber(flags.baud, '--baud');
  // The library checks the values (7|8, 1|2, none|even|odd) and names the field when one is wrong.
  if (flags.dataBits !== undefined) change.dataBits = wholeNumber(flags.dataBits, '--data-bits') as 7 | 8;
  if (flags.stopBits !== undefined) change.stopBits = wholeNumber(flags.stopBits, '--stop-bits') as 1 | 2;
  if (flags.parity !== undefined) change.parity = flags.parity as ParityName;
  return change;
}

import { readFileSync } from 'node:fs';
import { syncAms } from '../../src/smartcom/ams-sync';
import type { SmartcomClient } from '../../src/smartcom/client';
import type { AmsTable } from '../../src/smartcom/scams';
import { usageError, wholeNumber, type SmartcomFlags } from './args';

/** `smartcom ... ams <action> [words]`: runs one AMS operation and returns what to print. */
export async function runAmsCommand(client: SmartcomClient, action: string, words: string[], flags: SmartcomFlags): Promise<unknown> {
  switch (action) {
    case 'status':
      return client.amsStatus();
    case 'capabilities':
      return client.amsCapabilities();
    case 'enable':
    case 'disable':
      await client.setAmsEnabled(action === 'enable');
      return changed(client);
    case 'retry':
      await client.setAmsRetry(wholeNumber(words[0], 'retry count'));
      return changed(client);
    case 'add': {
      const [port, protocol, address, interval] = words;
      if (interval === undefined) throw usageError('ams add needs PORT PROTOCOL ADDRESS INTERVAL, e.g. ams add 2 IEC62056-21 947834 15M');
      await client.addAmsDevice({ port: wholeNumber(port, 'port'), protocol, address, interval });
      return changed(client);
    }
    case 'remove':
      await client.removeAmsDevice(wholeNumber(words[0], 'index'));
      return changed(client);
    case 'clear':
      if (!flags.yes) throw usageError('ams clear removes every meter: add --yes to confirm');
      await client.clearAmsDevices();
      return changed(client);
    case 'interval': {
      const [target, interval] = words;
      if (interval === undefined) throw usageError('ams interval needs INDEX|ALL INTERVAL, e.g. ams interval ALL 1H');
      await client.setAmsInterval(target.toUpperCase() === 'ALL' ? 'ALL' : wholeNumber(target, 'index'), interval);
      return changed(client);
    }
    case 'sync':
      if (flags.file === undefined) throw usageError('ams sync needs --file table.json');
      return syncAms(client, readTableFile(flags.file), { dryRun: flags.dryRun, pauseAms: !flags.noPause });
    default:
      throw usageError(`unknown ams command ${JSON.stringify(action)}`);
  }
}

/** After a change, the table as the gateway now shows it (new indexes included). */
async function changed(client: SmartcomClient): Promise<{ ok: true; table: AmsTable }> {
  return { ok: true, table: await client.amsStatus() };
}

/**
 * A JSON array of { port, protocol, address, interval }, or an object with such a `devices` array
 * (so the output of `ams status` can be edited and synced back; its `index` fields are ignored).
 */
function readTableFile(path: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw usageError(`cannot read the table file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const devices = Array.isArray(parsed) ? parsed : (parsed as { devices?: unknown } | null)?.devices;
  if (!Array.isArray(devices)) throw usageError(`${path} must hold a JSON array of meters or an object with a "devices" array`);
  return devices.map((device: unknown) => (isRecord(device) ? withoutIndex(device) : device));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function withoutIndex({ index: _index, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

/**
 * Runs one resolved ams-device action in ONE lease of the shared connection and shapes its
 * result as the output msg.payload. Write actions read the table back in the same lease, so the
 * flow sees the effect and no other client's change can come between.
 */
import { MAX_AMS_DEVICES } from '../../src/smartcom/ams-plan';
import { removeAmsDeviceBy } from '../../src/smartcom/ams-remove';
import { syncAms, type SyncAmsResult } from '../../src/smartcom/ams-sync';
import type { SmartcomClient } from '../../src/smartcom/client';
import { portParameterValues } from '../../src/smartcom/port-change';
import { portView, setPortSettingsVerified, type PortView } from '../../src/smartcom/port-verify';
import type { AmsDevice, AmsTable } from '../../src/smartcom/scams';
import { withSmartcom, type AtChannelLender } from '../../src/smartcom/with-smartcom';
import type { ActionArgs } from './ams-device-args';

/** The `status` payload, also what every write action returns (the table read after the change). */
export interface TablePayload {
  enabled: boolean | undefined;
  retry: number | undefined;
  deviceCount: number;
  devices: AmsDevice[];
}

export type SyncPayload = Omit<SyncAmsResult, 'table'> & { table: TablePayload };

/** Reads and writes of a sync besides its steps: read, ENABLE 0, ENABLE 1, read back. */
const SYNC_FIXED_COMMANDS = 4;

/**
 * How many AT commands the action sends at most: the lease is bounded by this many command
 * timeouts (each command has its own timeout; the lease bound only stops a run that goes on and on).
 * A sync's steps are unknown before the table is read: at most one per meter on the gateway
 * (remove or interval change) plus one per wanted meter (add).
 */
export function commandBound(args: ActionArgs): number {
  switch (args.action) {
    case 'status':
    case 'capabilities':
    case 'port-get':
      return 1;
    case 'remove':
      return 'selector' in args ? 3 : 2;
    case 'sync':
      return args.dryRun ? 1 : SYNC_FIXED_COMMANDS + MAX_AMS_DEVICES + args.wanted.length;
    case 'port-set':
      return portParameterValues(args.change).length + (args.apply ? 1 : 0) + 1;
    default:
      return 2; // one write, one read back
  }
}

export function leaseTimeoutMs(args: ActionArgs, commandTimeoutMs: number): number {
  return commandBound(args) * commandTimeoutMs;
}

export function runAction(lender: AtChannelLender, args: ActionArgs, commandTimeoutMs: number): Promise<unknown> {
  return withSmartcom(lender, (client) => perform(client, args), {
    timeoutMs: leaseTimeoutMs(args, commandTimeoutMs),
    commandTimeoutMs,
    label: `ams-device ${args.action}`,
  });
}

async function perform(client: SmartcomClient, args: ActionArgs): Promise<unknown> {
  switch (args.action) {
    case 'status':
      return tablePayload(await client.amsStatus());
    case 'capabilities':
      return client.amsCapabilities();
    case 'sync':
      return syncPayload(await syncAms(client, args.wanted, { dryRun: args.dryRun }));
    case 'port-get':
      return portView(args.port, await client.portSettings(args.port));
    case 'port-set':
      return portView(args.port, await setPortSettingsVerified(client, args.port, args.change, args.apply));
    default:
      await write(client, args);
      return tablePayload(await client.amsStatus());
  }
}

async function write(client: SmartcomClient, args: ActionArgs): Promise<void> {
  switch (args.action) {
    case 'enable':
    case 'disable':
      return client.setAmsEnabled(args.action === 'enable');
    case 'retry':
      return client.setAmsRetry(args.retry);
    case 'add':
      return client.addAmsDevice(args.device);
    case 'remove':
      if ('selector' in args) await removeAmsDeviceBy(client, args.selector);
      else await client.removeAmsDevice(args.index);
      return;
    case 'clear':
      return client.clearAmsDevices();
    case 'interval':
      return client.setAmsInterval(args.target, args.interval);
    default:
      throw new Error(`ams-device: ${args.action} is not a table write`); // unreachable: perform() handles the others
  }
}

export function tablePayload(table: AmsTable): TablePayload {
  return { enabled: table.enabled, retry: table.retry, deviceCount: table.deviceCount ?? table.devices.length, devices: table.devices };
}

function syncPayload(result: SyncAmsResult): SyncPayload {
  return { ...result, table: tablePayload(result.table) };
}

export type { PortView };

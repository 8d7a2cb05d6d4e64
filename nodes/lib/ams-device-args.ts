/**
 * Which action an ams-device message asks for and with which arguments: msg.action over the
 * editor's action; msg.payload (when it has the action's shape) over the editor's fields; typed
 * inputs read through `evaluate`. Everything is validated here, before any lease is taken, so a
 * bad value is an E_BAD_ARGUMENT and nothing is sent to the gateway. The node's own refusals are worded
 * from its catalog (`translate`, the node's RED._) in the runtime's language; the library's checks
 * (src/smartcom) keep their English message, which the node reports as the detail of a translated summary.
 */
import { amsInterval, validAmsDevice, type AmsInterval, type ValidAmsDevice } from '../../src/smartcom/ams-device';
import { validWantedTable } from '../../src/smartcom/ams-plan';
import { validDeviceSelector, type AmsDeviceSelector } from '../../src/smartcom/ams-remove';
import { portApply, portParameterValues, type PortApply, type PortSettingsChange } from '../../src/smartcom/port-change';
import { badArgument, gatewayPort, retryCount, tableIndex } from '../../src/smartcom/validation';
import { AMS_ACTIONS, type AmsAction, type AmsDeviceDef, type WantedRow } from './ams-device-def';
import type { Translate } from './red';

export type ActionArgs =
  | { action: 'status' | 'capabilities' | 'enable' | 'disable' | 'clear' }
  | { action: 'retry'; retry: number }
  | { action: 'add'; device: ValidAmsDevice }
  | { action: 'remove'; index: number }
  | { action: 'remove'; selector: AmsDeviceSelector }
  | { action: 'interval'; target: number | 'ALL'; interval: AmsInterval }
  | { action: 'sync'; wanted: ValidAmsDevice[]; dryRun: boolean }
  | { action: 'port-get'; port: number }
  | { action: 'port-set'; port: number; change: PortSettingsChange; apply: PortApply | undefined };

/** Reads one typed input (value, type) for this message. */
export type Evaluate = (value: string, type: string, field: string) => Promise<unknown>;

type Msg = Record<string, unknown>;

const PORT_SET_KEYS = ['port', 'baudRate', 'dataBits', 'stopBits', 'parity', 'apply'];

/** msg.action (any case) when present, else the editor's action; anything else is E_BAD_ARGUMENT. */
export function chooseAction(def: AmsDeviceDef, msg: Msg, translate: Translate): AmsAction {
  const wanted = msg.action !== undefined ? msg.action : (def.action ?? 'status');
  const field = msg.action !== undefined ? 'msg.action' : 'action';
  const name = typeof wanted === 'string' ? wanted.trim().toLowerCase() : wanted;
  const known = AMS_ACTIONS.find((action) => action === name);
  if (!known) throw badArgument(field, translate('ams-device.errors.invalid.action', { choices: AMS_ACTIONS.join(', '), value: String(JSON.stringify(wanted)) }), wanted);
  return known;
}

/** `translate` is the node's catalog (RED._), for the texts of the node's own refusals. */
export async function resolveArgs(action: AmsAction, def: AmsDeviceDef, msg: Msg, evaluate: Evaluate, translate: Translate): Promise<ActionArgs> {
  switch (action) {
    case 'status':
    case 'capabilities':
    case 'enable':
    case 'disable':
      return { action };
    case 'clear':
      if (def.allowClear !== true) {
        throw badArgument('allowClear', translate('ams-device.errors.clear-refused'), undefined, translate('ams-device.errors.clear-refused-hint'));
      }
      return { action };
    case 'retry':
      return { action, retry: retryCount(numberish(await evaluate(def.retry ?? 'payload', def.retryType ?? 'msg', 'retry')), 'retry') };
    case 'add':
      return { action, device: await addArgs(def, msg, evaluate) };
    case 'remove':
      return removeArgs(def, msg, evaluate);
    case 'interval':
      return intervalArgs(def, msg, evaluate);
    case 'sync':
      return { action, wanted: syncWanted(def, msg), dryRun: dryRunOf(def, msg, translate) };
    case 'port-get':
      return { action, port: await portOf(def, msg, evaluate) };
    case 'port-set':
      return portSetArgs(def, msg, evaluate, translate);
  }
}

async function addArgs(def: AmsDeviceDef, msg: Msg, evaluate: Evaluate): Promise<ValidAmsDevice> {
  if (isPlainObject(msg.payload)) return validAmsDevice({ ...msg.payload, port: numberish(msg.payload.port) }, 'msg.payload');
  const port = numberish(await evaluate(def.port ?? '2', def.portType ?? 'num', 'port'));
  return validAmsDevice({ port, protocol: def.protocol, address: def.address, interval: def.interval }, 'device');
}

async function removeArgs(def: AmsDeviceDef, msg: Msg, evaluate: Evaluate): Promise<ActionArgs> {
  const payload = msg.payload;
  if (isPlainObject(payload)) {
    if (payload.index !== undefined) return { action: 'remove', index: tableIndex(numberish(payload.index), 'msg.payload.index') };
    return { action: 'remove', selector: validDeviceSelector({ ...payload, port: numberish(payload.port) }, 'msg.payload') };
  }
  if (def.removeBy === 'address') {
    const port = numberish(await evaluate(def.port ?? '2', def.portType ?? 'num', 'port'));
    return { action: 'remove', selector: validDeviceSelector({ address: def.address, port, protocol: def.protocol }, 'remove') };
  }
  return { action: 'remove', index: tableIndex(numberish(await evaluate(def.index ?? 'payload', def.indexType ?? 'msg', 'index')), 'index') };
}

async function intervalArgs(def: AmsDeviceDef, msg: Msg, evaluate: Evaluate): Promise<ActionArgs> {
  if (isPlainObject(msg.payload)) {
    const payload = msg.payload;
    return { action: 'interval', target: intervalTarget(payload.index, 'msg.payload.index'), interval: amsInterval(payload.interval, 'msg.payload.interval') };
  }
  const target = (def.targetType ?? 'all') === 'all' ? 'ALL' : await evaluate(def.target ?? '', def.targetType ?? 'all', 'target');
  return { action: 'interval', target: intervalTarget(target, 'target'), interval: amsInterval(def.interval, 'interval') };
}

function intervalTarget(value: unknown, field: string): number | 'ALL' {
  if (typeof value === 'string' && value.trim().toUpperCase() === 'ALL') return 'ALL';
  return tableIndex(numberish(value), field);
}

/** The wanted table: msg.payload when it is an array, else the editor's table. */
function syncWanted(def: AmsDeviceDef, msg: Msg): ValidAmsDevice[] {
  if (Array.isArray(msg.payload)) return validWantedTable(msg.payload.map((row: unknown) => (isPlainObject(row) ? { ...row, port: numberish(row.port) } : row)));
  const rows: WantedRow[] = Array.isArray(def.table) ? def.table : [];
  return validWantedTable(rows.map((row) => ({ ...row, port: numberish(row.port) })));
}

function dryRunOf(def: AmsDeviceDef, msg: Msg, translate: Translate): boolean {
  if (msg.dryRun === undefined) return def.dryRun === true;
  if (typeof msg.dryRun !== 'boolean') throw badArgument('msg.dryRun', translate('ams-device.errors.invalid.dry-run', { value: String(JSON.stringify(msg.dryRun)) }), msg.dryRun);
  return msg.dryRun;
}

/** msg.payload.port when the payload is an object naming one, else the editor's port. */
async function portOf(def: AmsDeviceDef, msg: Msg, evaluate: Evaluate): Promise<number> {
  if (isPlainObject(msg.payload) && msg.payload.port !== undefined) return gatewayPort(numberish(msg.payload.port), 'msg.payload.port');
  return gatewayPort(numberish(await evaluate(def.port ?? '2', def.portType ?? 'num', 'port')), 'port');
}

/**
 * The settings come from msg.payload when it is an object (only the fields it names are written),
 * else from the editor's fields ('' = leave as is). Port and apply fall back to the editor's.
 */
async function portSetArgs(def: AmsDeviceDef, msg: Msg, evaluate: Evaluate, translate: Translate): Promise<ActionArgs> {
  const fromPayload = isPlainObject(msg.payload);
  const source: Record<string, unknown> = fromPayload ? (msg.payload as Record<string, unknown>) : { baudRate: def.baudRate, dataBits: def.dataBits, stopBits: def.stopBits, parity: def.parity };
  if (fromPayload) {
    const unknown = Object.keys(source).filter((key) => !PORT_SET_KEYS.includes(key));
    if (unknown.length > 0) throw badArgument(`msg.payload.${unknown[0]}`, translate('ams-device.errors.invalid.port-setting', { choices: PORT_SET_KEYS.join(', ') }), unknown[0]);
  }
  const change: Record<string, unknown> = {};
  for (const key of ['baudRate', 'dataBits', 'stopBits', 'parity']) {
    const value = source[key];
    if (value !== undefined && value !== '') change[key] = key === 'parity' ? value : numberish(value);
  }
  // portParameterValues checks every value (and that there is at least one); after it the shape is PortSettingsChange.
  portParameterValues(change as PortSettingsChange);
  const applyValue = fromPayload && source.apply !== undefined ? source.apply : (def.apply ?? 'srestart');
  const apply = applyValue === '' || applyValue === 'none' ? undefined : portApply(applyValue, fromPayload && source.apply !== undefined ? 'msg.payload.apply' : 'apply');
  return { action: 'port-set', port: await portOf(def, msg, evaluate), change: change as PortSettingsChange, apply };
}

/** A decimal integer written as text ("3" from a form field or an HTTP request) becomes a number; anything else stays as it is. */
export function numberish(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

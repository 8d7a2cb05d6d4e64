/**
 * The smartcom-config node's properties as the editor stores them, and their translation into
 * the library's connection options. Numbers may arrive as strings (older flows, hand-edited
 * JSON), so every number is parsed and checked here, once. A refusal is worded from the node's catalog
 * (`smartcom-config.errors.invalid.*`, through `t`, the node's RED._), in the runtime's language.
 */
import { MeterError } from '../../src/errors';
import type { Endpoint, SerialSettings } from '../../src/transport/link';
import type { ReconnectPolicy } from '../../src/pool/types';
import type { NodeDef, Translate } from './red';
import type { ReconnectLimits } from './settings';

export interface SmartcomConfigDef extends NodeDef {
  transport?: string;
  host?: string;
  port?: string | number;
  serialPath?: string;
  baudRate?: string | number;
  dataBits?: string | number;
  parity?: string;
  stopBits?: string | number;
  lineEnding?: string;
  commandTimeout?: string | number;
  longCommandTimeout?: string | number;
  keepAlive?: string | number;
  queueSize?: string | number;
}

export interface SmartcomCredentials {
  user?: string;
  password?: string;
}

/** Everything the runtime needs, in milliseconds and checked types. */
export interface SmartcomSettings {
  endpoint: Endpoint;
  terminator: '\r' | '\r\n';
  commandTimeoutMs: number;
  longCommandTimeoutMs: number;
  keepAliveMs: number;
  queueLimit: number;
  connectTimeoutMs: number;
  reconnect: ReconnectPolicy;
}

export const CONFIG_DEFAULTS = {
  port: 23,
  baudRate: 115200,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  lineEnding: 'cr',
  commandTimeout: 10,
  longCommandTimeout: 120,
  keepAlive: 60,
  queueSize: 50,
} as const;

/** Throws MeterError E_BAD_ARGUMENT naming the first property that is wrong. */
export function settingsFromDef(def: SmartcomConfigDef, limits: ReconnectLimits, t: Translate): SmartcomSettings {
  const commandTimeoutMs = seconds(t, def.commandTimeout, CONFIG_DEFAULTS.commandTimeout, 'commandTimeout');
  return {
    endpoint: endpointFromDef(def, t),
    terminator: def.lineEnding === 'crlf' ? '\r\n' : '\r',
    commandTimeoutMs,
    longCommandTimeoutMs: seconds(t, def.longCommandTimeout, CONFIG_DEFAULTS.longCommandTimeout, 'longCommandTimeout'),
    keepAliveMs: keepAliveMs(t, def.keepAlive),
    queueLimit: integer(t, def.queueSize, CONFIG_DEFAULTS.queueSize, 'queueSize', 1, 100000),
    connectTimeoutMs: commandTimeoutMs,
    reconnect: { initialDelayMs: limits.minMs, maxDelayMs: limits.maxMs, factor: 2, jitter: 0.2 },
  };
}

export function endpointFromDef(def: SmartcomConfigDef, t: Translate): Endpoint {
  if ((def.transport ?? 'tcp') === 'tcp') {
    const host = (def.host ?? '').trim();
    if (host === '') throw badConfig(t, 'host', t('smartcom-config.errors.invalid.host-required'));
    return { kind: 'tcp', host, port: integer(t, def.port, CONFIG_DEFAULTS.port, 'port', 1, 65535) };
  }
  if (def.transport !== 'serial') throw badConfig(t, 'transport', t('smartcom-config.errors.invalid.transport', { value: String(def.transport) }));
  const path = (def.serialPath ?? '').trim();
  if (path === '') throw badConfig(t, 'serialPath', t('smartcom-config.errors.invalid.serial-path-required'));
  return { kind: 'serial', path, ...serialSettingsFromDef(def, t) };
}

function serialSettingsFromDef(def: SmartcomConfigDef, t: Translate): SerialSettings {
  const dataBits = integer(t, def.dataBits, CONFIG_DEFAULTS.dataBits, 'dataBits', 7, 8) as 7 | 8;
  const stopBits = integer(t, def.stopBits, CONFIG_DEFAULTS.stopBits, 'stopBits', 1, 2) as 1 | 2;
  const parity = def.parity ?? CONFIG_DEFAULTS.parity;
  if (parity !== 'none' && parity !== 'even' && parity !== 'odd') {
    throw badConfig(t, 'parity', t('smartcom-config.errors.invalid.parity', { value: parity }));
  }
  return { baudRate: integer(t, def.baudRate, CONFIG_DEFAULTS.baudRate, 'baudRate', 50, 4000000), dataBits, parity, stopBits };
}

function keepAliveMs(t: Translate, value: string | number | undefined): number {
  if (isBlank(value)) return CONFIG_DEFAULTS.keepAlive * 1000;
  const n = Number(value);
  if (n === 0) return 0;
  return seconds(t, value, CONFIG_DEFAULTS.keepAlive, 'keepAlive');
}

function seconds(t: Translate, value: string | number | undefined, fallback: number, name: string): number {
  const n = isBlank(value) ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw badConfig(t, name, t('smartcom-config.errors.invalid.seconds', { value: String(value) }));
  return Math.round(n * 1000);
}

function integer(t: Translate, value: string | number | undefined, fallback: number, name: string, min: number, max: number): number {
  const n = isBlank(value) ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badConfig(t, name, t('smartcom-config.errors.invalid.whole-number', { min, max, value: String(value) }));
  }
  return n;
}

function isBlank(value: string | number | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** E_BAD_ARGUMENT `smartcom-config: <property> <problem>` (problem already in the runtime's language), with the catalog's hint. */
function badConfig(t: Translate, property: string, problem: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', `smartcom-config: ${property} ${problem}`, {
    details: { property },
    hint: t('smartcom-config.errors.invalid.hint', { property }),
  });
}

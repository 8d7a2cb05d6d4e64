/**
 * Runtime settings of the smartcom-config node (settings.js). Names are prefixed with the node
 * type in camelCase, as Node-RED requires, and every one has a default.
 */
import type { SettingDef } from './red';

export const SETTING_RECONNECT_MIN = 'smartcomConfigReconnectMin';
export const SETTING_RECONNECT_MAX = 'smartcomConfigReconnectMax';

export const DEFAULT_RECONNECT_MIN_MS = 1000;
export const DEFAULT_RECONNECT_MAX_MS = 60000;

/** The `settings` block for `registerType`: the editor may read them too. */
export const smartcomConfigSettings: Record<string, SettingDef> = {
  [SETTING_RECONNECT_MIN]: { value: DEFAULT_RECONNECT_MIN_MS, exportable: true },
  [SETTING_RECONNECT_MAX]: { value: DEFAULT_RECONNECT_MAX_MS, exportable: true },
};

export interface ReconnectLimits {
  minMs: number;
  maxMs: number;
}

/** Reads the reconnect limits, ignoring values that are not positive numbers; max is never below min. */
export function readReconnectLimits(settings: Record<string, unknown>): ReconnectLimits {
  const minMs = positiveNumber(settings[SETTING_RECONNECT_MIN]) ?? DEFAULT_RECONNECT_MIN_MS;
  const maxMs = positiveNumber(settings[SETTING_RECONNECT_MAX]) ?? DEFAULT_RECONNECT_MAX_MS;
  return { minMs, maxMs: Math.max(minMs, maxMs) };
}

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Runtime settings of the iec62056-read node (settings.js): how fast a lost direct link (an unplugged
 * probe, a dropped tunnel) is reopened. Names are prefixed with the node type, and every one has a default.
 */
import type { ReconnectPolicy } from '../../src/pool/types';
import { METER_RECONNECT } from '../../src/meter-read';
import type { SettingDef } from './red';

export const SETTING_IEC_RECONNECT_MIN = 'iec62056ReadReconnectMin';
export const SETTING_IEC_RECONNECT_MAX = 'iec62056ReadReconnectMax';

export const iecReadSettings: Record<string, SettingDef> = {
  [SETTING_IEC_RECONNECT_MIN]: { value: METER_RECONNECT.initialDelayMs, exportable: true },
  [SETTING_IEC_RECONNECT_MAX]: { value: METER_RECONNECT.maxDelayMs, exportable: true },
};

export function readIecReconnect(settings: Record<string, unknown>): Partial<ReconnectPolicy> {
  const min = positive(settings[SETTING_IEC_RECONNECT_MIN]) ?? METER_RECONNECT.initialDelayMs;
  const max = positive(settings[SETTING_IEC_RECONNECT_MAX]) ?? METER_RECONNECT.maxDelayMs;
  return { initialDelayMs: min, maxDelayMs: Math.max(min, max) };
}

function positive(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * What one input message asks for: the node's settings, overridden by msg.address, msg.registers,
 * msg.filter, msg.path and msg.loadProfile (documented in the node's help). Pure; E_BAD_ARGUMENT on bad input,
 * worded from the node's catalog (`t`, the node's RED._) in the runtime's language.
 */
import type { LoadProfileRange } from '../../src/iec62056/client';
import type { MeterPath } from '../../src/meter-payload';
import { splitObisList } from '../../src/obis';
import { bad, type IecReadSettings } from './iec-read-def';
import type { Translate } from './red';

export interface ReadPlan {
  path: MeterPath;
  address: string;
  registers: string[];
  filter: string[];
  loadProfile: LoadProfileRange | undefined;
}

export function planRead(settings: IecReadSettings, msg: Record<string, unknown>, t: Translate): ReadPlan {
  const plan: ReadPlan = {
    path: pathOf(t, msg.path, settings.path),
    address: addressOf(t, msg.address, settings.address),
    registers: listOf(t, msg.registers, settings.registers, 'msg.registers'),
    filter: listOf(t, msg.filter, settings.filter, 'msg.filter'),
    loadProfile: loadProfileOf(t, msg.loadProfile, settings.loadProfile),
  };
  refuseDirectOnlyRequests(t, plan, msg);
  return plan;
}

/**
 * DIRECT_READ returns the meter's readout and nothing else: a message that asks the gateway path for
 * programming-mode registers or a load profile would otherwise get a readout without them, silently.
 */
function refuseDirectOnlyRequests(t: Translate, plan: ReadPlan, msg: Record<string, unknown>): void {
  if (plan.path !== 'gateway') return;
  if (msg.registers !== undefined && msg.registers !== null && plan.registers.length > 0) {
    throw bad(t, 'msg.registers', t('iec62056-read.errors.invalid.registers-direct-only'));
  }
  if (msg.loadProfile !== undefined && msg.loadProfile !== null && msg.loadProfile !== false) {
    throw bad(t, 'msg.loadProfile', t('iec62056-read.errors.invalid.load-profile-direct-only'));
  }
}

function pathOf(t: Translate, value: unknown, fallback: MeterPath): MeterPath {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'gateway' || value === 'direct') return value;
  throw bad(t, 'msg.path', t('iec62056-read.errors.invalid.msg-path', { value: String(JSON.stringify(value)) }));
}

function addressOf(t: Translate, value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') throw bad(t, 'msg.address', t('iec62056-read.errors.invalid.msg-address', { type: typeof value }));
  return value.trim();
}

/** An array of strings or one string listing codes (`1.8.0, 2.8.0`); an empty list clears the node's own. */
function listOf(t: Translate, value: unknown, fallback: string[], name: string): string[] {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return splitObisList(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.map((entry: string) => entry.trim()).filter((entry) => entry !== '');
  throw bad(t, name, t('iec62056-read.errors.invalid.obis-list'));
}

function loadProfileOf(t: Translate, value: unknown, fallback: LoadProfileRange | undefined): LoadProfileRange | undefined {
  if (value === undefined || value === null) return fallback;
  if (value === false) return undefined;
  const range = value as Partial<LoadProfileRange>;
  if (typeof value !== 'object' || typeof (range.from ?? '') !== 'string' || typeof (range.to ?? '') !== 'string') {
    throw bad(t, 'msg.loadProfile', t('iec62056-read.errors.invalid.msg-load-profile'));
  }
  return { from: range.from ?? '', to: range.to ?? '' };
}

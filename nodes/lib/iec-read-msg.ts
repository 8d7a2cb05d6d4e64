/**
 * What one input message asks for: the node's settings, overridden by msg.address, msg.registers,
 * msg.filter, msg.path and msg.loadProfile (documented in the node's help). Pure; E_BAD_ARGUMENT on bad input.
 */
import type { LoadProfileRange } from '../../src/iec62056/client';
import type { MeterPath } from '../../src/meter-payload';
import { splitObisList } from '../../src/obis';
import { bad, type IecReadSettings } from './iec-read-def';

export interface ReadPlan {
  path: MeterPath;
  address: string;
  registers: string[];
  filter: string[];
  loadProfile: LoadProfileRange | undefined;
}

export function planRead(settings: IecReadSettings, msg: Record<string, unknown>): ReadPlan {
  const plan: ReadPlan = {
    path: pathOf(msg.path, settings.path),
    address: addressOf(msg.address, settings.address),
    registers: listOf(msg.registers, settings.registers, 'msg.registers'),
    filter: listOf(msg.filter, settings.filter, 'msg.filter'),
    loadProfile: loadProfileOf(msg.loadProfile, settings.loadProfile),
  };
  refuseDirectOnlyRequests(plan, msg);
  return plan;
}

/**
 * DIRECT_READ returns the meter's readout and nothing else: a message that asks the gateway path for
 * programming-mode registers or a load profile would otherwise get a readout without them, silently.
 */
function refuseDirectOnlyRequests(plan: ReadPlan, msg: Record<string, unknown>): void {
  if (plan.path !== 'gateway') return;
  if (msg.registers !== undefined && msg.registers !== null && plan.registers.length > 0) {
    throw bad('msg.registers', 'can only be read on the direct path (the gateway\'s DIRECT_READ returns the readout); use the filter to pick values from it');
  }
  if (msg.loadProfile !== undefined && msg.loadProfile !== null && msg.loadProfile !== false) {
    throw bad('msg.loadProfile', 'can only be read on the direct path (the gateway\'s DIRECT_READ returns the readout)');
  }
}

function pathOf(value: unknown, fallback: MeterPath): MeterPath {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'gateway' || value === 'direct') return value;
  throw bad('msg.path', `must be "gateway" or "direct", not ${JSON.stringify(value)}`);
}

function addressOf(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') throw bad('msg.address', `must be a string, not ${typeof value}`);
  return value.trim();
}

/** An array of strings or one string listing codes (`1.8.0, 2.8.0`); an empty list clears the node's own. */
function listOf(value: unknown, fallback: string[], name: string): string[] {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return splitObisList(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.map((entry: string) => entry.trim()).filter((entry) => entry !== '');
  throw bad(name, 'must be an array of OBIS codes or a string listing them');
}

function loadProfileOf(value: unknown, fallback: LoadProfileRange | undefined): LoadProfileRange | undefined {
  if (value === undefined || value === null) return fallback;
  if (value === false) return undefined;
  const range = value as Partial<LoadProfileRange>;
  if (typeof value !== 'object' || typeof (range.from ?? '') !== 'string' || typeof (range.to ?? '') !== 'string') {
    throw bad('msg.loadProfile', 'must be { from, to } with ZYYMMDDhhmm strings (either may be empty), or false');
  }
  return { from: range.from ?? '', to: range.to ?? '' };
}

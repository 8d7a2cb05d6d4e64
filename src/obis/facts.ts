/*
 * Facts from IEC 62056-61 that do not depend on the language: what each electricity quantity (value group C)
 * measures, which processing (value group D) gives an energy, a power or a plain value, and default units.
 * Names live in the locale tables (en-us.ts); this file only says what a code is.
 */

export type QuantityKind = 'active' | 'reactive' | 'apparent' | 'current' | 'voltage' | 'powerFactor' | 'frequency';

/**
 * The electricity quantities of all phases together (C 1-20) and the neutral-conductor ones (C 90-92).
 * C 21-40, 41-60 and 61-80 are the same twenty quantities for phases L1, L2 and L3.
 */
export const QUANTITY_KINDS: Readonly<Record<number, QuantityKind>> = {
  1: 'active', 2: 'active', 3: 'reactive', 4: 'reactive', 5: 'reactive', 6: 'reactive', 7: 'reactive', 8: 'reactive',
  9: 'apparent', 10: 'apparent', 11: 'current', 12: 'voltage', 13: 'powerFactor', 14: 'frequency',
  15: 'active', 16: 'active', 17: 'active', 18: 'active', 19: 'active', 20: 'active',
  90: 'current', 91: 'current', 92: 'voltage',
};

/** Value group C split into the quantity (1-20, 90-92) and the phase (0 = all phases, 1-3 = L1-L3). */
export interface QuantityRef {
  quantity: number;
  phase: 0 | 1 | 2 | 3;
}

export function quantityOf(c: number): QuantityRef | undefined {
  if (c >= 1 && c <= 80) return { quantity: ((c - 1) % 20) + 1, phase: Math.floor((c - 1) / 20) as 0 | 1 | 2 | 3 };
  if (c >= 90 && c <= 92) return { quantity: c, phase: 0 };
  return undefined;
}

/** The processing of value group D, as far as names go. */
export type Processing = 'energy' | 'demand' | 'instantaneous';

/**
 * D 8 (time integral 1: the meter reading), 9 (time integral 2: since the billing period started) and
 * 29 (time integral 5: one recording interval, load profiles) are energies; D 0-6 are demand values
 * (averages, minima and maxima of the power); D 7 is the instantaneous value.
 */
export function processingOf(d: number): Processing | undefined {
  if (d === 8 || d === 9 || d === 29) return 'energy';
  if (d >= 0 && d <= 6) return 'demand';
  if (d === 7) return 'instantaneous';
  return undefined;
}

/** Whether value group E counts tariff rates (0 = total, 1-63 = rate n) for this processing. */
export function isTariffed(d: number): boolean {
  return d !== 7 && d !== 29;
}

/** E 1-63 are tariff rates; 0 is the total over all rates. */
export const MAX_TARIFF = 63;

const ENERGY_UNITS: Readonly<Partial<Record<QuantityKind, string>>> = { active: 'kWh', reactive: 'kvarh', apparent: 'kVAh' };
const POWER_UNITS: Readonly<Partial<Record<QuantityKind, string>>> = { active: 'kW', reactive: 'kvar', apparent: 'kVA' };
const VALUE_UNITS: Readonly<Partial<Record<QuantityKind, string>>> = { current: 'A', voltage: 'V', frequency: 'Hz' };

/** The usual unit of a grid quantity; meters often use other prefixes (Wh, W, varh), and theirs always win. */
export function defaultUnit(kind: QuantityKind, processing: Processing): string | null {
  if (processing === 'energy') return ENERGY_UNITS[kind] ?? null;
  return POWER_UNITS[kind] ?? VALUE_UNITS[kind] ?? null;
}

/** Power-like kinds have energies and demands; the others only have instantaneous values by name here. */
export function hasEnergy(kind: QuantityKind): boolean {
  return kind === 'active' || kind === 'reactive' || kind === 'apparent';
}

export interface RegisterFacts {
  /** Default unit, when the meter does not send one. */
  unit?: string;
  /**
   * The value is text even when it is all digits (serial numbers, dates, times, status words): the payload
   * keeps the meter's characters, leading zeros included, instead of turning them into a number.
   */
  text?: true;
}

const TEXT: RegisterFacts = { text: true };

/** Facts of the named single registers, keyed like the locale `names` tables (see names.ts: nameKey). */
export const REGISTER_FACTS: Readonly<Record<string, RegisterFacts>> = {
  '0.0.0': TEXT, '0.0.1': TEXT, '0.0.2': TEXT, '0.0.3': TEXT,
  '0.1.2': TEXT, '0.2.0': TEXT, '0.2.1': TEXT, '0.2.2': TEXT, '0.2.8': TEXT,
  '0.8.0': { unit: 'min' }, '0.8.4': { unit: 'min' },
  '0.9.1': TEXT, '0.9.2': TEXT,
  '96.1.0': TEXT, '96.1.1': TEXT, '96.1.2': TEXT, '96.1.3': TEXT, '96.2.1': TEXT,
  '96.5.0': TEXT, '96.13.0': TEXT, '97.97.0': TEXT, '97.97.1': TEXT, '97.97.2': TEXT,
  '0-0:1.0.0': TEXT, '0-0:24.2.1': { unit: 'm3' }, '0-0:17.0.0': { unit: 'kW' },
};

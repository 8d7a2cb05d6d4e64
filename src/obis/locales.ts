import { MeterError } from '../errors';
import { CS } from './cs';
import { DE } from './de';
import { EN_US } from './en-us';
import type { BillingWords, GridWords, ObisLocale, QuantityWords } from './locale';

/*
 * The registry of locales and their resolution: a requested tag falls back to its language (`de-AT` -> `de`),
 * then to en-US. Grid and billing words are merged with en-US once per locale, so a partial locale still
 * composes complete names.
 */

/** A locale with every word present (missing ones taken from en-US). */
export interface ResolvedLocale {
  tag: string;
  names: Readonly<Record<string, string>>;
  /** The en-US names, for keys the locale does not list. */
  fallbackNames: Readonly<Record<string, string>>;
  grid: GridWords;
  billing: BillingWords;
}

export const DEFAULT_LOCALE = 'en-US';

/** The built-in locales: en-US (complete, the fallback), German and Czech. */
export const BUILT_IN_LOCALES: readonly ObisLocale[] = [EN_US, DE, CS];

const registered = new Map<string, ObisLocale>(BUILT_IN_LOCALES.map((locale) => [locale.tag.toLowerCase(), locale]));
const resolved = new Map<string, ResolvedLocale>();

function resolve(locale: ObisLocale): ResolvedLocale {
  const base = EN_US.grid as GridWords; // en-US is complete by construction (tested)
  const quantities: Record<number, QuantityWords> = { ...base.quantities };
  for (const [c, words] of Object.entries(locale.grid?.quantities ?? {})) quantities[Number(c)] = { ...base.quantities[Number(c)], ...words };
  const grid: GridWords = { ...base, ...locale.grid, quantities, processing: { ...base.processing, ...locale.grid?.processing } };
  const billing = { ...(EN_US.billing as BillingWords), ...locale.billing };
  return { tag: locale.tag, names: locale.names, fallbackNames: EN_US.names, grid, billing };
}

/**
 * Adds (or replaces) a locale. Later lookups with its tag, or a tag of the same language, use it.
 * Names it does not have fall back to en-US one by one.
 */
export function registerObisLocale(locale: ObisLocale): void {
  if (typeof locale?.tag !== 'string' || locale.tag === '' || typeof locale.names !== 'object' || locale.names === null) {
    throw new MeterError('E_BAD_ARGUMENT', 'an OBIS locale needs a tag and a names table', { hint: "Give at least { tag: 'de', names: {} }." });
  }
  registered.set(locale.tag.toLowerCase(), locale);
  resolved.clear();
  onLocalesChanged.forEach((listener) => listener());
}

/** Tags of the registered locales. */
export function obisLocales(): string[] {
  return [...registered.values()].map((locale) => locale.tag);
}

/** Callbacks run when the locales change (names.ts drops its cached descriptions). */
export const onLocalesChanged: (() => void)[] = [];

function lookup(tag: string): ObisLocale {
  const lower = tag.toLowerCase();
  return registered.get(lower) ?? registered.get(lower.split('-')[0]) ?? EN_US;
}

/** The locale for a tag (exact, then language, then en-US), with every word present. */
export function resolveLocale(tag: string = DEFAULT_LOCALE): ResolvedLocale {
  const key = typeof tag === 'string' ? tag : DEFAULT_LOCALE;
  let entry = resolved.get(key);
  if (entry === undefined) {
    // Tags may come from user settings: a bounded cache, rebuilt when full (a resolution costs microseconds).
    if (resolved.size >= 64) resolved.clear();
    entry = resolve(lookup(key));
    resolved.set(key, entry);
  }
  return entry;
}

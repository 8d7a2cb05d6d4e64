import { formatObis, type ObisCode, parseObis } from './code';
import { REGISTER_FACTS } from './facts';
import { gridEntry } from './grid';
import { fill } from './locale';
import { DEFAULT_LOCALE, onLocalesChanged, type ResolvedLocale, resolveLocale } from './locales';

/** What the dictionary knows about one code. */
export interface ObisDescription {
  /** The code as given. */
  code: string;
  /** normaliseObis(code): `[A-B:]C.D.E[*F]`, numeric groups, no `*255`. */
  canonical: string;
  /** The key of the name tables: `C.D.E` (reduced form, F left out), or `0-0:C.D.E` for abstract objects. Null for other media. */
  key: string | null;
  /** The name in the requested locale (missing names fall back to en-US), with the billing period; null when unknown. */
  name: string | null;
  /** The dictionary's default unit; null when it has none (a meter's own unit always wins in payloads). */
  unit: string | null;
  /** F 0-99: the billing period counter (VZ) value these values were stored at; null otherwise. */
  billingPeriod: number | null;
  /** F 101-125: how many of the most recent billing periods the code selects (1 = the latest only); null otherwise. */
  latestBillingPeriods: number | null;
  /** The value is text even when it is all digits (identifiers, dates, times, status words). */
  textValue: boolean;
}

function isGeneralPurpose(c: number): boolean {
  return c === 0 || (c >= 96 && c <= 99);
}

/*
 * Short codes carry no medium: they are read as electricity (A = 1), which is what these meters are.
 * Abstract objects (A = 0) share C values with electricity quantities (0-0:1.0.0 is the clock, not +A), so
 * they have keys of their own. General purpose and service codes (C 0, 96-99) mean the same under any A.
 */
export function nameKey(code: Readonly<ObisCode>): string | null {
  const groups = `${code.c}.${code.d}.${code.e}`;
  if (code.a === 0 && !isGeneralPurpose(code.c)) return `0-0:${groups}`;
  if (code.a === undefined || code.a === 1 || isGeneralPurpose(code.c)) return groups;
  return null;
}

/*
 * Value group F: 0-99 is the billing period counter (VZ) at which the values were stored; 101-126 select the
 * most recent period(s) relative to the present (meters rarely send these in readouts); 255 is the current value.
 */
function billingSuffix(f: number | undefined, locale: ResolvedLocale): string {
  if (f === undefined) return '';
  const words = locale.billing;
  let phrase: string;
  if (f <= 99) phrase = fill(words.period, { n: f });
  else if (f === 101) phrase = words.latest;
  else if (f >= 102 && f <= 125) phrase = fill(words.latestCount, { n: f - 100 });
  else if (f === 126) phrase = words.recent;
  else phrase = fill(words.other, { n: f });
  return `${words.separator}${phrase}`;
}

function baseName(key: string, code: Readonly<ObisCode>, locale: ResolvedLocale): { name: string | null; unit: string | null } {
  const grid = key.startsWith('0-0:') ? undefined : gridEntry(code, locale.grid);
  const unit = REGISTER_FACTS[key]?.unit ?? grid?.unit ?? null;
  // The locale's own list, then its composed grid name (still in its language), then the en-US list.
  const name = locale.names[key] ?? grid?.name ?? locale.fallbackNames[key] ?? null;
  return { name, unit };
}

function describe(text: string, locale: ResolvedLocale): ObisDescription | null {
  const code = parseObis(text);
  if (code === null) return null;
  const key = nameKey(code);
  const { name, unit } = key === null ? { name: null, unit: null } : baseName(key, code, locale);
  const f = code.f;
  return Object.freeze({
    code: text,
    canonical: formatObis(code),
    key,
    name: name === null ? null : name + billingSuffix(f, locale),
    unit,
    billingPeriod: f !== undefined && f <= 99 ? f : null,
    latestBillingPeriods: f !== undefined && f >= 101 && f <= 125 ? f - 100 : null,
    textValue: key !== null && REGISTER_FACTS[key]?.text === true,
  });
}

/* Descriptions per locale tag and code, bounded like the parse cache; dropped when locales change. */
const CACHE_LIMIT = 4096;
const cache = new Map<string, Map<string, ObisDescription | null>>();
onLocalesChanged.push(() => cache.clear());

/**
 * Everything the dictionary knows about `code` (short or full form, with or without a billing suffix), or
 * null when it is not an OBIS code. A valid code the dictionary does not know has `name: null`. Never throws.
 * The result is frozen and shared.
 */
export function describeObis(code: string, locale: string = DEFAULT_LOCALE): ObisDescription | null {
  if (typeof code !== 'string') return null;
  let perLocale = cache.get(locale);
  if (perLocale === undefined) {
    if (cache.size >= 64) cache.clear();
    perLocale = new Map();
    cache.set(locale, perLocale);
  }
  let description = perLocale.get(code);
  if (description === undefined) {
    description = describe(code, resolveLocale(locale));
    if (perLocale.size >= CACHE_LIMIT) perLocale.clear();
    perLocale.set(code, description);
  }
  return description;
}

/** The name of `code` in `locale` (falling back to en-US), e.g. "Active energy import (+A), total — billing period 3"; null when unknown. */
export function obisName(code: string, locale?: string): string | null {
  return describeObis(code, locale)?.name ?? null;
}

/** The dictionary's default unit of `code` (kWh, kW, V, A, Hz, ...); null when it has none or the code is unknown. */
export function obisUnit(code: string): string | null {
  return describeObis(code)?.unit ?? null;
}

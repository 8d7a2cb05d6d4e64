/** OBIS codes (IEC 62056-61): normalising, naming (per locale, en-US fallback), default units and register filters. */
export { formatObis, normaliseObis, parseObis, type ObisCode } from './code';
export { describeObis, nameKey, obisName, obisUnit, type ObisDescription } from './names';
export { compileObisFilter, matchesObis, splitObisList, type ObisFilter } from './filter';
export { obisLocales, registerObisLocale } from './locales';
export type { BillingWords, GridWords, ObisLocale, QuantityWords } from './locale';

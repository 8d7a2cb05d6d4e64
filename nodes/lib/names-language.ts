/**
 * The language of the OBIS names a node puts into its output. The node option wins; empty means the
 * runtime's language, which we learn by asking Node-RED's i18n for a key whose value in each catalog is
 * that catalog's OBIS locale tag: the runtime then resolves settings.js `lang`, the environment
 * (LC_ALL, LC_MESSAGES, LANG) and its fallbacks exactly as for every other message. A language without
 * OBIS names (or the test helper, which returns the key itself) gives en-US.
 */
import { obisLocales } from '../../src/obis';

export const DEFAULT_NAMES_LOCALE = 'en-US';

type Translate = (key: string) => string;

/** `option`: '' (runtime language) or a locale tag; `catalogKey`: the key whose value is the catalog's tag. */
export function namesLocale(option: unknown, translate: Translate, catalogKey: string): string {
  const known = obisLocales();
  if (typeof option === 'string' && option.trim() !== '') return known.includes(option.trim()) ? option.trim() : DEFAULT_NAMES_LOCALE;
  const runtime = translate(catalogKey);
  return known.includes(runtime) ? runtime : DEFAULT_NAMES_LOCALE;
}

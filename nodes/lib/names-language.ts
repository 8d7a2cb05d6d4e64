/**
 * The runtime's language, and the language of the OBIS names a node puts into its output.
 *
 * The runtime's language is learnt by asking Node-RED's i18n for a key whose value in each catalog is that
 * catalog's locale tag (`<node>.locale`: `en-US`, `de`, `cs`): the runtime then resolves settings.js `lang`,
 * the environment (LC_ALL, LC_MESSAGES, LANG) and its fallbacks exactly as for every other message. The
 * test helper, which returns the key itself, has no language.
 *
 * The names language: the node option wins; empty means the runtime's language. A language without OBIS
 * names (or none) gives en-US. The error texts (nodes/lib/error-report.ts) follow the runtime's language too.
 */
import { obisLocales } from '../../src/obis';

export const DEFAULT_NAMES_LOCALE = 'en-US';

type Translate = (key: string) => string;

/** The locale tag the runtime's catalog gives for `catalogKey`, or undefined when no catalog answered. */
export function runtimeLocale(translate: Translate, catalogKey: string): string | undefined {
  const tag = translate(catalogKey).trim();
  return tag === '' || tag === catalogKey ? undefined : tag;
}

/** `option`: '' (runtime language) or a locale tag; `catalogKey`: the key whose value is the catalog's tag. */
export function namesLocale(option: unknown, translate: Translate, catalogKey: string): string {
  const known = obisLocales();
  if (typeof option === 'string' && option.trim() !== '') return known.includes(option.trim()) ? option.trim() : DEFAULT_NAMES_LOCALE;
  const runtime = runtimeLocale(translate, catalogKey);
  return runtime !== undefined && known.includes(runtime) ? runtime : DEFAULT_NAMES_LOCALE;
}

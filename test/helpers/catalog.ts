import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One node's catalog as RED._ would answer from it (`__name__` placeholders), the key itself when missing. Runs from dist/test/helpers. */
export function catalog(locale: string, node: string): (key: string, params?: Record<string, string | number>) => string {
  const root = path.resolve(__dirname, '..', '..', '..', 'locales');
  const texts = JSON.parse(readFileSync(path.join(root, locale, `${node}.json`), 'utf8')) as Record<string, unknown>;
  return (key, params = {}) => {
    const found = key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], texts);
    return typeof found === 'string' ? found.replace(/__(\w+)__/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : key;
  };
}

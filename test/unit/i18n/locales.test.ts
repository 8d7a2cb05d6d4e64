import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The translations are complete and consistent: every catalog key of en-US exists in de and cs and no
 * other key does, placeholders match, every node has help in every locale with the style guide's sections
 * in order, and the editor templates use only keys the catalog has. Runs from dist/test/unit/i18n.
 */
const root = path.resolve(__dirname, '..', '..', '..', '..');
const LOCALES = ['en-US', 'de', 'cs'] as const;
type Locale = (typeof LOCALES)[number];

/** The style guide's section headings, as each locale writes them (de as Node-RED's own German help does). */
const SECTIONS: Record<Locale, { inputs: string; outputs: string; details: string; references: string; properties: string }> = {
  'en-US': { inputs: 'Inputs', outputs: 'Outputs', details: 'Details', references: 'References', properties: 'Properties' },
  de: { inputs: 'Eingangsdaten', outputs: 'Ausgangsdaten', details: 'Details', references: 'Referenzen', properties: 'Eigenschaften' },
  cs: { inputs: 'Vstupy', outputs: 'Výstupy', details: 'Podrobnosti', references: 'Odkazy', properties: 'Vlastnosti' },
};

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { 'node-red': { nodes: Record<string, string> } };
const NODE_TYPES = Object.keys(packageJson['node-red'].nodes).sort();

type Catalog = { [key: string]: string | Catalog };

function readCatalog(locale: Locale, node: string): Catalog {
  return JSON.parse(readFileSync(path.join(root, 'locales', locale, `${node}.json`), 'utf8')) as Catalog;
}

/** `a.b.c` -> text, for every leaf. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/__(\w+)__/g)].map((match) => match[1]).sort();
}

function isConfigNode(node: string): boolean {
  return /category:\s*'config'/.test(readFileSync(path.join(root, 'nodes', `${node}.html`), 'utf8'));
}

/** The runtime's TypeScript files under `dir` (the node modules and nodes/lib). */
function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return runtimeSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function helpText(locale: Locale, node: string): string {
  return readFileSync(path.join(root, 'locales', locale, `${node}.html`), 'utf8');
}

describe('translations: catalogs', () => {
  it('the package has nodes, and only en-US, de and cs locale folders', () => {
    assert.ok(NODE_TYPES.length >= 3);
    assert.deepEqual(readdirSync(path.join(root, 'locales')).sort(), [...LOCALES].sort());
  });

  for (const node of NODE_TYPES) {
    for (const locale of ['de', 'cs'] as const) {
      it(`${node}: ${locale} has exactly the en-US keys, with the same placeholders`, () => {
        const english = flatten(readCatalog('en-US', node));
        const translated = flatten(readCatalog(locale, node));
        const missing = [...english.keys()].filter((key) => !translated.has(key));
        const stray = [...translated.keys()].filter((key) => !english.has(key));
        assert.deepEqual({ missing, stray }, { missing: [], stray: [] });
        for (const [key, text] of english) {
          assert.deepEqual(placeholders(translated.get(key) ?? ''), placeholders(text), `${locale} ${key}`);
          assert.ok((translated.get(key) ?? '').trim() !== '', `${locale} ${key} is empty`);
        }
      });
    }

    it(`${node}: every catalog is precomposed UTF-8 with no mojibake`, () => {
      for (const locale of LOCALES) {
        const raw = readFileSync(path.join(root, 'locales', locale, `${node}.json`), 'utf8');
        assert.equal(raw, raw.normalize('NFC'), `${locale}/${node}.json is not NFC`);
        assert.doesNotMatch(raw, /Ã.|Ä[\u0080-\u00bf]|\uFFFD/, `${locale}/${node}.json looks double-encoded`);
      }
    });

    it(`${node}: the editor template uses only keys the en-US catalog has`, () => {
      const html = readFileSync(path.join(root, 'nodes', `${node}.html`), 'utf8');
      const english = flatten(readCatalog('en-US', node));
      const used = [...html.matchAll(/data-i18n="(?:\[[a-z]+\])?([^"]+)"/g)].map((match) => match[1]);
      assert.ok(used.length > 0, 'the template is translated');
      for (const key of used) assert.ok(english.has(key), `data-i18n key ${key}`);
    });
  }

  it("every catalog key the runtime code names ('<node>.<group>.<key>' in nodes/**/*.ts) is in en-US, so in de and cs too", () => {
    const named = runtimeSources(path.join(root, 'nodes')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'((?:[a-z0-9]+-)*[a-z0-9]+)\.([a-z][\w-]*\.[\w.-]*\w)'/g)].filter((match) => NODE_TYPES.includes(match[1])).map((match) => ({ file, node: match[1], key: `${match[1]}.${match[2]}` })),
    );
    assert.ok(named.some(({ key }) => key === 'iec62056-read.errors.invalid.whole-number'), 'the input checks name their keys');
    for (const { file, node, key } of named) {
      for (const locale of LOCALES) assert.ok(flatten(readCatalog(locale, node)).has(key), `${path.relative(root, file)}: ${key} in ${locale}/${node}.json`);
    }
  });

  it('every catalog carries its own locale tag at <node>.locale (how the nodes learn the runtime language)', () => {
    for (const node of NODE_TYPES) {
      for (const locale of LOCALES) {
        assert.equal(flatten(readCatalog(locale, node)).get(`${node}.locale`), locale, `${locale}/${node}.json`);
      }
    }
  });
});

describe('translations: help', () => {
  for (const node of NODE_TYPES) {
    for (const locale of LOCALES) {
      it(`${node}: ${locale} help exists, names the node and has the sections in style-guide order`, () => {
        const file = path.join(root, 'locales', locale, `${node}.html`);
        assert.ok(existsSync(file), `${file} exists`);
        const html = helpText(locale, node);
        assert.match(html, new RegExp(`data-help-name="${node}"`));
        const headings = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((match) => match[1].trim());
        const words = SECTIONS[locale];
        const wanted = isConfigNode(node) ? [words.properties, words.details, words.references] : [words.inputs, words.outputs, words.details, words.references];
        assert.deepEqual(headings, wanted);
        assert.equal(html, html.normalize('NFC'));
      });
    }

    it(`${node}: de and cs help document as many properties as en-US`, () => {
      const count = (locale: Locale): number => (helpText(locale, node).match(/<dt[ >]/g) ?? []).length;
      assert.equal(count('de'), count('en-US'), 'de');
      assert.equal(count('cs'), count('en-US'), 'cs');
    });

    it(`${node}: de and cs help name the same msg properties and codes as en-US`, () => {
      // Code samples stay untranslated, except `<placeholders>` written as words.
      const codes = (locale: Locale): string[] =>
        [...new Set([...helpText(locale, node).matchAll(/<code>([^<]+)<\/code>/g)].map((match) => match[1]))].filter((code) => !code.includes('&lt;')).sort();
      assert.deepEqual(codes('de'), codes('en-US'), 'de');
      assert.deepEqual(codes('cs'), codes('en-US'), 'cs');
    });
  }
});

import assert from 'node:assert/strict';
import { AMS_ERROR_CODES, describeAmsCode } from '../../../src/error-codes';
import { errorTexts, type ErrorText, type ErrorTexts } from '../../../src/error-text';

/**
 * The German and Czech error texts are complete: every AMS code of the library's table and every E_ code has
 * a summary in each language, a hint wherever English has one, no empty text, the same placeholders as English,
 * and no mojibake. English is the library's own wording.
 */
const en = errorTexts('en');
const TRANSLATED = [['de', errorTexts('de')], ['cs', errorTexts('cs')]] as const;

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const entries = (texts: ErrorTexts): [string, ErrorText][] => [...Object.entries(texts.ams), ...Object.entries(texts.client)];

describe('error texts: English is the library\'s own wording', () => {
  it('the AMS summaries and hints are the table of src/error-codes.ts', () => {
    assert.deepEqual(Object.keys(en.ams).map(Number).sort((a, b) => a - b), [...AMS_ERROR_CODES.keys()]);
    for (const [code, info] of AMS_ERROR_CODES) {
      assert.deepEqual(en.ams[code as keyof ErrorTexts['ams']], info.hint === undefined ? { summary: info.description } : { summary: info.description, hint: info.hint });
    }
  });

  it('the family fallbacks say what describeAmsCode says', () => {
    assert.equal(en.fallback.iec62056.replace('{detail}', '64'), describeAmsCode(65600));
    assert.equal(en.fallback.mbus.replace('{detail}', '8'), describeAmsCode(131080));
    assert.equal(en.fallback.general.replace('{code}', '7'), describeAmsCode(7));
  });
});

for (const [language, texts] of TRANSLATED) {
  describe(`error texts in ${language}: as complete as English`, () => {
    it('has exactly the AMS codes of AMS_ERROR_CODES', () => {
      assert.deepEqual(Object.keys(texts.ams).sort(), Object.keys(en.ams).sort());
    });

    it('has exactly the E_ codes', () => {
      assert.deepEqual(Object.keys(texts.client).sort(), Object.keys(en.client).sort());
    });

    it('has a summary for every code and a hint wherever English has one, none of them empty', () => {
      const english = new Map(entries(en));
      for (const [code, text] of entries(texts)) {
        assert.ok(text.summary.trim() !== '', `${language} ${code}: empty summary`);
        assert.equal(text.hint !== undefined, english.get(code)?.hint !== undefined, `${language} ${code}: hint where English has one`);
        if (text.hint !== undefined) assert.ok(text.hint.trim() !== '', `${language} ${code}: empty hint`);
        assert.notEqual(text.summary, english.get(code)?.summary, `${language} ${code}: summary is still English`);
      }
    });

    it('uses the same placeholders as English in every text', () => {
      for (const [code, text] of entries(texts)) {
        const english = entries(en).find(([key]) => key === code)?.[1];
        assert.deepEqual(placeholders(text.summary), placeholders(english?.summary ?? ''), `${language} ${code}`);
        assert.deepEqual(placeholders(text.hint ?? ''), placeholders(english?.hint ?? ''), `${language} ${code} hint`);
      }
      for (const key of Object.keys(en.fallback) as (keyof ErrorTexts['fallback'])[]) {
        assert.ok(texts.fallback[key].trim() !== '', `${language} fallback ${key}`);
        assert.deepEqual(placeholders(texts.fallback[key]), placeholders(en.fallback[key]), `${language} fallback ${key}`);
      }
      for (const key of Object.keys(en.words) as (keyof ErrorTexts['words'])[]) assert.ok(texts.words[key].trim() !== '', `${language} word ${key}`);
    });

    it('is precomposed Unicode with no mojibake', () => {
      const all = JSON.stringify(texts);
      assert.equal(all, all.normalize('NFC'));
      assert.doesNotMatch(all, /Ã.|Ä[\u0080-\u00bf]|\uFFFD/);
    });
  });
}

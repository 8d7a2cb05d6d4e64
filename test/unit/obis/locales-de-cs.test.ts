import assert from 'node:assert/strict';
import { obisLocales, obisName } from '../../../src/obis';
import { CS } from '../../../src/obis/cs';
import { DE } from '../../../src/obis/de';
import { EN_US } from '../../../src/obis/en-us';
import type { ObisLocale } from '../../../src/obis/locale';

/** The built-in German and Czech tables: complete (same keys as en-US, nothing falls back) and composed as expected. */
const sorted = (record: object | undefined): string[] => Object.keys(record ?? {}).sort();

for (const locale of [DE, CS] as ObisLocale[]) {
  describe(`OBIS locale ${locale.tag}: same keys as en-US`, () => {
    it('has every single name, and no stray one', () => {
      assert.deepEqual(sorted(locale.names), sorted(EN_US.names));
      for (const [key, name] of Object.entries(locale.names)) assert.ok(name.trim() !== '', `${locale.tag} ${key} is empty`);
    });

    it('has every grid quantity with the same words (energy / power / value) as en-US', () => {
      assert.deepEqual(sorted(locale.grid?.quantities), sorted(EN_US.grid?.quantities));
      for (const [c, words] of Object.entries(EN_US.grid?.quantities ?? {})) {
        assert.deepEqual(sorted(locale.grid?.quantities?.[Number(c)]), sorted(words), `quantity ${c}`);
      }
    });

    it('has every processing word, the phases and every grid and billing word', () => {
      assert.deepEqual(sorted(locale.grid?.processing), sorted(EN_US.grid?.processing));
      assert.deepEqual(sorted(locale.grid), sorted(EN_US.grid));
      assert.deepEqual(sorted(locale.billing), sorted(EN_US.billing));
      assert.equal(locale.grid?.phases?.length, 3);
      assert.match(locale.grid?.tariff ?? '', /\{n\}/);
      assert.match(locale.billing?.period ?? '', /\{n\}/);
      assert.match(locale.billing?.latestCount ?? '', /\{n\}/);
    });

    it('is registered as a built-in locale', () => {
      assert.ok(obisLocales().includes(locale.tag));
    });
  });
}

describe('OBIS names in German and Czech', () => {
  const samples: [string, string, string][] = [
    // [code, de, cs]
    ['1.8.0', 'Wirkenergie Bezug (+A), gesamt', 'Činná energie odběr (+A), celkem'],
    ['1.8.2', 'Wirkenergie Bezug (+A), Tarif 2', 'Činná energie odběr (+A), tarif 2'],
    ['2.8.1', 'Wirkenergie Lieferung (-A), Tarif 1', 'Činná energie dodávka (-A), tarif 1'],
    ['3.8.0', 'Blindenergie Bezug (+R), gesamt', 'Jalová energie odběr (+R), celkem'],
    ['1.7.0', 'Wirkleistung Bezug (+P)', 'Činný výkon odběr (+P)'],
    ['32.7.0', 'Spannung L1', 'Napětí L1'],
    ['71.7.0', 'Strom L3', 'Proud L3'],
    ['1.6.0', 'Wirkleistung Bezug (+P), Maximum, gesamt', 'Činný výkon odběr (+P), maximum, celkem'],
    ['1.8.0*03', 'Wirkenergie Bezug (+A), gesamt — Abrechnungsperiode 3', 'Činná energie odběr (+A), celkem — zúčtovací období 3'],
    ['C.1.0', 'Seriennummer des Zählers (Geräte-ID 1)', 'Výrobní číslo elektroměru (ID zařízení 1)'],
    ['0.9.1', 'Ortszeit', 'Místní čas'],
    ['0-0:96.14.0', 'Tarifanzeige (aktiver Tarif)', 'Ukazatel tarifu (aktivní tarif)'],
  ];

  it('composes and looks up names in each language', () => {
    for (const [code, de, cs] of samples) {
      assert.equal(obisName(code, 'de'), de, `de ${code}`);
      assert.equal(obisName(code, 'cs'), cs, `cs ${code}`);
    }
  });

  it('finds them by region tags too (de-AT, de-DE, cs-CZ)', () => {
    assert.equal(obisName('1.8.0', 'de-AT'), 'Wirkenergie Bezug (+A), gesamt');
    assert.equal(obisName('1.8.0', 'cs-CZ'), 'Činná energie odběr (+A), celkem');
  });

  it('keeps Czech diacritics as real characters (precomposed UTF-8)', () => {
    const name = obisName('14.7.0', 'cs') ?? '';
    assert.equal(name, name.normalize('NFC'));
    assert.ok(/[čěšřžýáíéůú]/i.test(Object.values(CS.names).join(' ')));
  });

  it('never falls back to English for a register the dictionary knows', () => {
    for (const key of Object.keys(EN_US.names)) {
      for (const tag of ['de', 'cs']) assert.notEqual(obisName(key, tag), obisName(key, 'en-US'), `${tag} ${key}`);
    }
  });
});

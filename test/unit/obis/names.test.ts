import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { describeObis, type ObisLocale, obisLocales, obisName, obisUnit, registerObisLocale } from '../../../src/obis';
import { EN_US } from '../../../src/obis/en-us';
import { QUANTITY_KINDS, REGISTER_FACTS } from '../../../src/obis/facts';

describe('OBIS names (en-US)', () => {
  // [code, name, default unit]
  const registers: [string, string, string | null][] = [
    ['1.8.0', 'Active energy import (+A), total', 'kWh'],
    ['1.8.1', 'Active energy import (+A), tariff 1', 'kWh'],
    ['1.8.2', 'Active energy import (+A), tariff 2', 'kWh'],
    ['2.8.0', 'Active energy export (-A), total', 'kWh'],
    ['2.8.3', 'Active energy export (-A), tariff 3', 'kWh'],
    ['3.8.0', 'Reactive energy import (+R), total', 'kvarh'],
    ['4.8.1', 'Reactive energy export (-R), tariff 1', 'kvarh'],
    ['5.8.0', 'Reactive energy in quadrant I (R1), total', 'kvarh'],
    ['8.8.0', 'Reactive energy in quadrant IV (R4), total', 'kvarh'],
    ['9.8.0', 'Apparent energy import (+S), total', 'kVAh'],
    ['15.8.0', 'Active energy, absolute sum (|+A| + |-A|), total', 'kWh'],
    ['16.8.0', 'Active energy, net (|+A| - |-A|), total', 'kWh'],
    ['21.8.0', 'Active energy import (+A) L1, total', 'kWh'],
    ['1.7.0', 'Active power import (+P)', 'kW'],
    ['21.7.0', 'Active power import (+P) L1', 'kW'],
    ['41.7.0', 'Active power import (+P) L2', 'kW'],
    ['61.7.0', 'Active power import (+P) L3', 'kW'],
    ['2.7.0', 'Active power export (-P)', 'kW'],
    ['3.7.0', 'Reactive power import (+Q)', 'kvar'],
    ['15.7.0', 'Active power, absolute sum (|+P| + |-P|)', 'kW'],
    ['16.7.0', 'Active power, net (|+P| - |-P|)', 'kW'],
    ['36.7.0', 'Active power, net (|+P| - |-P|) L1', 'kW'],
    ['32.7.0', 'Voltage L1', 'V'],
    ['52.7.0', 'Voltage L2', 'V'],
    ['72.7.0', 'Voltage L3', 'V'],
    ['31.7.0', 'Current L1', 'A'],
    ['51.7.0', 'Current L2', 'A'],
    ['71.7.0', 'Current L3', 'A'],
    ['91.7.0', 'Current in the neutral conductor', 'A'],
    ['13.7.0', 'Power factor', null],
    ['33.7.0', 'Power factor L1', null],
    ['73.7.0', 'Power factor L3', null],
    ['14.7.0', 'Supply frequency', 'Hz'],
    ['1.6.0', 'Active power import (+P), maximum demand, total', 'kW'],
    ['1.6.1', 'Active power import (+P), maximum demand, tariff 1', 'kW'],
    ['2.6.0', 'Active power export (-P), maximum demand, total', 'kW'],
    ['1.2.0', 'Active power import (+P), cumulative maximum demand, total', 'kW'],
    ['1.2.2', 'Active power import (+P), cumulative maximum demand, tariff 2', 'kW'],
    ['0.0.0', 'Device address 1 (meter number)', null],
    ['0.0.1', 'Device address 2', null],
    ['C.1.0', 'Meter serial number (device ID 1)', null],
    ['96.1.0', 'Meter serial number (device ID 1)', null],
    ['C.1.1', 'Device ID 2 (DSMR: equipment identifier)', null],
    ['0.9.1', 'Local time', null],
    ['0.9.2', 'Local date', null],
    ['F.F', 'Error register', null],
    ['97.97.0', 'Error register', null],
    ['C.5.0', 'Internal operating status', null],
    ['C.7.0', 'Number of power failures, all phases', null],
    ['0.1.0', 'Billing period counter (VZ)', null],
    ['0.2.0', 'Firmware version', null],
    ['P.01', 'Load profile 1', null],
    // DSMR
    ['1-0:1.8.1', 'Active energy import (+A), tariff 1', 'kWh'],
    ['1-0:1.8.2', 'Active energy import (+A), tariff 2', 'kWh'],
    ['0-0:96.14.0', 'Tariff indicator (active tariff)', null],
    ['0-0:96.7.21', 'Number of power failures in any phase', null],
    ['0-0:96.7.9', 'Number of long power failures in any phase', null],
    ['1-0:32.32.0', 'Number of voltage sags L1', null],
    ['0-0:1.0.0', 'Date and time', null],
    ['0-1:24.2.1', 'M-Bus device reading (DSMR: gas delivered)', 'm3'],
    ['1-3:0.2.8', 'P1 interface version (DSMR)', null],
    ['1-0:99.97.0', 'Power failure event log', null],
  ];
  for (const [code, name, unit] of registers) {
    it(`${code}: ${name}${unit ? ` [${unit}]` : ''}`, () => {
      assert.equal(obisName(code), name);
      assert.equal(obisUnit(code), unit);
    });
  }

  it('reports billing periods in the name and as numbers, in either suffix form', () => {
    const suffixed = describeObis('1.8.0*03');
    assert.equal(suffixed?.name, 'Active energy import (+A), total — billing period 3');
    assert.equal(suffixed?.billingPeriod, 3);
    assert.equal(suffixed?.unit, 'kWh');
    assert.equal(obisName('1.8.0&03'), 'Active energy import (+A), total — billing period 3');
    assert.equal(obisName('0.1.2*01'), 'Time of the billing period reset — billing period 1');
  });

  it('names the relative billing periods: F 101 is the latest, 102-125 the n latest', () => {
    assert.deepEqual([describeObis('1.8.0*101')?.latestBillingPeriods, describeObis('1.8.0*103')?.latestBillingPeriods], [1, 3]);
    assert.equal(obisName('1.8.0*101'), 'Active energy import (+A), total — latest billing period');
    assert.equal(obisName('1.8.0*103'), 'Active energy import (+A), total — 3 latest billing periods');
    assert.equal(describeObis('1.8.0*101')?.billingPeriod, null);
  });

  it('describes a code completely', () => {
    assert.deepEqual({ ...describeObis('1-0:1.8.1*255') }, {
      code: '1-0:1.8.1*255', canonical: '1-0:1.8.1', key: '1.8.1', name: 'Active energy import (+A), tariff 1', unit: 'kWh',
      billingPeriod: null, latestBillingPeriods: null, textValue: false,
    });
    assert.equal(describeObis('C.1.0')?.textValue, true, 'serial numbers keep their digits');
  });

  it('returns null names for valid but unknown codes, and null for non-codes', () => {
    for (const code of ['1.7.1', '0.0.99', '96.99.0', '128.8.0', '7-0:1.8.0', '1.99.0', '1.8.64', '11.8.0']) {
      assert.equal(obisName(code), null, code);
      assert.notEqual(describeObis(code), null, code);
    }
    for (const code of ['', 'garbage', '1-0:', 'P.01(;)']) assert.equal(describeObis(code), null, code);
  });

  it('has en-US words for every quantity, and en-US names for every register with facts', () => {
    for (const quantity of Object.keys(QUANTITY_KINDS)) assert.ok(EN_US.grid?.quantities?.[Number(quantity)], `quantity ${quantity}`);
    for (const key of Object.keys(REGISTER_FACTS)) assert.ok(EN_US.names[key], `register ${key}`);
  });
});

describe('OBIS names in other locales', () => {
  before(() => {
    // A private-use tag, so no real locale is shadowed; German-like words to see the composition.
    registerObisLocale({
      tag: 'x-test',
      names: { '0.9.1': 'Uhrzeit' },
      grid: { quantities: { 1: { energy: 'Wirkenergie Bezug (+A)' } }, total: 'gesamt', tariff: 'Tarif {n}' },
      billing: { period: 'Vorwert {n}' },
    });
  });

  it('uses the locale names and words, falling back to en-US word by word', () => {
    assert.equal(obisName('0.9.1', 'x-test'), 'Uhrzeit');
    assert.equal(obisName('1.8.0', 'x-test'), 'Wirkenergie Bezug (+A), gesamt');
    assert.equal(obisName('1.8.2*04', 'x-test'), 'Wirkenergie Bezug (+A), Tarif 2 — Vorwert 4');
    assert.equal(obisName('0.9.2', 'x-test'), 'Local date', 'a name the locale lacks is en-US');
    assert.equal(obisName('1.7.0', 'x-test'), 'Active power import (+P)', 'a word the locale lacks is en-US');
  });

  it('finds a locale by its language and falls back to en-US for unknown tags', () => {
    assert.equal(obisName('0.9.1', 'X-TEST'), 'Uhrzeit');
    assert.equal(obisName('0.9.1', 'fr'), 'Local time');
    assert.equal(obisName('0.9.1', 'no-such-locale'), 'Local time');
    assert.ok(obisLocales().includes('en-US') && obisLocales().includes('x-test'));
  });

  it('refuses a locale without a tag or names', () => {
    for (const bad of [{ tag: '', names: {} }, { tag: 'de' }, null]) {
      assert.throws(() => registerObisLocale(bad as unknown as ObisLocale), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT');
    }
  });
});

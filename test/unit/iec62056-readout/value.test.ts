import assert from 'node:assert/strict';
import { parseDecimal } from '../../../src/iec62056/readout';
import { readValue } from '../../../src/iec62056/readout/value';

const read = (text: string) => readValue(text, 0, text.length);
const decimal = (text: string) => parseDecimal(text, 0, text.length);

describe('value text: numbers', () => {
  it('reads dot and comma decimals, signs and leading zeros', () => {
    assert.equal(decimal('0001234.567'), 1234.567);
    assert.equal(decimal('000007,4'), 7.4);
    assert.equal(decimal('+000.8'), 0.8);
    assert.equal(decimal('-000142.30'), -142.3);
    assert.equal(decimal('00000000'), 0);
  });

  it('gives exactly what Number() gives for the same text', () => {
    for (const text of ['0.1', '0.3', '123456.789', '999999999999999', '0.000000000000000000000001', '1000000000000000000000', '-0.0']) {
      assert.ok(Object.is(decimal(text), Number(text)), text);
    }
  });

  it('keeps numbers with more than 15 significant digits as text, so no digit is lost', () => {
    assert.equal(decimal('1234567890123456'), undefined);
    assert.deepEqual(read('12345678901234567890'), { raw: '12345678901234567890', value: '12345678901234567890', unit: null });
    assert.equal(decimal('123456789012345'), 123456789012345);
    assert.equal(decimal('1234567890123450000'), 1234567890123450000);
  });

  it('does not read partial or odd forms as numbers', () => {
    for (const text of ['', '-', '.5', '5.', '1.2.3', '1,2,3', '1 2', '12a', '0x10', '1e5', '+-1']) {
      assert.equal(decimal(text), undefined, text);
    }
  });
});

describe('value text: units', () => {
  it('splits at the first `*` when a unit follows', () => {
    assert.deepEqual(read('0012.345*GJ'), { raw: '0012.345*GJ', value: 12.345, unit: 'GJ' });
    assert.deepEqual(read('10000*imp/kWh'), { raw: '10000*imp/kWh', value: 10000, unit: 'imp/kWh' });
    assert.deepEqual(read('0000004.8*i\\kWh'), { raw: '0000004.8*i\\kWh', value: 4.8, unit: 'i\\kWh' });
  });

  it('reads an empty unit after `*` as no unit', () => {
    assert.deepEqual(read('123*'), { raw: '123*', value: 123, unit: null });
  });

  it('keeps a non-numeric value with its unit', () => {
    assert.deepEqual(read('12-04-24 09:01*h'), { raw: '12-04-24 09:01*h', value: '12-04-24 09:01', unit: 'h' });
  });

  it('uses `#` as separator only after a number and before a unit-like word', () => {
    assert.deepEqual(read('0000002.7#kWh'), { raw: '0000002.7#kWh', value: 2.7, unit: 'kWh' });
    assert.deepEqual(read('12#m3'), { raw: '12#m3', value: 12, unit: 'm3' });
    // a number before `#` but a hex word after it: a checksum, not a unit
    assert.deepEqual(read('1.69#EEA3546C'), { raw: '1.69#EEA3546C', value: '1.69#EEA3546C', unit: null });
    assert.deepEqual(read('12#34'), { raw: '12#34', value: '12#34', unit: null });
    assert.deepEqual(read('V01.69#EEA3546C'), { raw: 'V01.69#EEA3546C', value: 'V01.69#EEA3546C', unit: null });
  });

  it('does not split `&` pairs whose parts carry units', () => {
    assert.deepEqual(read('088*C&082*C'), { raw: '088*C&082*C', value: '088*C&082*C', unit: null });
  });
});

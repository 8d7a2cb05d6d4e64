import assert from 'node:assert/strict';
import { parseDataBlock, parseReadout } from '../../../src/iec62056/readout';
import type { DataBlock } from '../../../src/iec62056/readout';
import * as T from './telegrams';

/** Every result kind: framed with BCC, push with CRC, load profile, bare block, R1 answer, parseDataBlock. */
function everyKind(): [string, DataBlock][] {
  return [
    ['framed readout', parseReadout(T.MT174_SESSION)],
    ['push telegram', parseReadout(T.DSMR_TELEGRAM)],
    ['load profile', parseReadout(T.LOAD_PROFILE_ANSWER)],
    ['R1 answer', parseReadout(T.PWITAB_ANSWER)],
    ['bare block', parseReadout('1.8.0(1*kWh)\r\n1.8.0(2*kWh)\r\n!\r\n')],
    ['data block', parseDataBlock(T.MT174_DATA)],
  ];
}

describe('readout result: `values` once read is a plain data property in the same place', () => {
  it('keeps `values` the last own key, before and after the first read, for every kind of result', () => {
    for (const [kind, result] of everyKind()) {
      const keysBefore = Object.keys(result);
      assert.equal(keysBefore[keysBefore.length - 1], 'values', kind);
      const values = result.values;
      assert.deepEqual(Object.keys(result), keysBefore, kind);
      const descriptor = Object.getOwnPropertyDescriptor(result, 'values');
      assert.deepEqual(descriptor, { value: values, writable: true, enumerable: true, configurable: true }, kind);
      assert.equal(result.values, values, kind);
    }
  });

  it('maps every address to its first data set, whatever the kind of result', () => {
    for (const [kind, result] of everyKind()) {
      const expected: Record<string, unknown> = {};
      for (const set of result.dataSets) if (!(set.address in expected)) expected[set.address] = set;
      assert.deepEqual(Object.keys(result.values), Object.keys(expected), kind);
      for (const address of Object.keys(expected)) assert.equal(result.values[address], expected[address], kind);
    }
  });

  it('takes a value written before the first read, as a plain data property', () => {
    for (const [kind, result] of everyKind()) {
      const replacement = Object.create(null) as DataBlock['values'];
      result.values = replacement;
      assert.equal(result.values, replacement, kind);
      assert.equal(Object.getOwnPropertyDescriptor(result, 'values')?.writable, true, kind);
      assert.equal(Object.keys(result).pop(), 'values', kind);
    }
  });

  it('survives JSON and structuredClone with the checksum verdicts and `values` alike', () => {
    const framed = parseReadout(T.MT174_SESSION);
    const copy = structuredClone(framed);
    assert.equal(copy.bcc?.valid, framed.bcc?.valid);
    assert.deepEqual(copy.values, JSON.parse(JSON.stringify(framed.values)));
    const push = parseReadout(T.DSMR_TELEGRAM);
    assert.equal(JSON.parse(JSON.stringify(push)).crc.valid, push.crc?.valid);
  });
});

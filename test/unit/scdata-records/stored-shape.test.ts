/**
 * The consumer record's shape: a plain object whose own enumerable properties come in one order, with a
 * `readout` that is parsed on first read yet seen by JSON and spreading, and whose records all share one
 * V8 hidden class with fast properties (a record in dictionary mode, or one class per record, made every
 * drain slower: see stored-record.ts).
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { parseScdataRecords } from '../../../src/smartcom/scdata';
import { toStoredRecord, type StoredRecord } from '../../../src/smartcom/stored-record';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set, so V8 accepts its intrinsics (diagnostics only; no effect on the records).
const hasFastProperties = new Function('object', 'return %HasFastProperties(object);') as (object: object) => boolean;
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (a: object, b: object) => boolean;

const DATA = 'F.F(000000)\n1.8.0(0000004.8*kWh)\n';
const KEYS = ['type', 'protocol', 'index', 'sequence', 'unixTime', 'timestamp', 'errorCode', 'error', 'identification', 'data', 'dataFormat', 'readout', 'key'];

function records(): StoredRecord[] {
  return parseScdataRecords([
    `^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${DATA}"`,
    '^SCDATA: "AMS",1463246947,48963,"IEC62056-21",2,65541,"",""',
    '^SCDATA: "AMS",1461340261,12090,"MBUS",2,0,"","68AE0101"',
  ]).map((record) => toStoredRecord(record, 'SN1'));
}

describe('stored record shape', () => {
  it('is a plain object with its properties in one order, all records of one hidden class with fast properties', () => {
    const all = records();
    for (const record of all) {
      assert.equal(Object.getPrototypeOf(record), Object.prototype);
      assert.deepEqual(Object.keys(record), KEYS);
      assert.ok(hasFastProperties(record), `${record.key} has fast properties`);
      assert.ok(haveSameMap(record, all[0]), `${record.key} shares the first record's hidden class`);
    }
    assert.equal(Object.getOwnPropertyDescriptor(all[0], 'readout')?.enumerable, true);
  });

  it('shows the parsed readout to JSON.stringify and spreading', () => {
    const [iec, failed, mbus] = records();
    assert.deepEqual(JSON.parse(JSON.stringify(iec)).readout.dataSets.map((set: { address: string }) => set.address), ['F.F', '1.8.0']);
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(iec))), KEYS);
    assert.equal({ ...iec }.readout, iec.readout);
    assert.equal(JSON.parse(JSON.stringify(failed)).readout, null);
    assert.equal({ ...mbus }.readout, null);
  });

  it('parses the data it was made with, once; an assigned readout replaces it', () => {
    const [first, , mbus] = records();
    first.data = 'changed by a consumer';
    const readout = first.readout;
    assert.deepEqual(readout?.dataSets.map((set) => set.address), ['F.F', '1.8.0']);
    assert.equal(first.readout, readout, 'parsed once and kept');
    const [second] = records();
    second.readout = null;
    assert.equal(second.readout, null);
    assert.equal(JSON.parse(JSON.stringify(second)).readout, null);
    mbus.readout = readout;
    assert.equal(mbus.readout, readout);
  });

  it('gives an object made with Object.create(record) the record\'s readout', () => {
    const [record] = records();
    const child = Object.create(record) as StoredRecord;
    assert.deepEqual(child.readout?.dataSets.map((set) => set.address), ['F.F', '1.8.0']);
    assert.equal(child.readout, record.readout);
  });
});

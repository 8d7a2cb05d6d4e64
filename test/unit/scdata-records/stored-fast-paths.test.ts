/**
 * The shortcuts of toStoredRecord (stored-record.ts) give what the general way gives: the timestamp
 * from cached day and hour prefixes equals Date.prototype.toISOString, the protocol test without an
 * upper-cased copy and the blank-data test by the first character decide as the general rules do.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseScdataRecords } from '../../../src/smartcom/scdata';
import { toStoredRecord, type StoredRecord } from '../../../src/smartcom/stored-record';

function stored(unixTime: number, protocol = 'IEC62056-21', data = ''): StoredRecord {
  const [record] = parseScdataRecords([`^SCDATA: "AMS",${unixTime},1,"${protocol}",1,0,"","${data}"`]);
  return toStoredRecord(record, 'SN1');
}

const MAX_DATE_SECONDS = 8.64e12;

describe('stored record fast paths agree with the general way', () => {
  it('timestamp: equals toISOString for runs of nearby times anywhere in the Date range (property)', () => {
    const start = fc.integer({ min: -MAX_DATE_SECONDS, max: MAX_DATE_SECONDS - 200_000 });
    // Steps within and across minutes, hours and days, so that the cached prefixes are both hit and replaced.
    const steps = fc.array(fc.integer({ min: -90_000, max: 90_000 }), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(start, steps, (first, offsets) => {
      for (const offset of offsets) {
        const time = Math.max(-MAX_DATE_SECONDS, Math.min(MAX_DATE_SECONDS, first + offset));
        assert.equal(stored(time).timestamp, new Date(time * 1000).toISOString(), String(time));
      }
    }), { numRuns: 300 });
  });

  it('timestamp: hour, day and year boundaries, before 1970 and at the ends of the range', () => {
    const times = [0, -1, 3599, 3600, 86_399, 86_400, -86_400, -86_401, 253_402_300_799, 253_402_300_800, 1_700_000_000, MAX_DATE_SECONDS, -MAX_DATE_SECONDS];
    for (const time of [...times, ...times.reverse()]) assert.equal(stored(time).timestamp, new Date(time * 1000).toISOString(), String(time));
    assert.equal(stored(MAX_DATE_SECONDS + 1).timestamp, null);
  });

  it('data format: the protocol in any case, as the general table says', () => {
    const cases: [string, string][] = [['IEC62056-21', 'iec62056-21'], ['iec62056-21', 'iec62056-21'], ['Iec62056-21', 'iec62056-21'], ['MBUS', 'mbus-hex'], ['mbus', 'mbus-hex'], ['AIN_DIN', 'ain-din'], ['Unknown', 'raw'], ['constructor', 'raw'], ['IEC62056-2', 'raw']];
    for (const [protocol, format] of cases) assert.equal(stored(1, protocol).dataFormat, format, protocol);
  });

  it('readout: parsed when the data has anything but whitespace, also after leading whitespace; null when blank', () => {
    assert.deepEqual(stored(1, 'IEC62056-21', '1.8.0(1*kWh)').readout?.dataSets.map((set) => set.address), ['1.8.0']);
    assert.deepEqual(stored(1, 'IEC62056-21', '\n 1.8.0(1*kWh)').readout?.dataSets.map((set) => set.address), ['1.8.0']);
    assert.deepEqual(stored(1, 'IEC62056-21', '\u00a01.8.0(1*kWh)').readout?.dataSets.map((set) => set.address), ['1.8.0']);
    for (const blank of ['', ' ', '\n\t ', '\u00a0']) assert.equal(stored(1, 'IEC62056-21', blank).readout, null, JSON.stringify(blank));
    assert.equal(stored(1, 'MBUS', '1.8.0(1*kWh)').readout, null);
  });
});

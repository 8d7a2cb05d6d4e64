import assert from 'node:assert/strict';
import { parseDataBlock, parseReadout } from '../../../src/iec62056/readout';
import * as T from './telegrams';

describe('load profiles (P.01)', () => {
  const readout = parseReadout(T.LOAD_PROFILE_ANSWER);

  it('reads an R5 answer without `!` as a data block with a valid BCC', () => {
    assert.equal(readout.mode, 'data-block');
    assert.equal(readout.bcc?.valid, true);
    assert.deepEqual(readout.diagnostics, []);
  });

  it('keeps each header with its rows as one data set, repeated headers included', () => {
    assert.deepEqual(readout.dataSets.map((s) => [s.address, s.values.length]), [['P.01', 8 + 6], ['P.01', 8 + 4]]);
  });

  it('stamps rows from their own header: header time + interval x row index, with the season digit', () => {
    const [first, second] = readout.loadProfiles ?? [];
    assert.equal(first.start, '2024-03-10T12:00:00');
    assert.equal(first.season, 1);
    assert.equal(first.intervalMinutes, 15);
    assert.deepEqual(first.channels, [{ address: '1.5.0', unit: 'kW' }, { address: '2.5.0', unit: 'kW' }]);
    assert.deepEqual(first.rows.map((r) => [r.timestamp, r.values.map((v) => v.value)]), [
      ['2024-03-10T12:00:00', [0.512, 0]],
      ['2024-03-10T12:15:00', [0.498, 0]],
      ['2024-03-10T12:30:00', [0.505, 0.013]],
    ]);
    assert.equal(second.status, '00000008');
    assert.deepEqual(second.rows.map((r) => r.timestamp), ['2024-03-10T12:45:00', '2024-03-10T13:00:00']);
    assert.equal(second.position, T.LOAD_PROFILE_DATA.lastIndexOf('P.01') + 1);
  });

  it('marks UTC headers (season 2) with a Z and crosses midnight and month ends', () => {
    const block = parseDataBlock('P.01(22402292345)(00)(30)(1)(1.5.0)(kW)\r\n(1)\r\n(2)\r\n(3)\r\n');
    const profile = block.loadProfiles?.[0];
    assert.equal(profile?.season, 2);
    assert.deepEqual(profile?.rows.map((r) => r.timestamp), ['2024-02-29T23:45:00Z', '2024-03-01T00:15:00Z', '2024-03-01T00:45:00Z']);
  });

  it('reports leftover values that do not fill a row', () => {
    const block = parseDataBlock('P.01(1240310120000)(00)(15)(2)(1.5.0)(kW)(2.5.0)(kW)\r\n(1)(2)\r\n(3)\r\n');
    assert.equal(block.loadProfiles?.[0].rows.length, 1);
    assert.deepEqual(block.diagnostics.map((d) => d.code), ['LOAD_PROFILE_ROWS']);
  });

  it('reports a header with an impossible date and keeps the plain data set', () => {
    const block = parseDataBlock('P.01(1241310120000)(00)(15)(1)(1.5.0)(kW)\r\n(1)\r\n');
    assert.equal(block.loadProfiles, undefined);
    assert.deepEqual(block.diagnostics.map((d) => d.code), ['LOAD_PROFILE_HEADER']);
    assert.equal(block.dataSets[0].values.length, 7);
  });

  it('leaves P.98 event logs (empty interval) as plain data sets', () => {
    const block = parseDataBlock('P.98(1240310120000)(00)()(0)\r\n');
    assert.equal(block.loadProfiles, undefined);
    assert.deepEqual(block.diagnostics, []);
  });

  it('can be switched off', () => {
    assert.equal(parseReadout(T.LOAD_PROFILE_ANSWER, { loadProfiles: false }).loadProfiles, undefined);
  });
});

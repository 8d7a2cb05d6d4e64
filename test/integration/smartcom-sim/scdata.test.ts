import assert from 'node:assert/strict';
import type { SmartcomSimulator } from '../../../src/sim/smartcom';
import { linesOf } from './raw-client';
import { MINUTE, simulatorFixture } from './fixture';

/** Stores n records for meters 1..n (index i, error 0 for odd i, 65541 for even i), one second apart. */
function fillStore(sim: SmartcomSimulator, n: number): void {
  for (let i = 1; i <= n; i++) {
    sim.storeRecord({ time: 1463246880 + i, protocol: 'IEC62056-21', index: i, errorCode: i % 2 ? 0 : 65541, identification: 'ID', data: `1.8.0(${i})\r\n` });
  }
}

function seqs(answer: string): number[] {
  return [...answer.matchAll(/\^SCDATA: "AMS",\d+,(\d+),/g)].map((match) => Number(match[1]));
}

describe('SmartCOM simulator: AT^SCDATA', () => {
  const fixture = simulatorFixture();

  it('prints the FAQ listing on =?', async () => {
    const { client } = await fixture.session();
    assert.equal(await client.command('AT^SCDATA=?'),
      '^SCDATA: "MESS_CNT"\r\n^SCDATA: "GET_SPACE"\r\n^SCDATA: "GET_OLDEST"\r\n^SCDATA: "GET_FILTERED","0-150"\r\n^SCDATA: "DEL_OLDEST"\r\n^SCDATA: "DEL_ALL"\r\nOK\r\n');
  });

  it('counts messages in the keyword form by default and in the bare form as a variant', async () => {
    const keyword = await fixture.session();
    fillStore(keyword.sim, 5);
    assert.equal(await keyword.client.command('AT^SCDATA="MESS_CNT"'), '^SCDATA: "MESS_CNT",5\r\nOK\r\n');
    const bare = await fixture.session({ variants: { messCount: 'bare' } });
    fillStore(bare.sim, 5);
    assert.equal(await bare.client.command('at^scdata= "mess_cnt"'), '^SCDATA: 5\r\nOK\r\n');
  });

  it('reports free space as free slots x record size, in both forms', async () => {
    const keyword = await fixture.session({ capacity: 10, recordBytes: 100 });
    fillStore(keyword.sim, 3);
    assert.equal(await keyword.client.command('AT^SCDATA="GET_SPACE"'), '^SCDATA: "GET_SPACE",700\r\nOK\r\n');
    const bare = await fixture.session({ capacity: 10, recordBytes: 100, variants: { getSpace: 'bare' } });
    assert.equal(await bare.client.command('AT^SCDATA="GET_SPACE"'), '^SCDATA: 1000\r\nOK\r\n');
  });

  it('prints a scheduled IEC record exactly like the vendor capture, data with real line breaks', async () => {
    const { sim, client } = await fixture.session({ firstSeq: 48962 });
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","869551","3M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(3 * MINUTE);
    assert.equal(await client.command('AT^SCDATA="GET_OLDEST",1'),
      '^SCDATA: "AMS",1463247000,48962,"IEC62056-21",1,0,"ZE310.iv30_012","F.F(000000)\r\nC.1.0(04869551)\r\nC.90(869551)\r\n'
      + '1.8.0(0000004.8*kWh)\r\n1.8.1(0000002.7#kWh)\r\n1.8.2(0000002.1#kWh)\r\nC.9.3(12-04-24 09:01)\r\n0.4.2(001)\r\n"\r\nOK\r\n');
  });

  it('lists the n oldest without deleting them', async () => {
    const { sim, client } = await fixture.session();
    fillStore(sim, 4);
    assert.deepEqual(seqs(await client.command('AT^SCDATA="GET_OLDEST"')), [1]);
    assert.deepEqual(seqs(await client.command('AT^SCDATA="GET_OLDEST",3')), [1, 2, 3]);
    assert.deepEqual(seqs(await client.command('AT^SCDATA="GET_OLDEST",50')), [1, 2, 3, 4]);
    assert.equal(sim.records().length, 4);
    assert.equal(await client.command('AT^SCDATA="GET_OLDEST",0'), 'ERROR\r\n');
  });

  it('answers just OK when there is nothing stored', async () => {
    const { client } = await fixture.session();
    assert.equal(await client.command('AT^SCDATA="GET_OLDEST",5'), 'OK\r\n');
  });

  it('deletes exactly n oldest records and logs each deletion with its reason', async () => {
    const { sim, client } = await fixture.session();
    fillStore(sim, 5);
    assert.equal(await client.command('AT^SCDATA="DEL_OLDEST",2'), 'OK\r\n');
    assert.deepEqual(sim.records().map((record) => record.seq), [3, 4, 5]);
    assert.equal(await client.command('AT^SCDATA="DEL_OLDEST"'), 'OK\r\n');
    assert.deepEqual(sim.records().map((record) => record.seq), [4, 5]);
    assert.equal(await client.command('AT^SCDATA="DEL_ALL"'), 'OK\r\n');
    assert.equal(sim.records().length, 0);
    assert.deepEqual(sim.deletedRecords.map((deleted) => [deleted.record.seq, deleted.reason]),
      [[1, 'DEL_OLDEST'], [2, 'DEL_OLDEST'], [3, 'DEL_OLDEST'], [4, 'DEL_ALL'], [5, 'DEL_ALL']]);
    assert.equal(await client.command('AT^SCDATA="DEL_OLDEST",3'), 'OK\r\n', 'deleting from an empty store is fine');
  });

  it('overwrites the oldest record when the ring buffer is full, and logs it', async () => {
    const { sim, client } = await fixture.session({ capacity: 3 });
    fillStore(sim, 5);
    assert.deepEqual(sim.records().map((record) => record.seq), [3, 4, 5]);
    assert.deepEqual(sim.deletedRecords.map((deleted) => [deleted.record.seq, deleted.reason]), [[1, 'overwrite'], [2, 'overwrite']]);
    assert.equal(await client.command('AT^SCDATA="MESS_CNT"'), '^SCDATA: "MESS_CNT",3\r\nOK\r\n');
    assert.equal(await client.command('AT^SCDATA="GET_SPACE"'), '^SCDATA: "GET_SPACE",0\r\nOK\r\n');
  });

  describe('GET_FILTERED', () => {
    const cases: Array<[string, number[]]> = [
      ['RECORD_TYPE=AMS', [1, 2, 3, 4, 5, 6]],
      ['RECORD_TYPE=WMBUS', []],
      ['RECORD_TYPE!=WMBUS;INDEX=2', [2]],
      ['INDEX>=3;INDEX<5', [3, 4]],
      ['ERROR!=0', [2, 4, 6]],
      ['ERROR=65541;SEQ>3', [4, 6]],
      ['TIME<=1463246882', [1, 2]],
      ['time>1463246885;', [6]],
      ['', [1, 2, 3, 4, 5, 6]],
    ];
    for (const [filter, expected] of cases) {
      it(`"${filter}" selects records ${expected.join(',') || '(none)'}`, async () => {
        const { sim, client } = await fixture.session();
        fillStore(sim, 6);
        assert.deepEqual(seqs(await client.command(`AT^SCDATA="GET_FILTERED","${filter}"`)), expected);
      });
    }

    it('accepts the filter unquoted too', async () => {
      const { sim, client } = await fixture.session();
      fillStore(sim, 3);
      assert.deepEqual(seqs(await client.command('AT^SCDATA="GET_FILTERED",RECORD_TYPE=AMS;INDEX<3')), [1, 2]);
    });

    it('rejects malformed filters, more than 10 conditions and more than 150 characters', async () => {
      const { client } = await fixture.session();
      const eleven = Array.from({ length: 11 }, () => 'SEQ>0').join(';');
      const tooLong = `RECORD_TYPE=AMS;SEQ>${'0'.repeat(140)}`;
      assert.equal(await client.command(`AT^SCDATA="GET_FILTERED","${Array.from({ length: 10 }, () => 'SEQ>0').join(';')}"`), 'OK\r\n');
      for (const filter of [eleven, tooLong, 'RECORD_TYPE=XYZ', 'RECORD_TYPE<AMS', 'COLOR=1', 'INDEX=one', 'INDEX', 'INDEX==1', ';;']) {
        assert.equal(await client.command(`AT^SCDATA="GET_FILTERED","${filter}"`), 'ERROR\r\n', filter);
      }
      assert.equal(tooLong.length, 160);
    });
  });

  it('answers ERROR to unknown keywords and missing arguments', async () => {
    const { client } = await fixture.session();
    for (const command of ['AT^SCDATA="GET_NEWEST"', 'AT^SCDATA?', 'AT^SCDATA="GET_FILTERED"', 'AT^SCDATA="MESS_CNT",1', 'AT^SCDATA=MESS_CNT']) {
      assert.equal(await client.command(command), 'ERROR\r\n', command);
    }
  });

  it('lists multi-line records back to back so a quote-aware reader can split them', async () => {
    const { sim, client } = await fixture.session();
    fillStore(sim, 2);
    assert.deepEqual(linesOf(await client.command('AT^SCDATA="GET_OLDEST",2')), [
      '^SCDATA: "AMS",1463246881,1,"IEC62056-21",1,0,"ID","1.8.0(1)', '"',
      '^SCDATA: "AMS",1463246882,2,"IEC62056-21",2,65541,"ID","1.8.0(2)', '"',
      'OK',
    ]);
  });
});

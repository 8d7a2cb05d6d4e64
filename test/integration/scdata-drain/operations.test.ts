import assert from 'node:assert/strict';
import {
  deleteAllRecords, deleteOldestRecords, readFilteredRecords, readFreeSpace, readGatewayIdentity, readOldestRecords, readRecordCount,
} from '../../../src/smartcom/scdata-ops';
import { recordTypeCondition } from '../../../src/smartcom/scdata-commands';
import { expectMeterError } from '../../helpers/meter-error';
import { gatewayFixture } from '../smartcom-ops/fixture';
import { storeRecords } from './helpers';

describe('stored-record operations against the simulator (one lease each)', () => {
  const fixture = gatewayFixture();

  for (const variant of ['keyword', 'bare'] as const) {
    it(`reads the count and the free space from the ${variant} answer variant`, async () => {
      const { sim, run } = await fixture.start({ capacity: 10, recordBytes: 100, variants: { messCount: variant, getSpace: variant } });
      storeRecords(sim, 3);
      assert.deepEqual(await run(async (gateway) => [await readRecordCount(gateway), await readFreeSpace(gateway)]), [3, 700]);
    });
  }

  it('reads the oldest n without deleting, then deletes the oldest n, then all', async () => {
    const { sim, run, mark, sentSince } = await fixture.start();
    storeRecords(sim, 5);
    const from = mark();
    const oldest = await run((gateway) => readOldestRecords(gateway, 2, 'SN'));
    assert.deepEqual(oldest.map((record) => record.sequence), [1, 2]);
    assert.equal(sim.records().length, 5, 'GET_OLDEST deletes nothing');
    await run((gateway) => deleteOldestRecords(gateway, 2));
    assert.deepEqual(sim.records().map((record) => record.seq), [3, 4, 5]);
    await run((gateway) => deleteAllRecords(gateway));
    assert.equal(sim.records().length, 0);
    assert.deepEqual(sentSince(from), ['AT^SCDATA="GET_OLDEST",2', 'AT^SCDATA="DEL_OLDEST",2', 'AT^SCDATA="DEL_ALL"']);
  });

  it('filters by record type (the documented condition) and passes other conditions as written', async () => {
    const { sim, run, mark, sentSince } = await fixture.start();
    storeRecords(sim, 4);
    const from = mark();
    assert.equal((await run((gateway) => readFilteredRecords(gateway, recordTypeCondition('ams'), 'SN'))).length, 4);
    assert.deepEqual((await run((gateway) => readFilteredRecords(gateway, 'RECORD_TYPE=AMS;SEQ>2', 'SN'))).map((r) => r.sequence), [3, 4]);
    assert.deepEqual(sentSince(from), ['AT^SCDATA="GET_FILTERED","RECORD_TYPE=AMS"', 'AT^SCDATA="GET_FILTERED","RECORD_TYPE=AMS;SEQ>2"']);
  });

  const badFilters: [string, string][] = [
    ['151 characters', `RECORD_TYPE=AMS;${'X'.repeat(135)}`],
    ['11 conditions', Array(11).fill('SEQ>1').join(';')],
    ['a double quote', 'RECORD_TYPE="AMS"'],
    ['a CR', 'RECORD_TYPE=AMS\rAT^SCDATA="DEL_ALL"'],
    ['a LF', 'RECORD_TYPE=AMS\n'],
    ['a control character', 'RECORD_TYPE=AMS\x01'],
  ];
  for (const [what, filter] of badFilters) {
    it(`refuses a filter with ${what} (E_BAD_ARGUMENT) and writes nothing`, async () => {
      const { run, mark, sentSince } = await fixture.start();
      const from = mark();
      const error = await expectMeterError(run((gateway) => readFilteredRecords(gateway, filter, 'SN')), 'E_BAD_ARGUMENT');
      assert.equal(error.details.field, 'filter');
      assert.deepEqual(sentSince(from), []);
    });
  }

  it('identifies the gateway by the serial number ATI4 reports, else by the fallback', async () => {
    const { sim, run } = await fixture.start({ serialNumber: '54-1234-5678' });
    assert.equal(await run((gateway) => readGatewayIdentity(gateway, 'tcp:x')), '54-1234-5678');
    sim.failCommand(/^ATI4$/i);
    assert.equal(await run((gateway) => readGatewayIdentity(gateway, 'tcp:x')), 'tcp:x');
  });
});

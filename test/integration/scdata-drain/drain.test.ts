import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { RecordDrain, drainRecords, eachRecord, type DrainCheckpointState } from '../../../src/smartcom/drain';
import { expectMeterError } from '../../helpers/meter-error';
import { gatewayFixture } from '../smartcom-ops/fixture';
import { assertOnlyDeliveredDeleted, deletedByDrain, range, recorder, storeRecords } from './helpers';

describe('drainRecords against the simulator: deletes exactly what was delivered', () => {
  const fixture = gatewayFixture();

  it('delivers every record oldest first, deletes exactly those, and leaves the store empty', async () => {
    const { sim, connection } = await fixture.start({ serialNumber: 'SN-42' });
    storeRecords(sim, 23);
    const seen = recorder();
    const result = await drainRecords(connection, seen.deliver, { batchSize: 5 });
    assert.deepEqual(seen.delivered(), range(1, 23));
    assert.deepEqual(deletedByDrain(sim), range(1, 23));
    assert.equal(sim.records().length, 0);
    assert.equal(seen.records[0].key, `SN-42:1:${seen.records[0].unixTime}`, 'keys carry the serial number ATI4 reports');
    assert.deepEqual({ stopped: result.stopped, delivered: result.delivered, deleted: result.deleted, total: result.total, gaps: result.gaps },
      { stopped: 'empty', delivered: 23, deleted: 23, total: 23, gaps: [] });
  });

  it('sends one read per lease and confirms the oldest record in the same lease as the delete', async () => {
    const { sim, connection, mark, sentSince } = await fixture.start();
    storeRecords(sim, 3);
    const from = mark();
    await drainRecords(connection, recorder().deliver, { batchSize: 3 });
    assert.deepEqual(sentSince(from), [
      'ATI4', 'AT^SCDATA="MESS_CNT"',
      'AT^SCDATA="GET_OLDEST",3',
      'AT^SCDATA="GET_SPACE"', 'AT^SCDATA="GET_OLDEST",1', 'AT^SCDATA="DEL_OLDEST",3',
      'AT^SCDATA="GET_OLDEST",3',
    ]);
  });

  it('keeps the 7th record and everything after it when delivery fails there; 1-6 are deleted', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 20);
    const failure = new Error('database refused record 7');
    const delivered: number[] = [];
    const deliver = eachRecord((record) => {
      if (record.sequence === 7) throw failure;
      delivered.push(record.sequence ?? -1);
    });
    await assert.rejects(drainRecords(connection, deliver, { batchSize: 5 }), (error) => error === failure);
    assert.deepEqual(delivered, range(1, 6));
    assert.deepEqual(deletedByDrain(sim), range(1, 6));
    assert.deepEqual(sim.records().map((record) => record.seq), range(7, 20));
  });

  it('ends after deliver resolves with fewer than it was given, deleting only those', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 10);
    const result = await drainRecords(connection, () => 2, { batchSize: 4 });
    assert.equal(result.stopped, 'partial');
    assert.deepEqual(deletedByDrain(sim), [1, 2]);
  });

  it('stops at maxRecords, and after the current round on stop() or an aborted signal', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 30);
    assert.equal((await drainRecords(connection, recorder().deliver, { batchSize: 4, maxRecords: 6 })).stopped, 'max');
    assert.deepEqual(deletedByDrain(sim), range(1, 6));
    const drain: RecordDrain = new RecordDrain(connection, recorder(() => drain.stop()).deliver, { batchSize: 4 });
    assert.equal((await drain.run()).stopped, 'stopped');
    assert.deepEqual(deletedByDrain(sim), range(1, 10), 'the round that was running is still deleted');
    const controller = new AbortController();
    await drainRecords(connection, recorder(() => controller.abort()).deliver, { batchSize: 4, signal: controller.signal });
    assert.deepEqual(deletedByDrain(sim), range(1, 14));
  });

  it('refuses a second drain of the same gateway while one runs (E_BUSY), and allows it afterwards', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 4);
    let second: Promise<unknown> | undefined;
    const first = drainRecords(connection, recorder(() => {
      second ??= drainRecords(connection, recorder().deliver).catch((error: unknown) => Promise.reject(error));
      second.catch(() => undefined); // observed below; no unhandled-rejection warning meanwhile
    }).deliver, { batchSize: 2 });
    await first;
    await expectMeterError(second as Promise<unknown>, 'E_BUSY');
    storeRecords(sim, 1);
    assert.equal((await drainRecords(connection, recorder().deliver)).delivered, 1);
  });

  it('after a failure between delivery and delete, the next drain deletes the delivered records without delivering them again (checkpoint)', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 8);
    let saved: DrainCheckpointState | undefined;
    const checkpoint = { load: () => saved && structuredClone(saved), save: (state: DrainCheckpointState) => void (saved = structuredClone(state)) };
    sim.failCommand(/DEL_OLDEST/i, { times: 1 });
    const seen = recorder();
    await expectMeterError(drainRecords(connection, seen.deliver, { batchSize: 5, checkpoint }), 'E_AT_ERROR');
    assert.deepEqual(deletedByDrain(sim), [], 'the crash: delivered, not deleted');
    await drainRecords(connection, seen.deliver, { batchSize: 5, checkpoint });
    assert.deepEqual([...seen.deliveries.values()].map((keys) => keys.length), Array(8).fill(1), 'each record delivered once');
    assertOnlyDeliveredDeleted(sim, seen.delivered());
    assert.equal(sim.records().length, 0);
    assert.deepEqual(saved?.keys, []);
  });

  it('reports records lost between two drains as a gap (checkpoint keeps the last sequence)', async () => {
    const { sim, connection } = await fixture.start({ capacity: 5 });
    let saved: DrainCheckpointState | undefined;
    const checkpoint = { load: () => saved, save: (state: DrainCheckpointState) => void (saved = state) };
    storeRecords(sim, 3);
    await drainRecords(connection, recorder().deliver, { checkpoint });
    storeRecords(sim, 8); // seq 4-11 into 5 slots: 4, 5, 6 overwritten unread
    const gaps: unknown[] = [];
    const result = await drainRecords(connection, recorder().deliver, { checkpoint, onGap: (gap) => gaps.push(gap) });
    assert.deepEqual(result.gaps, [{ type: 'AMS', lostFrom: 4, lostTo: 6, count: 3 }]);
    assert.deepEqual(gaps, result.gaps);
    assert.equal(result.lost, 3);
    assert.equal(sim.records().length, 0, 'the last round deletes the record held back while the store was full');
  });

  it('counts a failed lease as a failure of the drain when retries run out, with the figures so far', async () => {
    const { sim, connection } = await fixture.start();
    storeRecords(sim, 4);
    sim.failCommand(/GET_OLDEST/i, { times: 100 });
    const drain: RecordDrain = new RecordDrain(connection, recorder().deliver, { retries: 2 });
    const error = await expectMeterError(drain.run(), 'E_AT_ERROR');
    assert.ok(error instanceof MeterError);
    assert.equal(drain.snapshot().deleted, 0);
    assert.equal(sim.records().length, 4);
  });
});

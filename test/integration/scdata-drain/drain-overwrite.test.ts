import assert from 'node:assert/strict';
import type { SmartcomSimulator } from '../../../src/sim/smartcom';
import { drainRecords } from '../../../src/smartcom/drain';
import { gatewayFixture } from '../smartcom-ops/fixture';
import { assertOnlyDeliveredDeleted, deletedByDrain, overwritten, range, recorder, storeRecords } from './helpers';

const MINUTE = 60_000;

/** Stores `perDelete` records the moment each DEL_OLDEST arrives while the store is full: overwrites inside the drain's window. */
function overwriteInTheWindow(sim: SmartcomSimulator, perDelete: number): void {
  sim.on('command', (entry: { line: string }) => {
    if (!/DEL_OLDEST/i.test(entry.line) || sim.store.free > 0) return;
    storeRecords(sim, perDelete);
  });
}

describe('drainRecords while the ring buffer overwrites (small capacity, scheduler on a manual clock)', () => {
  const fixture = gatewayFixture();

  it('deletes no undelivered record and reports exactly the records overwritten before they were read', async () => {
    // An instant meter: the real IEC session of the default one takes ~200 ms per readout.
    const meterReader = async () => ({ ok: true as const, identification: 'ZE310', data: '1.8.0(0000004.8*kWh)\r\n' });
    const { sim, connection } = await fixture.start({ capacity: 12, meterReader });
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '1M' });
    storeRecords(sim, 12);
    sim.setAmsEnabled(true);
    let round = 0;
    // While the drain delivers, the scheduler stores: 6 readouts in round 1 (overwriting 1-6, of
    // which 1-4 are being delivered), 3 in round 2, then AMS is switched off.
    const seen = recorder(async () => {
      round += 1;
      if (round === 1) await sim.advanceClock(6 * MINUTE);
      if (round === 2) await sim.advanceClock(3 * MINUTE);
      if (round === 2) sim.setAmsEnabled(false);
    });
    const result = await drainRecords(connection, seen.deliver, { batchSize: 4 });

    const lostUnread = overwritten(sim).filter((seq) => !seen.deliveries.has(seq));
    assert.deepEqual(lostUnread, [5, 6], 'the scheduler overwrote 1-6 while 1-4 were being delivered');
    assert.deepEqual(result.gaps, [{ type: 'AMS', lostFrom: 5, lostTo: 6, count: 2 }]);
    assert.ok(result.restarts >= 1, 'the confirm saw the oldest record change and deleted nothing that round');
    assertOnlyDeliveredDeleted(sim, seen.delivered());
    const everyRecord = range(1, 21);
    assert.deepEqual([...seen.delivered(), ...lostUnread].sort((a, b) => a - b), everyRecord, 'every record delivered or reported lost');
    assert.ok([...seen.deliveries.values()].every((keys) => keys.length === 1), 'none delivered twice');
    assert.equal(sim.records().length, 0);
  });

  it('holds back one delivered record while the store is full, so a store between confirm and delete takes only delivered ones', async () => {
    const { sim, connection } = await fixture.start({ capacity: 10 });
    storeRecords(sim, 10);
    overwriteInTheWindow(sim, 1);
    const seen = recorder();
    const result = await drainRecords(connection, seen.deliver, { batchSize: 4 });
    assert.ok(overwritten(sim).length >= 1, 'the window was hit');
    assertOnlyDeliveredDeleted(sim, seen.delivered());
    assert.deepEqual(result.gaps, []);
    assert.deepEqual(seen.delivered(), range(1, 10 + overwritten(sim).length), 'the overwritten ones had been delivered: nothing lost');
  });

  it('without the guard the same store deletes an undelivered record, and the drain reports it (the window the gateway leaves)', async () => {
    const { sim, connection } = await fixture.start({ capacity: 10 });
    storeRecords(sim, 10);
    overwriteInTheWindow(sim, 1);
    const seen = recorder();
    const result = await drainRecords(connection, seen.deliver, { batchSize: 4, overwriteGuard: 0 });
    const undeliveredDeleted = deletedByDrain(sim).filter((seq) => !seen.deliveries.has(seq));
    assert.deepEqual(undeliveredDeleted, [5], 'DEL_OLDEST 4 after 1 was overwritten took 2-5');
    assert.deepEqual(result.gaps, [{ type: 'AMS', lostFrom: 5, lostTo: 5, count: 1 }], 'never silently');
  });

  it('two stores in one window exceed a guard of one: one undelivered record goes, reported; a guard of two covers it', async () => {
    for (const [guard, lost] of [[1, 1], [2, 0]]) {
      const { sim, connection } = await fixture.start({ capacity: 10 });
      storeRecords(sim, 10);
      overwriteInTheWindow(sim, 2);
      const seen = recorder();
      const result = await drainRecords(connection, seen.deliver, { batchSize: 4, overwriteGuard: guard });
      const undeliveredDeleted = deletedByDrain(sim).filter((seq) => !seen.deliveries.has(seq));
      assert.equal(undeliveredDeleted.length, lost, `guard ${guard}`);
      assert.equal(result.lost, lost, `guard ${guard}: reported`);
    }
  });
});

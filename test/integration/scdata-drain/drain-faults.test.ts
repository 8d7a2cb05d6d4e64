import assert from 'node:assert/strict';
import { drainRecords } from '../../../src/smartcom/drain';
import { gatewayFixture } from '../smartcom-ops/fixture';
import { assertOnlyDeliveredDeleted, range, recorder, storeRecords } from './helpers';

describe('drainRecords while the gateway drops the connection', () => {
  const fixture = gatewayFixture();

  // retries 3: each drain rides out the drops; retries 0: every drop ends a drain and the next
  // one (no checkpoint) delivers again what was delivered but not yet deleted.
  for (const retries of [3, 0]) {
    it(`2,000 records, a drop about every 50 commands (retries ${retries}): every record delivered, none deleted undelivered, repeats keep their key`, async () => {
      const { sim, connection } = await fixture.start({ capacity: 2500 });
      storeRecords(sim, 2000);
      // Deterministic "about every 50": every 50th command is dropped on arrival (it still runs,
      // its answer is lost: a DEL_OLDEST may delete without our knowing).
      let commands = 0;
      sim.on('command', () => {
        commands += 1;
        if (commands % 50 === 0) sim.dropConnections();
      });
      const seen = recorder();
      let drains = 0;
      // A drain that runs out of retries ends with an error; like a scheduled drain, the next one picks up.
      while (sim.records().length > 0 && drains < 100) {
        drains += 1;
        await drainRecords(connection, seen.deliver, { batchSize: 20, retries, leaseTimeoutMs: 10_000 }).catch(() => undefined);
      }
      assert.ok(commands >= 400 && sim.acceptedConnections >= Math.floor(commands / 50), `${commands} commands, ${sim.acceptedConnections} connections`);
      assert.deepEqual(seen.delivered(), range(1, 2000), 'every sequence delivered at least once');
      assertOnlyDeliveredDeleted(sim, seen.delivered());
      const repeated = [...seen.deliveries.values()].filter((keys) => keys.length > 1);
      if (retries === 0) assert.ok(repeated.length > 0 && drains > 1, 'this variant does deliver records again');
      for (const keys of repeated) assert.equal(new Set(keys).size, 1, `${keys[0]} delivered again under another key`);
      assert.equal(sim.records().length, 0);
    });
  }
});

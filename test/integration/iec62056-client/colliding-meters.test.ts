import assert from 'node:assert/strict';
import { Iec62056Client } from '../../../src/iec62056/client';
import { COLLISION_HINT } from '../../../src/iec62056/client/collision';
import { MeterSimulator, meterProfile } from '../../../src/sim/meter';
import { createMemoryLinkPair, type MemoryLink } from '../../../src/transport/memory';
import { expectMeterError } from '../../helpers/meter-error';

/**
 * Two meters on one in-memory bus, as on an RS-485 line or a shared optical tunnel. They pace their bytes at
 * the line speed (300 Bd), so two answers sent at the same time arrive interleaved, as they overlap on a wire.
 */
async function twoMetersOnOneBus(): Promise<{ client: MemoryLink; meters: MeterSimulator[]; stop(): Promise<void> }> {
  const [client, bus] = createMemoryLinkPair('shared-bus');
  await client.open();
  await bus.open();
  const meters = [
    new MeterSimulator(meterProfile('modeC', { address: '11111111' }), { reactionTimeMs: 20 }),
    new MeterSimulator(meterProfile('programming', { address: '22222222' }), { reactionTimeMs: 20 }),
  ];
  for (const meter of meters) meter.attach(bus);
  return {
    client,
    meters,
    async stop() {
      for (const meter of meters) meter.stop();
      await client.close();
    },
  };
}

/** Short waits: the test is about what the client says, not the protocol's default patience. */
const QUICK = { retries: 0, maxReactionTimeMs: 300, charTimeoutMs: 300 } as const;

describe('Iec62056Client: several meters answering one request at once', function () {
  this.timeout(20_000);

  it('a request without an address makes both meters answer; the error says to give the address', async () => {
    const bus = await twoMetersOnOneBus();
    try {
      const error = await expectMeterError(new Iec62056Client(bus.client, QUICK).readout(), 65793);
      assert.equal(error.details.stage, 'identification');
      assert.equal(error.hint, COLLISION_HINT);
      assert.match(error.hint ?? '', /several meters may be answering at once: give the meter's address/i);
      assert.ok(typeof error.details.collision === 'string', 'details.collision names the sign');
      assert.deepEqual(bus.meters.map((meter) => meter.sessionsStarted), [1, 1], 'both meters answered');
    } finally {
      await bus.stop();
    }
  });

  it('with the address, only that meter answers and the readout succeeds', async () => {
    const bus = await twoMetersOnOneBus();
    try {
      const result = await new Iec62056Client(bus.client, QUICK).readout({ address: '22222222' });
      assert.equal(result.identification.manufacturer, 'EMH');
      assert.deepEqual(bus.meters.map((meter) => meter.sessionsStarted), [0, 1]);
    } finally {
      await bus.stop();
    }
  });
});

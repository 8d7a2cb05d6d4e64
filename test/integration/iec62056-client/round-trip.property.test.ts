import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Iec62056Client } from '../../../src/iec62056/client';
import { formatDataBlock } from '../../../src/iec62056/readout';
import { MeterSimulator, meterProfile } from '../../../src/sim/meter';
import { createMemoryLinkPair } from '../../../src/transport/memory';
import { dataSetsArb } from '../../unit/iec62056-readout/generators';

describe('simulator -> Iec62056Client -> parser round trip (property, in memory, unpaced)', function () {
  this.timeout(120_000);

  it('returns any generated valid readout unchanged, with a valid BCC', async () => {
    await fc.assert(
      fc.asyncProperty(dataSetsArb, fc.constantFrom('modeA', 'modeB', 'modeC', 'modeE'), async (dataSets, profileName) => {
        const profile = meterProfile(profileName, { dataBlock: formatDataBlock(dataSets) });
        const simulator = new MeterSimulator(profile, { pacing: false, reactionTimeMs: 0 });
        const [clientEnd, meterEnd] = createMemoryLinkPair('round-trip');
        await clientEnd.open();
        await meterEnd.open();
        simulator.attach(meterEnd);
        try {
          const result = await new Iec62056Client(clientEnd, { reactionTimeMs: 0, retries: 0 }).readout();
          assert.equal(result.bcc?.valid, true);
          assert.deepEqual(result.readout.dataSets, dataSets);
          assert.deepEqual(result.readout.diagnostics.filter((d) => d.code !== 'METER_ERROR_VALUE'), []);
        } finally {
          simulator.stop();
          await clientEnd.close();
        }
      }),
      { numRuns: 50 },
    );
  });
});

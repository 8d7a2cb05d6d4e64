import assert from 'node:assert/strict';
import { meterProfile } from '../../../src/sim/meter';
import { clientFor, SIM_OPTIONS, startRig } from './sim-fixtures';

describe('checksum reports of a session with the meter simulator', function () {
  this.timeout(30_000);

  it('reads the modeA (Kamstrup) profile and reports the 7-bit sum it matched as the expected BCC', async () => {
    const profile = meterProfile('modeA');
    const rig = await startRig('tcp', profile, SIM_OPTIONS);
    try {
      const result = await clientFor(rig).readout({ address: profile.address });
      assert.equal(result.bcc?.algorithm, 'sum7');
      assert.equal(result.bcc?.valid, true);
      assert.equal(result.bcc?.expected, result.bcc?.received);
      assert.deepEqual(result.readout.bcc, result.bcc);
    } finally {
      await rig.stop();
    }
  });

  it('listens to the dsmr profile and reports its CRC as two numbers', async () => {
    const profile = meterProfile('dsmr');
    const rig = await startRig('tcp', profile, SIM_OPTIONS);
    try {
      const crc = (await clientFor(rig).listen({ baudRate: profile.push?.baudRate })).readout.crc;
      assert.equal(crc?.valid, true);
      assert.equal(typeof crc?.received, 'number');
      assert.equal(crc?.received, crc?.expected);
    } finally {
      await rig.stop();
    }
  });
});

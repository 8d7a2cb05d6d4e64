import assert from 'node:assert/strict';
import { meterProfile, meterProfileNames, profileMode } from '../../../src/sim/meter';
import { baudChanges, clientFor, framesHeard, SIM_OPTIONS, startRig, type Transport, waitFor } from './sim-fixtures';

const BREAK = '<SOH>B0<ETX>q';

for (const transport of ['tcp', 'pty'] as Transport[]) {
  describe(`Iec62056Client reads every simulator profile over ${transport === 'tcp' ? 'TCP' : 'a socat pty (SerialLink)'}`, function () {
    this.timeout(30_000);

    for (const name of meterProfileNames()) {
      const profile = meterProfile(name);
      const mode = profileMode(profile);
      it(`reads the ${name} profile (mode ${mode}) and gets back exactly the simulator's data sets`, async () => {
        const rig = await startRig(transport, profile, SIM_OPTIONS);
        try {
          const client = clientFor(rig);
          const result = mode === 'D' ? await client.listen({ baudRate: profile.push?.baudRate }) : await client.readout({ address: profile.address });
          assert.equal(result.mode, mode === 'E' ? 'C' : mode);
          assert.equal(result.identification.identification, profile.identification.identification);
          assert.deepEqual(result.readout.diagnostics, []);
          const expected = profile.dataBlock.split('\r\n').filter((line) => line.length > 0).length;
          assert.equal(result.readout.dataSets.length, expected);
          if (mode !== 'D') assert.equal(result.bcc?.valid, true);
          if (mode === 'C' || mode === 'E') assert.equal(result.baudRate, 9600);
        } finally {
          await rig.stop();
        }
      });
    }

    it('reads registers and the P.01 load profile in programming mode, and ends with B0', async () => {
      const profile = meterProfile('programming');
      const rig = await startRig(transport, profile, SIM_OPTIONS);
      try {
        const result = await clientFor(rig).program({
          address: profile.address,
          password: profile.programming?.password,
          registers: ['1.8.0', '0.0.0', '99.99.99'],
          loadProfile: { from: '', to: '' },
        });
        assert.equal(result.passwordAccepted, true);
        assert.equal(result.operand, profile.programming?.operand);
        assert.equal(result.registers[0].bcc.valid, true);
        assert.ok(result.registers[0].readout.values['1.8.0']);
        assert.equal(result.registers[2].error, profile.programming?.errorCode);
        assert.ok((result.loadProfile?.readout.loadProfiles ?? []).length > 0);
        await waitFor(() => framesHeard(rig.simulator).includes(BREAK));
        const heard = framesHeard(rig.simulator);
        assert.equal(heard.at(-1), BREAK);
        assert.ok(heard.some((text) => text.startsWith('<SOH>P1')));
        assert.deepEqual(baudChanges(rig.simulator).slice(0, 1), [9600]);
      } finally {
        await rig.stop();
      }
    });
  });
}

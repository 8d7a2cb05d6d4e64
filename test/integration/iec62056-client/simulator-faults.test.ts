import assert from 'node:assert/strict';
import { meterProfile, type MeterFaults } from '../../../src/sim/meter';
import { baudChanges, clientFor, errorOf, framesHeard, type MeterRig, SIM_OPTIONS, startRig, waitFor } from './sim-fixtures';

const BREAK = '<SOH>B0<ETX>q';

async function withMeter(faults: MeterFaults, body: (rig: MeterRig) => Promise<void>, profileName = 'modeC'): Promise<void> {
  const rig = await startRig('tcp', meterProfile(profileName), { ...SIM_OPTIONS, faults });
  try {
    await body(rig);
  } finally {
    await rig.stop();
  }
}

describe('Iec62056Client against simulator faults (TCP)', function () {
  this.timeout(60_000);

  it('survives an echoing optical head and reports the echo', () =>
    withMeter({ echo: true }, async (rig) => {
      const result = await clientFor(rig).readout();
      assert.equal(result.echoDetected, true);
      assert.equal(result.bcc?.valid, true);
    }));

  it('survives garbage before the identification', () =>
    withMeter({ garbage: 'before' }, async (rig) => {
      const result = await clientFor(rig).readout();
      assert.equal(result.identification.manufacturer, 'LGZ');
    }));

  it('reports garbage instead of an identification as 65541', () =>
    withMeter({ garbage: 'instead' }, async (rig) => {
      const error = await errorOf(clientFor(rig).readout({ retries: 0, maxReactionTimeMs: 500 }));
      assert.equal(error.code, 65541);
    }));

  it('reports a silent meter as 65541 after every retry', () =>
    withMeter({ silence: true }, async (rig) => {
      const error = await errorOf(clientFor(rig).readout({ retries: 1, maxReactionTimeMs: 500 }));
      assert.equal(error.code, 65541);
      assert.equal(error.details.attempts, 2);
      assert.equal(rig.simulator.log.entries.filter((e) => e.type === 'event' && e.name === 'request-ignored').length, 2);
    }));

  it('fails a bad BCC with 66053 and sends B0 after the error', () =>
    withMeter({ badBcc: true }, async (rig) => {
      const error = await errorOf(clientFor(rig).readout({ retries: 0 }));
      assert.equal(error.code, 66053);
      await waitFor(() => framesHeard(rig.simulator).includes(BREAK));
      assert.equal(framesHeard(rig.simulator).at(-1), BREAK);
    }));

  it('reports a readout cut off in the middle as a character time-out (65545)', () =>
    withMeter({ cutOff: 0.5 }, async (rig) => {
      const error = await errorOf(clientFor(rig).readout({ retries: 0, charTimeoutMs: 300 }));
      assert.equal(error.code, 65545);
      assert.equal(error.details.stage, 'data');
      assert.ok(Number(error.details.bytesReceived) > 100);
    }));

  it('retries with a lower speed, then without a switch, when the meter refuses to change speed', () =>
    withMeter({ refuseBaudSwitch: true }, async (rig) => {
      const result = await clientFor(rig).readout({ maxReactionTimeMs: 500 });
      assert.equal(result.attempts, 3);
      assert.equal(result.baudRate, 300);
      const options = framesHeard(rig.simulator).filter((text) => text.startsWith('<ACK>'));
      assert.deepEqual(options, ['<ACK>050<CR><LF>', '<ACK>040<CR><LF>', '<ACK>000<CR><LF>']);
    }));

  it('needs the wake-up for a battery meter, and reads it with one', () =>
    withMeter({ wakeUpRequired: true }, async (rig) => {
      const error = await errorOf(clientFor(rig).readout({ retries: 0, maxReactionTimeMs: 500 }));
      assert.equal(error.code, 65541);
      assert.match(error.hint ?? '', /wake-up/);
      const result = await clientFor(rig).readout({ wakeUp: { nulMs: 1500, pauseMs: 50 } });
      assert.equal(result.bcc?.valid, true);
    }));

  it('with a fixed speed confirms it in the option select and changes no speed anywhere', () =>
    withMeter({}, async (rig) => {
      const calls: number[] = [];
      rig.link.setBaudRate = async (rate: number) => void calls.push(rate);
      const result = await clientFor(rig).readout({ fixedBaudRate: 300 });
      assert.equal(result.baudRate, 300);
      assert.deepEqual(calls, []);
      assert.deepEqual(baudChanges(rig.simulator), []);
      assert.ok(framesHeard(rig.simulator).includes('<ACK>000<CR><LF>'));
    }));

  it('fails a wrong password with E_PASSWORD_REJECTED and still ends with B0', () =>
    withMeter({}, async (rig) => {
      const error = await errorOf(clientFor(rig).program({ password: 'wrong-pw', registers: ['1.8.0'] }));
      assert.equal(error.code, 'E_PASSWORD_REJECTED');
      assert.ok(!JSON.stringify(error.toJSON()).includes('wrong-pw'));
      await waitFor(() => framesHeard(rig.simulator).includes(BREAK));
      assert.equal(framesHeard(rig.simulator).at(-1), BREAK);
    }, 'programming'));

  it('reads a load profile sent in partial blocks (EOT, ACK for the next)', async () => {
    const profile = meterProfile('programming', { programming: { partialBlockBytes: 64 } });
    const rig = await startRig('tcp', profile, SIM_OPTIONS);
    try {
      const result = await clientFor(rig).program({ password: profile.programming?.password, loadProfile: { from: '', to: '' } });
      assert.ok((result.loadProfile?.blocks ?? 0) > 1);
      assert.equal(result.loadProfile?.bcc.valid, true);
      assert.ok((result.loadProfile?.readout.loadProfiles?.[0]?.rows.length ?? 0) > 0);
    } finally {
      await rig.stop();
    }
  });
});

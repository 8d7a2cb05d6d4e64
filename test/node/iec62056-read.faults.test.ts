import assert from 'node:assert/strict';
import { meterProfile, type MeterFaults, type MeterSimServer } from '../../src/sim/meter';
import type { MeterPayload } from '../../src/meter-payload';
import { caughtCode, directTcp, FAST_IEC_RECONNECT, IEC_MODULES, node, read, readerFlow, startMeter } from './fixtures/iec-read';
import { helper, initHelper } from './fixtures/setup';
import { lastStatus } from './fixtures/wait';

/** Each simulator fault, the IEC 62056-21 code the flow must see, and a word the hint must contain. */
const FAULTS: { name: string; faults: MeterFaults; code: number; hint: RegExp }[] = [
  { name: 'silence', faults: { silence: true }, code: 65541, hint: /probe position/ },
  { name: 'bad BCC', faults: { badBcc: true }, code: 66053, hint: /maxBaudRate/ },
  { name: 'cut-off', faults: { cutOff: 0.5 }, code: 65545, hint: /cable/ },
  { name: 'refused baud switch', faults: { refuseBaudSwitch: true }, code: 65543, hint: /switchDelayMs/ },
  { name: 'garbage instead of the identification', faults: { garbage: 'instead' }, code: 65541, hint: /parity/ },
];

describe('iec62056-read: meter faults reach a Catch node with the IEC 62056-21 code', function () {
  let server: MeterSimServer | undefined;
  let meterPort = 0;

  before(initHelper);
  beforeEach(async () => {
    helper.settings(FAST_IEC_RECONNECT);
    const meter = await startMeter(meterProfile('modeC'));
    server = meter.server;
    meterPort = meter.port;
    await helper.load(IEC_MODULES, readerFlow(directTcp(meter.port, { address: '12345678' })));
  });
  afterEach(async () => {
    await helper.unload();
    await server?.stop();
    server = undefined;
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: code ${fault.code} with a hint, red status, and the next read on the same node succeeds`, async function () {
      server?.simulator.setFaults(fault.faults);
      const failure = await caughtCode({ topic: 'kept' });
      assert.equal(failure.code, fault.code, failure.message);
      assert.match(failure.message, fault.hint);
      assert.equal(failure.msg.topic, 'kept', 'the Catch node gets the input msg');
      assert.equal(lastStatus(node('r1')), 'iec62056-read.status.error');
      server?.simulator.setFaults({});
      const payload = (await read()).payload as MeterPayload;
      assert.equal(payload.values['1.8.0'].value, 4521.337);
    });
  }

  it('a read timeout (E_TIMEOUT) fails alone and leaves no queue stuck: the next read succeeds', async function () {
    await helper.unload();
    await helper.load(IEC_MODULES, readerFlow(directTcp(meterPort, { address: '12345678', timeout: 1 })));
    server?.simulator.setFaults({ silence: true }); // no answer within 1.5 s: the 1 s read timeout comes first
    const failure = await caughtCode();
    assert.equal(failure.code, 'E_TIMEOUT', failure.message);
    server?.simulator.setFaults({});
    assert.equal(((await read()).payload as MeterPayload).values['1.8.0'].value, 4521.337);
  });
});

import assert from 'node:assert/strict';
import { createSimulatedMeterReader } from '../../../src/sim/ams-meter-reader';
import { meterProfile } from '../../../src/sim/meter';

describe('createSimulatedMeterReader (the SmartCOM simulator AMS reading simulated meters with the client)', () => {
  const reader = createSimulatedMeterReader([
    { address: '11111111', profile: meterProfile('modeC') },
    { address: '22222222', profile: meterProfile('modeA') },
  ]);

  it('reads the addressed meter: identification and its data lines', async () => {
    const result = await reader({ port: 2, protocol: 'IEC62056-21', address: '22222222' });
    assert.ok(result.ok);
    assert.equal(result.identification, 'MC');
    assert.equal(result.data, meterProfile('modeA').dataBlock.replace(/(\r\n)?$/, '\r\n'));
    const other = await reader({ port: 2, protocol: 'IEC62056-21', address: '11111111' });
    assert.ok(other.ok);
    assert.match(other.data, /1\.8\.0\(004521\.337\*kWh\)/);
  });

  it('answers an unknown address with the client code 65541 (nobody answered)', async () => {
    assert.deepEqual(await reader({ port: 2, protocol: 'IEC62056-21', address: '99999999' }), { ok: false, errorCode: 65541 });
  });

  it('answers a bad address with 65538 and another protocol with 3', async () => {
    assert.deepEqual(await reader({ port: 2, protocol: 'IEC62056-21', address: 'bad(address)' }), { ok: false, errorCode: 65538 });
    assert.deepEqual(await reader({ port: 2, protocol: 'M-BUS', address: '1' }), { ok: false, errorCode: 3 });
  });
});

import assert from 'node:assert/strict';
import { meterValueMessages, shapeMeterPayload, topicLevel } from '../../../src/meter-payload';
import { parseReadout } from '../../../src/iec62056/readout';
import { readoutOf } from './reads';

describe('one message per value', () => {
  it('gives one message per value, topic <address>/<code as sent>', () => {
    const messages = meterValueMessages(shapeMeterPayload(readoutOf('modeC'), { path: 'direct', address: '12345678', registers: ['1.8.0', '1.8.0*01', 'C.1.0'] }));
    assert.deepEqual(messages, [
      { topic: '12345678/C.1.0', payload: '31042011', unit: null, name: 'Meter serial number (device ID 1)' },
      { topic: '12345678/1.8.0', payload: 4521.337, unit: 'kWh', name: 'Active energy import (+A), total' },
      { topic: '12345678/1.8.0*01', payload: 4398.512, unit: 'kWh', name: 'Active energy import (+A), total — billing period 1' },
    ]);
  });

  it('uses the identification when there is no address, then `meter`, or the level given', () => {
    const dsmr = shapeMeterPayload(readoutOf('dsmr'), { path: 'direct', registers: ['1.8.1'] });
    assert.deepEqual(meterValueMessages(dsmr).map((m) => m.topic), ['MT382-1000/1-0:1.8.1']);
    assert.deepEqual(meterValueMessages(dsmr, { meter: 'house/main' }).map((m) => m.topic), ['house_main/1-0:1.8.1']);
    const anonymous = shapeMeterPayload(parseReadout('1.8.0(1*kWh)\r\n'), { path: 'gateway' });
    assert.deepEqual(meterValueMessages(anonymous).map((m) => m.topic), ['meter/1.8.0']);
  });

  it('makes every level MQTT-safe: no wildcards, no extra levels, no leading $', () => {
    const payload = shapeMeterPayload(parseReadout('A+B(1)\r\nX#Y(2)\r\n$SYS(3)\r\n'), { path: 'direct', address: 'a b' });
    assert.deepEqual(meterValueMessages(payload).map((m) => m.topic), ['a_b/A_B', 'a_b/X_Y', 'a_b/_SYS']);
  });

  // [level as given, safe level]
  const levels: [string, string][] = [
    ['1-0:1.8.0*255', '1-0:1.8.0*255'],
    ['1.8.0&03', '1.8.0&03'],
    ['a+b', 'a_b'],
    ['a#', 'a_'],
    ['a/b', 'a_b'],
    ['$SYS', '_SYS'],
    ['tab\there', 'tab_here'],
    ['nul\u0000', 'nul_'],
    ['', '_'],
  ];
  for (const [level, safe] of levels) {
    it(`topic level ${JSON.stringify(level)} -> ${JSON.stringify(safe)}`, () => assert.equal(topicLevel(level), safe));
  }
});

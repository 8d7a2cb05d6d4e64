import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { parseReadout } from '../../../src/iec62056/readout';
import { shapeMeterPayload } from '../../../src/meter-payload';
import { programResultOf, readoutOf, readoutResultOf } from './reads';

const AT = new Date('2024-03-15T14:35:02.000Z');

describe('meter payload: mode C readout (L+G style, parsed capture)', () => {
  const payload = shapeMeterPayload(readoutOf('modeC'), { path: 'direct', address: '12345678', timestamp: AT, durationMs: 4100 });

  it('has the node output shape', () => {
    assert.deepEqual(Object.keys(payload), ['meter', 'timestamp', 'values', 'dataSets', 'bcc', 'durationMs', 'path']);
    assert.deepEqual(payload.meter, { address: '12345678', identification: 'ZMD3104100.B32', manufacturer: 'LGZ' });
    assert.equal(payload.timestamp, '2024-03-15T14:35:02.000Z');
    assert.equal(payload.durationMs, 4100);
    assert.equal(payload.path, 'direct');
    assert.deepEqual(payload.bcc, { present: true, valid: true, algorithm: 'xor', received: payload.bcc?.received, expected: payload.bcc?.received });
  });

  it('gives each register its value, the meter unit, the raw text and the OBIS name', () => {
    assert.deepEqual(payload.values['1.8.0'], { value: 4521.337, unit: 'kWh', raw: '004521.337*kWh', name: 'Active energy import (+A), total' });
    assert.deepEqual(payload.values['1.8.1'], { value: 3012.11, unit: 'kWh', raw: '003012.110*kWh', name: 'Active energy import (+A), tariff 1' });
    assert.deepEqual(payload.values['C.7.0'], { value: 3, unit: null, raw: '0003', name: 'Number of power failures, all phases' });
  });

  it('keys billing-period values by the code as sent and names the period', () => {
    assert.equal(payload.values['1.8.0*01'].value, 4398.512);
    assert.equal(payload.values['1.8.0*01'].name, 'Active energy import (+A), total — billing period 1');
    assert.equal(payload.values['1.8.0*02'].name, 'Active energy import (+A), total — billing period 2');
  });

  it('keeps identifiers, dates, times and status words as text (leading zeros survive)', () => {
    assert.equal(payload.values['0.0.0'].value, '12345678');
    assert.equal(payload.values['C.1.0'].value, '31042011');
    assert.equal(payload.values['0.9.1'].value, '143502');
    assert.equal(payload.values['F.F'].value, '00000000');
    assert.equal(payload.values['0.1.2*01'].value, '2403010000');
  });

  it('takes the first group of a value+timestamp set; dataSets keep every group and every duplicate', () => {
    assert.deepEqual(payload.values['1.6.0'], { value: 2.468, unit: 'kW', raw: '02.468*kW', name: 'Active power import (+P), maximum demand, total' });
    assert.deepEqual(payload.dataSets.find((set) => set.address === '1.6.0')?.values.map((v) => v.raw), ['02.468*kW', '2403100930']);
    assert.equal(payload.values['0.2.0'].value, 'V1.20', 'the first of a repeated code');
    assert.deepEqual(payload.dataSets.filter((set) => set.address === '0.2.0').length, 2);
    assert.equal(payload.dataSets.length, 20);
  });

  it('applies a register filter in short or full form to values and dataSets, in telegram order', () => {
    const filtered = shapeMeterPayload(readoutOf('modeC'), { path: 'direct', registers: ['1-0:1.8.0*255', '0-0:96.1.0', '1.8.0&02'] });
    assert.deepEqual(Object.keys(filtered.values), ['C.1.0', '1.8.0', '1.8.0*02']);
    assert.deepEqual(filtered.dataSets.map((set) => set.address), ['C.1.0', '1.8.0', '1.8.0*02']);
  });

  it('has no address, duration or load profile when none is known, and stamps the present by default', () => {
    const bare = shapeMeterPayload(readoutOf('modeC'), { path: 'gateway' });
    assert.equal(bare.meter.address, null);
    assert.equal(bare.durationMs, null);
    assert.equal('loadProfile' in bare, false);
    assert.ok(Math.abs(Date.parse(bare.timestamp) - Date.now()) < 60_000);
  });

  it('refuses an invalid Date instead of stamping a wrong time', () => {
    assert.throws(() => shapeMeterPayload(readoutOf('modeC'), { path: 'direct', timestamp: new Date('nope') }), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT');
  });
});

describe('meter payload: client readout result (mode C)', () => {
  it('takes identification, BCC and duration from the result', () => {
    const payload = shapeMeterPayload(readoutResultOf('modeC'), { path: 'gateway', address: '12345678', timestamp: AT });
    assert.deepEqual(payload.meter, { address: '12345678', identification: 'ZMD3104100.B32', manufacturer: 'LGZ' });
    assert.equal(payload.durationMs, 2345);
    assert.equal(payload.bcc?.valid, true);
    assert.equal(payload.values['2.8.0'].value, 12.004);
  });
});

describe('meter payload: mode A readout (Kamstrup style, comma decimals, 7-bit sum)', () => {
  const payload = shapeMeterPayload(readoutOf('modeA'), { path: 'direct', timestamp: AT });

  it('reads comma decimals as numbers and keeps the meter unit over the dictionary unit', () => {
    assert.equal(payload.values['6.8'].value, 123.4);
    assert.equal(payload.values['6.8'].unit, 'MWh');
    assert.equal(payload.values['6.8.1'].value, 7.4);
    assert.equal(payload.values['0.0'].value, '00012345');
  });

  it('gives no default unit to text the parser could not split', () => {
    assert.deepEqual(payload.values['9.4'], { value: '088*C&082*C', unit: null, raw: '088*C&082*C', name: payload.values['9.4'].name });
  });

  it('passes the additive checksum verdict through', () => {
    assert.equal(payload.bcc?.valid, true);
    assert.equal(payload.bcc && 'algorithm' in payload.bcc ? payload.bcc.algorithm : undefined, 'sum7');
  });
});

describe('meter payload: DSMR push telegram', () => {
  const payload = shapeMeterPayload(readoutOf('dsmr'), { path: 'direct', timestamp: AT });

  it('keys values by the full codes and names them', () => {
    assert.deepEqual(payload.values['1-0:1.8.1'], { value: 123.456, unit: 'kWh', raw: '000123.456*kWh', name: 'Active energy import (+A), tariff 1' });
    assert.deepEqual(payload.values['0-0:96.14.0'], { value: 2, unit: null, raw: '0002', name: 'Tariff indicator (active tariff)' });
    assert.deepEqual(payload.values['0-0:96.7.21'], { value: 4, unit: null, raw: '00004', name: 'Number of power failures in any phase' });
    assert.equal(payload.values['0-0:1.0.0'].value, '240315143502W');
    assert.equal(payload.values['1-0:1.7.0'].name, 'Active power import (+P)');
  });

  it('reports the CRC verdict as its checksum', () => {
    assert.equal(payload.bcc?.present, true);
    assert.equal(payload.bcc?.valid, true);
  });

  it('filters full codes with short entries', () => {
    const filtered = shapeMeterPayload(readoutOf('dsmr'), { path: 'direct', registers: ['1.8.1', '1.8.2', 'C.14.0'] });
    assert.deepEqual(Object.keys(filtered.values), ['1-0:1.8.1', '1-0:1.8.2', '0-0:96.14.0']);
  });
});

describe('meter payload: programming mode with load profile', () => {
  const payload = shapeMeterPayload(programResultOf(), { path: 'direct', address: '10067967', timestamp: AT });

  it('joins the register answers into values, with meter errors marked', () => {
    assert.deepEqual(Object.keys(payload.values), ['1.8.0', '2.8.0', 'C.1.0']);
    assert.equal(payload.values['1.8.0'].value, 12345.67);
    assert.equal(payload.values['C.1.0'].error, 'ER03');
    assert.deepEqual(payload.meter, { address: '10067967', identification: '01LZQJL0014F', manufacturer: 'EMH' });
    assert.equal(payload.durationMs, 2345);
    assert.equal(payload.bcc?.valid, true);
  });

  it('gives the load profile as rows stamped from their header, with the header status', () => {
    const rows = payload.loadProfile ?? [];
    assert.equal(rows.length, 96);
    assert.deepEqual(rows[0], { timestamp: '2024-03-10T00:15:00', status: '00000000', values: [{ code: '1.5.0', value: 0.4, unit: 'kW' }, { code: '2.5.0', value: 0, unit: 'kW' }] });
    assert.deepEqual(rows.slice(38, 44).map((row) => [row.timestamp, row.status]), [
      ['2024-03-10T09:45:00', '00000000'], ['2024-03-10T10:00:00', '00000080'], ['2024-03-10T10:15:00', '00000080'],
      ['2024-03-10T10:30:00', '00000080'], ['2024-03-10T10:45:00', '00000080'], ['2024-03-10T11:00:00', '00000000'],
    ]);
  });

  it('leaves the profile headers out of values but keeps them in dataSets', () => {
    assert.equal(payload.values['P.01'], undefined);
    assert.equal(payload.dataSets.filter((set) => set.address === 'P.01').length, 3);
  });

  it('reports the first failed checksum of any answer', () => {
    const result = programResultOf();
    result.registers[1] = { ...result.registers[1], bcc: { present: true, valid: false, algorithm: undefined, received: 1, expected: 2 } };
    assert.deepEqual(shapeMeterPayload(result, { path: 'direct' }).bcc, { present: true, valid: false, algorithm: undefined, received: 1, expected: 2 });
  });
});

describe('meter payload: odd input', () => {
  it('keeps addresses that are not OBIS codes (name null) and a `__proto__` address as a plain key', () => {
    const payload = shapeMeterPayload(parseReadout('ABC(1*V)\r\n__proto__(7)\r\n'), { path: 'direct' });
    assert.deepEqual(payload.values.ABC, { value: 1, unit: 'V', raw: '1*V', name: null });
    assert.equal(Object.getPrototypeOf(payload.values), Object.prototype);
    assert.deepEqual(Object.keys(payload.values), ['ABC', '__proto__']);
    assert.equal(payload.bcc, null);
  });

  it('shapes an empty read', () => {
    const payload = shapeMeterPayload(parseReadout(''), { path: 'direct' });
    assert.deepEqual([payload.values, payload.dataSets], [{}, []]);
  });
});

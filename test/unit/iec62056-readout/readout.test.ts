import assert from 'node:assert/strict';
import { parseReadout } from '../../../src/iec62056/readout';
import type { Readout } from '../../../src/iec62056/readout';
import * as T from './telegrams';

const codes = (readout: Readout): string[] => readout.diagnostics.map((d) => d.code);

describe('parseReadout: framing and echoes', () => {
  it('reads a mode C session with echoed request and echoed ACK 0 5 0, and verifies the XOR BCC', () => {
    const readout = parseReadout(Buffer.from(T.MT174_SESSION, 'latin1'));
    assert.equal(readout.mode, 'readout');
    assert.equal(readout.identification?.manufacturer, 'ISk');
    assert.equal(readout.identification?.identification, 'MT174-0001');
    assert.deepEqual(readout.bcc && { present: readout.bcc.present, valid: readout.bcc.valid, algorithm: readout.bcc.algorithm }, { present: true, valid: true, algorithm: 'xor' });
    assert.deepEqual(codes(readout), ['ECHO_SKIPPED', 'ECHO_SKIPPED']);
    assert.equal(readout.dataSets.length, 9);
    assert.deepEqual(readout.values['1.8.0'].values, [{ raw: '0001234.567*kWh', value: 1234.567, unit: 'kWh' }]);
  });

  it('skips an echoed request that carries a device address', () => {
    const readout = parseReadout(`/?12345678!\r\n${T.MT174_IDENT}${T.MT174_MESSAGE}`);
    assert.equal(readout.identification?.identification, 'MT174-0001');
    assert.equal(readout.diagnostics[0].code, 'ECHO_SKIPPED');
    assert.equal(readout.bcc?.valid, true);
  });

  it('skips wake-up NULs and garbage before the identification and reports the garbage position', () => {
    const input = `\0\0\0\0\xff\x13zz${T.MT174_IDENT}${T.MT174_MESSAGE}`;
    const readout = parseReadout(input, { stripParity: false });
    assert.equal(readout.identification?.manufacturer, 'ISk');
    assert.deepEqual(readout.diagnostics.map((d) => [d.code, d.position]), [['GARBAGE_SKIPPED', 4]]);
    assert.equal(readout.bcc?.valid, true);
  });

  it('strips bit 7 when a 7E1 line was read as 8N1 and still verifies the BCC', () => {
    const readout = parseReadout(T.withEvenParity(T.MT174_SESSION));
    assert.equal(readout.parityStripped, true);
    assert.equal(readout.bcc?.valid, true);
    assert.equal(readout.values['0.0.0'].values[0].value, 71234567);
    assert.ok(!codes(readout).includes('PARITY_ERROR'));
  });

  it('reports a parity error when a byte has odd parity after the strip', () => {
    const bytes = T.withEvenParity(T.MT174_SESSION);
    const position = T.MT174_SESSION.indexOf('71234567');
    bytes[position] ^= 0x80; // flip the parity bit only: the 7-bit character is unchanged
    const readout = parseReadout(bytes);
    assert.equal(readout.diagnostics.find((d) => d.code === 'PARITY_ERROR')?.position, position);
    assert.equal(readout.values['0.0.0'].values[0].raw, '71234567');
  });

  it('leaves high bytes alone when stripParity is false', () => {
    const readout = parseReadout(Buffer.from(`${T.STX}0.0(\xe9t\xe9)!\r\n${T.ETX}`, 'latin1'), { stripParity: false });
    assert.equal(readout.parityStripped, false);
    assert.equal(readout.dataSets[0].values[0].raw, '\xe9t\xe9');
  });

  it('accepts the standard BCC test vector STX 3:171.0(0) ETX 0x12 as an R1-style answer', () => {
    const readout = parseReadout(T.PWITAB_ANSWER);
    assert.equal(readout.mode, 'data-block');
    assert.equal(readout.bcc?.valid, true);
    assert.deepEqual(readout.dataSets, [{ address: '3:171.0', values: [{ raw: '0', value: 0, unit: null }] }]);
  });

  it('accepts a Kamstrup 7-bit-sum BCC, mode A identification and `!` on the last data line', () => {
    const readout = parseReadout(T.KAMSTRUP_READOUT);
    assert.equal(readout.identification?.mode, 'A');
    assert.equal(readout.identification?.identification, 'MC');
    assert.equal(readout.bcc?.valid, true);
    assert.equal(readout.bcc?.algorithm, 'sum7');
    assert.deepEqual(readout.values['2.8.0'].values[0], { raw: '000007,4*kW', value: 7.4, unit: 'kW' });
    assert.deepEqual(codes(readout), []);
  });

  it('rejects the 7-bit sum when only XOR is accepted, and reports the mismatch position', () => {
    const readout = parseReadout(T.KAMSTRUP_READOUT, { bccAlgorithms: ['xor'] });
    assert.equal(readout.bcc?.valid, false);
    const mismatch = readout.diagnostics.find((d) => d.code === 'BCC_MISMATCH');
    assert.equal(mismatch?.position, T.KAMSTRUP_READOUT.length - 1);
    assert.match(mismatch?.message ?? '', /0x38/);
  });

  it('accepts the XOR variant of the same Kamstrup data', () => {
    const readout = parseReadout(`/KAM MC\r\n${T.STX}${T.KAMSTRUP_DATA}${T.ETX}${T.KAMSTRUP_XOR_BCC}`);
    assert.equal(readout.bcc?.algorithm, 'xor');
  });

  it('reads a data message that ends without ETX and BCC', () => {
    const readout = parseReadout(T.ACE_NO_ETX);
    assert.equal(readout.identification?.manufacturer, 'ACE');
    assert.deepEqual(readout.identification?.enhancedIds, ['3']);
    assert.equal(readout.dataSets.length, 3);
    assert.deepEqual(readout.bcc, { present: false, valid: false, algorithm: undefined });
    assert.deepEqual(codes(readout), ['MISSING_ETX']);
  });

  it('reports a missing BCC after ETX', () => {
    const readout = parseReadout(`${T.MT174_IDENT}${T.STX}${T.MT174_DATA}${T.ETX}`);
    assert.equal(readout.bcc?.present, false);
    assert.deepEqual(codes(readout), ['MISSING_BCC']);
  });

  it('reports a truncated readout: no end marker, no ETX', () => {
    const cut = `${T.MT174_IDENT}${T.STX}${T.MT174_DATA.slice(0, 60)}`;
    const readout = parseReadout(cut);
    assert.ok(codes(readout).includes('MISSING_ETX'));
    assert.ok(codes(readout).includes('MISSING_END_MARKER'));
    assert.equal(readout.dataSets[0].address, 'F.F');
  });

  it('reports an identification with no data after it', () => {
    const readout = parseReadout(T.MT174_IDENT);
    assert.equal(readout.identification?.identification, 'MT174-0001');
    assert.deepEqual(codes(readout), ['NO_DATA_MESSAGE']);
    assert.deepEqual(readout.dataSets, []);
  });

  it('skips noise between the identification and the STX', () => {
    const readout = parseReadout(`${T.MT174_IDENT}xx${T.MT174_MESSAGE}`);
    assert.equal(readout.mode, 'readout');
    assert.equal(readout.bcc?.valid, true);
    assert.deepEqual(codes(readout), ['GARBAGE_SKIPPED']);
  });
});

describe('parseReadout: push telegrams (mode D)', () => {
  it('verifies the DSMR CRC16/ARC after `!`', () => {
    const readout = parseReadout(T.DSMR_TELEGRAM);
    assert.equal(readout.mode, 'push');
    assert.deepEqual(readout.crc, { present: true, valid: true, received: 0xc5f9, expected: 0xc5f9 });
    assert.deepEqual(readout.identification?.enhancedIds, ['2']);
    assert.deepEqual(codes(readout), []);
    assert.deepEqual(readout.values['0-1:24.2.1'].values.map((v) => v.value), ['240310113000W', 12785.123]);
    assert.equal(readout.values['1-0:99.97.0'].values.length, 6);
    assert.equal(readout.values['0-0:96.1.1'].values[0].value, '4B384547303034303436333935353037');
  });

  it('reports a DSMR CRC mismatch when one byte changed', () => {
    const readout = parseReadout(T.DSMR_TELEGRAM.replace('220.1', '220.2'));
    assert.equal(readout.crc?.valid, false);
    assert.deepEqual(codes(readout), ['CRC_MISMATCH']);
    assert.equal(readout.values['1-0:32.7.0'].values[0].value, 220.2);
  });

  it('reads a mode D push without checksum, with billing suffixes and signed values', () => {
    const readout = parseReadout(T.withEvenParity(T.EBZ_PUSH));
    assert.equal(readout.mode, 'push');
    assert.equal(readout.parityStripped, true);
    assert.equal(readout.crc, undefined);
    assert.equal(readout.bcc, undefined);
    assert.deepEqual(codes(readout), []);
    assert.equal(readout.values['1-0:1.8.0*255'].values[0].value, 125.8568857);
    assert.equal(readout.values['1-0:36.7.0*255'].values[0].value, -42.17);
    assert.equal(readout.values['1-0:0.0.0*255'].values[0].value, '1EBZ0100507409');
  });

  it('adds continuation lines that start with `(` to the previous data set (DSMR 3 gas)', () => {
    const readout = parseReadout(T.DSMR3_GAS_PUSH);
    const gas = readout.values['0-1:24.3.0'];
    assert.deepEqual(gas.values.map((v) => v.raw), ['121030140000', '00', '60', '1', '0-1:24.2.1', 'm3', '00000.000']);
    assert.equal(readout.dataSets.length, 3);
  });

  it('reports a push telegram cut before the end marker', () => {
    const readout = parseReadout(T.EBZ_PUSH.slice(0, T.EBZ_PUSH.length - 3));
    assert.deepEqual(codes(readout), ['MISSING_END_MARKER']);
    assert.equal(readout.dataSets.length, 8);
  });

  it('parses the first of two concatenated telegrams and flags the rest', () => {
    const readout = parseReadout(T.EBZ_PUSH + T.EBZ_PUSH);
    assert.equal(readout.dataSets.length, 8);
    assert.deepEqual(codes(readout), ['TRAILING_BYTES']);
  });
});

describe('parseReadout: data sets', () => {
  const readout = parseReadout(`${T.STX}${T.ODDITIES_DATA}${T.ETX}`);
  const first = (address: string) => readout.values[address].values[0];

  it('splits several data sets on one line', () => {
    assert.deepEqual(readout.dataSets.slice(0, 3).map((s) => s.address), ['0.0.0', '1.8.1', '1.8.2']);
  });

  it('keeps `&` sub-values together when the part after `*` is not a unit', () => {
    assert.deepEqual(first('9.4'), { raw: '088*C&082*C', value: '088*C&082*C', unit: null });
    assert.deepEqual(first('0.9.4'), { raw: '2017-01-18&01:36:47', value: '2017-01-18&01:36:47', unit: null });
  });

  it('treats `#` as a unit separator only after a number and before a unit-like word', () => {
    assert.deepEqual(first('0.2.0'), { raw: 'V01.69#EEA3546C', value: 'V01.69#EEA3546C', unit: null });
    assert.deepEqual(first('1.8.3'), { raw: '0000002.7#kWh', value: 2.7, unit: 'kWh' });
  });

  it('keeps `/` inside units', () => {
    assert.deepEqual(first('0.3.0'), { raw: '10000*imp/kWh', value: 10000, unit: 'imp/kWh' });
  });

  it('reports ERxx codes, nested or not, as the value text plus an error field', () => {
    assert.deepEqual(first('C.1.0'), { raw: '(ER11)', value: '(ER11)', unit: null, error: 'ER11' });
    assert.deepEqual(first('C.7.0'), { raw: 'ER23', value: 'ER23', unit: null, error: 'ER23' });
    assert.deepEqual(codes(readout), ['METER_ERROR_VALUE', 'METER_ERROR_VALUE', 'MISSING_BCC']);
    assert.equal(readout.diagnostics[0].position, T.ODDITIES_DATA.indexOf('((ER11))') + 1);
  });

  it('reads empty values, time strings and signed numbers', () => {
    assert.deepEqual(first('0.1.2'), { raw: '', value: '', unit: null });
    assert.deepEqual(first('0.9.1'), { raw: '23:16:43', value: '23:16:43', unit: null });
    assert.deepEqual(first('31.7'), { raw: '+000.8*A', value: 0.8, unit: 'A' });
  });

  it('keeps duplicate addresses in order and maps each address to its first data set', () => {
    const billing = readout.dataSets.filter((s) => s.address === '1.8.0*12');
    assert.deepEqual(billing.map((s) => s.values[0].value), [1, 0.5]);
    assert.equal(readout.values['1.8.0*12'], billing[0]);
  });

  it('reads value plus timestamp groups of one address', () => {
    const mt = parseReadout(T.MT174_SESSION);
    assert.deepEqual(mt.values['1.6.0'].values, [
      { raw: '02.468*kW', value: 2.468, unit: 'kW' },
      { raw: '2403100930', value: 2403100930, unit: null },
    ]);
  });

  it('ends an unterminated value at the line break and goes on with the next line', () => {
    const bad = parseReadout(`${T.STX}1.8.0(0001.5*kWh\r\n2.8.0(2*kWh)\r\n!\r\n${T.ETX}`);
    assert.deepEqual(bad.dataSets.map((s) => [s.address, s.values[0].raw]), [['1.8.0', '0001.5*kWh'], ['2.8.0', '2*kWh']]);
    assert.deepEqual(codes(bad).slice(0, 1), ['UNTERMINATED_VALUE']);
  });

  it('reports text without a value group and a group without an address', () => {
    const bad = parseReadout(`${T.STX}junk\r\n(5)\r\n1.8.0(1)\r\n!\r\n${T.ETX}`);
    assert.deepEqual(codes(bad).filter((c) => c !== 'MISSING_BCC'), ['ADDRESS_WITHOUT_VALUE', 'VALUE_WITHOUT_ADDRESS']);
    assert.deepEqual(bad.dataSets.map((s) => s.address), ['', '1.8.0']);
  });

  it('gives `values` no prototype, so any address is a plain key', () => {
    const odd = parseReadout('__proto__(1)\r\nconstructor(2)\r\n!');
    assert.equal(odd.values['__proto__'].values[0].value, 1);
    assert.equal(odd.values['constructor'].values[0].value, 2);
    assert.equal(Object.getPrototypeOf(odd.values), null);
  });
});

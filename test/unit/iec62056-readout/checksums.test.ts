import assert from 'node:assert/strict';
import { crc16Arc, parseReadout } from '../../../src/iec62056/readout';

describe('checksums and bare blocks', () => {
  it('computes CRC16/ARC with the catalogue check value 0xBB3D for "123456789"', () => {
    assert.equal(crc16Arc('123456789'), 0xbb3d);
  });

  it('reads a bare data block whose unit holds `/` without taking it for an identification', () => {
    const readout = parseReadout('0.3.0(10000*imp/kWh)\r\n1.8.0(1*kWh)\r\n');
    assert.equal(readout.mode, 'data-block');
    assert.equal(readout.identification, undefined);
    assert.deepEqual(readout.diagnostics, []);
    assert.deepEqual(readout.dataSets.map((s) => s.address), ['0.3.0', '1.8.0']);
  });

  it('strips parity from a string input too', () => {
    const readout = parseReadout('\u00af\u003f\u0021\u008d\u000a'); // `/?!CRLF` with the parity bit precomputed
    assert.equal(readout.parityStripped, true);
    assert.deepEqual(readout.diagnostics.map((d) => d.code), ['ECHO_SKIPPED']);
    assert.deepEqual(readout.dataSets, []);
  });
});

import assert from 'node:assert/strict';
import { type BccAlgorithm, checkBcc, sum7Bcc, xorBcc } from '../../../src/iec62056/bcc';
import { DataBlockMessage } from '../../../src/iec62056/frames';
import { parseReadout } from '../../../src/iec62056/readout';
import { IdentificationMessage } from '../../../src/iec62056/identification';
import { meterProfile, pushTelegram } from '../../../src/sim/meter';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const MODE_A = meterProfile('modeA');

/** The modeA simulator profile's readout: its identification line, then its data message with the given BCC. */
function modeAReadout(algorithm: BccAlgorithm): Buffer {
  const identification = new IdentificationMessage(MODE_A.identification).encode();
  return Buffer.concat([identification, DataBlockMessage.readout(MODE_A.dataBlock).encode(algorithm)]);
}

describe('the BCC report names the expected value of the algorithm it reports', () => {
  it('reports the 7-bit sum as expected when the Kamstrup additive checksum matched (modeA profile)', () => {
    const message = DataBlockMessage.readout(MODE_A.dataBlock).encode('sum7');
    const covered = message.subarray(1, message.length - 1);
    assert.notEqual(sum7Bcc(covered), xorBcc(covered), 'the profile must tell the two algorithms apart');
    const readout = parseReadout(modeAReadout('sum7'));
    const sum = sum7Bcc(covered);
    assert.deepEqual(readout.bcc, { present: true, valid: true, algorithm: 'sum7', received: sum, expected: sum });
  });

  it('reports the XOR as expected when the standard BCC matched', () => {
    const readout = parseReadout(modeAReadout('xor'));
    assert.equal(readout.bcc?.algorithm, 'xor');
    assert.equal(readout.bcc?.expected, readout.bcc?.received);
  });

  it('reports the first accepted algorithm\'s value when nothing matched, and names it in the diagnostic', () => {
    const covered = bytes('0.0(1)\r\n!\r\n\x03');
    const wrong = (xorBcc(covered) ^ sum7Bcc(covered) ^ 0x55) & 0x7f;
    assert.notEqual(wrong, xorBcc(covered));
    assert.notEqual(wrong, sum7Bcc(covered));
    assert.equal(checkBcc(covered, wrong).expected, xorBcc(covered));
    assert.equal(checkBcc(covered, wrong, ['sum7', 'xor']).expected, sum7Bcc(covered));
    assert.equal(checkBcc(covered, undefined, ['sum7']).expected, sum7Bcc(covered));
    const message = Buffer.concat([bytes('\x02'), covered, Buffer.from([wrong])]);
    const readout = parseReadout(message, { bccAlgorithms: ['sum7'] });
    assert.equal(readout.bcc?.expected, sum7Bcc(covered));
    assert.match(readout.diagnostics.find((d) => d.code === 'BCC_MISMATCH')?.message ?? '', /SUM7 0x/);
  });
});

describe('the DSMR CRC report uses numbers for both received and expected', () => {
  const DSMR = meterProfile('dsmr');

  /** The 4 hex digits after `!`, as the number they spell. */
  function transmittedCrc(telegram: Buffer): number {
    const text = telegram.toString('latin1');
    return parseInt(text.slice(text.indexOf('!') + 1, text.indexOf('!') + 5), 16);
  }

  it('gives the transmitted hex digits as a number, equal to the computed CRC when they match', () => {
    const telegram = pushTelegram(DSMR);
    const crc = transmittedCrc(telegram);
    assert.deepEqual(parseReadout(telegram).crc, { present: true, valid: true, received: crc, expected: crc });
  });

  it('gives both as numbers when they differ', () => {
    const corrupted = pushTelegram(DSMR, true);
    const crc = parseReadout(corrupted).crc;
    assert.equal(crc?.valid, false);
    assert.equal(crc?.received, transmittedCrc(corrupted));
    assert.equal(crc?.expected, transmittedCrc(pushTelegram(DSMR)));
  });
});

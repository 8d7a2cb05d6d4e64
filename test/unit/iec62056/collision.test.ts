import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { COLLISION_HINT, collisionSign } from '../../../src/iec62056/client/collision';
import { badIdentification, characterTimeout, type FailureContext, identificationDeadline, noIdentification } from '../../../src/iec62056/client/failures';

/** Two identification lines sent at the same moment, byte by byte, as two meters on one bus put them out. */
function interleave(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < Math.max(a.length, b.length); i++) out += (a[i] ?? '') + (b[i] ?? '');
  return out;
}

/** Two lines overlapping bit by bit on an idle-high line: a 0 bit from either sender wins (wired AND). */
function overlap(a: string, b: string): string {
  return [...a].map((char, i) => String.fromCharCode(char.charCodeAt(0) & (b.charCodeAt(i) || 0x7f))).join('');
}

const LGZ = '/LGZ5ZMD3104100.B32\r\n';
const EMH = '/EMH5\\@01LZQJL0014F\r\n';

function context(received: string, stage: FailureContext['stage'] = 'identification'): FailureContext {
  return { stage, baudRate: 300, bytesReceived: received.length, received };
}

describe('collisionSign: garbage that looks like several meters answering at once', function () {
  describe('says so for', function () {
    it('two identification lines interleaved byte by byte (two `/` starts in one line)', () => {
      assert.equal(collisionSign(interleave(LGZ, EMH)), 'doubled-line-end');
      assert.equal(collisionSign(interleave(LGZ, EMH).slice(0, 20)), 'several-starts');
    });

    it('a line with a second `/` start further on (meters with different reaction times)', () => {
      assert.equal(collisionSign('/LGZ5ZMD/EMH5\\@01LZQJ'), 'several-starts');
    });

    it('two line ends interleaved after a `/` (CR CR LF LF)', () => {
      assert.equal(collisionSign('/LGZ5ZMD3104100.B32\r\r\n\n'), 'doubled-line-end');
    });

    it('a line that began as a valid `/XXXZ` and then turned to control characters', () => {
      assert.equal(collisionSign(`/LGZ5${overlap('ZMD3104100.B32', '01LZQJL0014F')}\r\n`), 'garbled-after-valid-start');
      assert.equal(collisionSign('/LGZ5ZMD\x13\x01\x7f'), 'garbled-after-valid-start');
    });

    it('any of these after our own echoed request and noise', () => {
      assert.equal(collisionSign(`/?!\r\n\x00\x7f${interleave(LGZ, EMH)}`), 'doubled-line-end');
    });
  });

  describe('does not for', function () {
    it('a valid identification line, after an echoed request', () => {
      assert.equal(collisionSign(LGZ), undefined);
      assert.equal(collisionSign(`/?12345678!\r\n${EMH}`), undefined);
    });

    it('garbage without a `/` start (a wrong speed)', () => {
      assert.equal(collisionSign('\x00\x78\x00\x00\x66\x06\x1e\x00\x60'), undefined);
      assert.equal(collisionSign(''), undefined);
    });

    it('a line with a bad manufacturer id alone (`/1235abc`: a wrong parity, not two meters)', () => {
      assert.equal(collisionSign('/1235abc\r\n'), undefined);
    });

    it('control characters in a line that never looked like an identification', () => {
      assert.equal(collisionSign('/\x13\x01ab\x05\r\n'), undefined);
    });
  });
});

describe('identification failures point at colliding answers when the bytes look like them', function () {
  const colliding = context(interleave(LGZ, EMH).slice(0, 30));
  const wrongSpeed = context('\x00\x78\x00/1235abc\r\n');

  it('a malformed identification line (65793): the hint says to give the address; details.collision names the sign', () => {
    const error = badIdentification(new MeterError(65793, 'manufacturer id must be three letters, got "/LE"'), colliding);
    assert.equal(error.code, 65793);
    assert.equal(error.hint, COLLISION_HINT);
    assert.match(error.hint ?? '', /several meters may be answering at once: give the meter's address/i);
    assert.equal(error.details.collision, 'several-starts');
  });

  it('a malformed line that does not look like a collision keeps the parity and speed hint', () => {
    const error = badIdentification(new MeterError(65793, 'manufacturer id must be three letters'), wrongSpeed);
    assert.match(error.hint ?? '', /parity \(7E1\) and the line speed/);
    assert.equal('collision' in error.details, false);
  });

  it('no identification in time (65541), or a line cut off (65545), with colliding bytes: the same hint', () => {
    const progress = { bytes: 30, pending: 30, elapsedMs: 3000 };
    assert.equal(noIdentification(colliding).hint, COLLISION_HINT);
    assert.equal(identificationDeadline(colliding, progress, 3000).hint, COLLISION_HINT);
    assert.equal(characterTimeout(colliding, 1500).hint, COLLISION_HINT);
  });

  it('later stages and listening keep their own hints', () => {
    const progress = { bytes: 30, pending: 30, elapsedMs: 3000 };
    assert.notEqual(characterTimeout(context(colliding.received, 'data'), 1500).hint, COLLISION_HINT);
    assert.notEqual(identificationDeadline(context(colliding.received, 'listen'), progress, 3000).hint, COLLISION_HINT);
  });
});

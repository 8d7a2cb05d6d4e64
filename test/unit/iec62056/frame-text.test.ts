import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { validateProgramOptions } from '../../../src/iec62056/client/programming';
import { type Frame, FrameReader } from '../../../src/iec62056/frame-reader';
import { checkFrameText, findBadFrameChar } from '../../../src/iec62056/frame-text';
import { CommandMessage } from '../../../src/iec62056/frames';
import { RequestMessage } from '../../../src/iec62056/request';
import { smuggling } from '../../helpers/smuggle';

const PRINTABLE = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));

/**
 * Characters that must never reach a frame: C0 controls, DEL, the C1 range (0x81-0x83 become SOH/STX/ETX on a 7E1
 * line), latin1 letters (sent as raw 8-bit bytes), U+0101-U+0104 (latin1 encoding keeps their low byte: SOH-EOT)
 * and characters outside the BMP.
 */
const UNSAFE = ['\x00', '\x01', '\x03', '\r', '\n', '\x7f', '\x81', '\x82', '\x83', '\x9f', '\u00a0', 'é', '\u0101', '\u0102', '\u0103', '\u0104', '\u012f', '😀'];

const code = (char: string) => `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;

function badArgument(field: RegExp) {
  return (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT' && field.test(error.message);
}

/** The frames a meter would read from these bytes. */
function framesOf(bytes: Buffer): Frame[] {
  const reader = new FrameReader({ role: 'meter' });
  const frames: Frame[] = [];
  reader.on('frame', (frame: Frame) => frames.push(frame));
  reader.write(bytes);
  return frames;
}

describe('text that goes into an IEC 62056-21 frame', () => {
  it('is printable ASCII 0x20-0x7E: every such character passes, anything else is found', () => {
    assert.equal(findBadFrameChar(PRINTABLE), -1);
    for (const char of UNSAFE) assert.equal(findBadFrameChar(`ab${char}`), 2, code(char));
  });

  it('also refuses the characters that frame the field, and names the field, the position and the character', () => {
    assert.equal(findBadFrameChar('1.8.0(', '()'), 5);
    assert.throws(() => checkFrameText('the register address', '1.8é', { forbidden: '()' }), badArgument(/^the register address .*"é" \(U\+00E9\) at position 3/));
  });

  it('does not echo the character of a secret field', () => {
    assert.throws(() => checkFrameText('the password', 'abc\u0103', { secret: true }), (error: MeterError) => /position 3/.test(error.message) && !error.message.includes('\u0103') && !error.message.includes('0103'));
  });
});

describe('command messages refuse text that could frame on the wire', () => {
  it('accepts all printable ASCII as command data and encodes it byte for byte', () => {
    const encoded = new CommandMessage('W', '1', PRINTABLE).encode();
    assert.equal(encoded.subarray(4, 4 + PRINTABLE.length).toString('latin1'), PRINTABLE);
  });

  for (const char of UNSAFE) {
    it(`refuses ${code(char)} in command data, in a password, in a register address and in a value`, () => {
      assert.throws(() => new CommandMessage('W', '1', `C.1.0(1${char})`), badArgument(/^command data/));
      assert.throws(() => CommandMessage.password(`0000${char}`), badArgument(/^the password/));
      assert.throws(() => CommandMessage.dataSet('R', '1', `1.8${char}`), badArgument(/^the register address/));
      assert.throws(() => CommandMessage.dataSet('W', '1', 'C.1.0', `1${char}`), badArgument(/^the value/));
    });
  }

  it('refuses the data-set framing characters inside a register address or value, and brackets inside a password', () => {
    for (const char of '()/!') {
      assert.throws(() => CommandMessage.dataSet('R', '1', `1.8${char}0`), badArgument(/^the register address/));
      assert.throws(() => CommandMessage.dataSet('W', '1', 'C.1.0', `1${char}`), badArgument(/^the value/));
    }
    assert.throws(() => CommandMessage.password('00(0'), badArgument(/^the password/));
    assert.equal(CommandMessage.dataSet('R', '5', 'P.01', '02401010000;').data, 'P.01(02401010000;)');
  });

  for (const disguise of ['latin1', '7E1'] as const) {
    it(`refuses a password that would close its P1 frame and smuggle a W1 write after it (${disguise})`, () => {
      const crafted = smuggling('P', '1', '(0000', '0000', disguise);
      // What the attack would put on the wire: the meter would read a P1 and then a complete W1 command.
      const wire = Buffer.from(`\x01P1\x02(${crafted})\x03`, 'latin1');
      const commands = framesOf(wire).filter((frame) => frame.kind === 'command');
      assert.deepEqual(commands.map((frame) => CommandMessage.decode((frame as { bytes: Buffer }).bytes).message.command), ['P', 'W']);
      assert.throws(() => CommandMessage.password(crafted), badArgument(/^the password/));
      assert.throws(() => validateProgramOptions({ password: crafted }), badArgument(/^the password/));
    });
  }
});

describe('program options are checked with the same rule before anything is sent', () => {
  for (const char of UNSAFE) {
    it(`refuses ${code(char)} in a register address and in the password`, () => {
      assert.throws(() => validateProgramOptions({ registers: ['1.8.0', `C.1${char}`] }), badArgument(/^the register address/));
      assert.throws(() => validateProgramOptions({ password: `pw${char}` }), badArgument(/^the password/));
    });
  }

  it('keeps accepting ordinary registers, load-profile bounds and printable passwords', () => {
    validateProgramOptions({ registers: ['1.8.0', '0-0:C.1.0*255', 'F.F'], password: 'Ab 1-2_3.!/', loadProfile: { from: '02401010000', to: '' } });
  });
});

describe('request messages keep their own address code (65538) under the same rule', () => {
  for (const char of ['é', '\u0103', '\x83', '(', '/']) {
    it(`refuses ${code(char)} in a device address with code 65538`, () => {
      assert.throws(() => new RequestMessage(`1234${char}`), (error: MeterError) => error.code === 65538 && /position 4/.test(error.message));
    });
  }

  it('refuses a request character outside printable ASCII', () => {
    for (const char of ['\u013f', '\xbf', ' ', '/']) assert.throws(() => new RequestMessage('', char), badArgument(/request character/));
  });
});

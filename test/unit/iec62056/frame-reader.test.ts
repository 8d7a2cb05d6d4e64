import assert from 'node:assert/strict';
import { Frame, FrameReader } from '../../../src/iec62056/frame-reader';
import { CommandMessage, DataBlockMessage } from '../../../src/iec62056/frames';

function framesOf(role: 'master' | 'meter', input: Buffer, chunk = input.length, push = false): Frame[] {
  const reader = new FrameReader({ role, push });
  const frames: Frame[] = [];
  reader.on('frame', (frame: Frame) => frames.push(frame));
  for (let i = 0; i < input.length; i += chunk) reader.write(input.subarray(i, i + chunk));
  return frames;
}

const kinds = (frames: Frame[]) => frames.map((f) => f.kind);

describe('FrameReader', () => {
  const session = Buffer.concat([
    Buffer.from('\x00\x00\x00/ISK5MT174\r\n', 'latin1'),
    DataBlockMessage.readout('1.8.0(1*kWh)').encode(),
    Buffer.from([0x06]),
  ]);

  for (const chunk of [1, 3, 1000]) {
    it(`splits noise, identification, data and ACK on the master side (chunks of ${chunk})`, () => {
      const frames = framesOf('master', session, chunk);
      assert.deepEqual(kinds(frames).filter((k) => k !== 'noise'), ['line', 'data', 'ack']);
      const line = frames.find((f) => f.kind === 'line');
      assert.equal(line && 'bytes' in line ? line.bytes.toString('latin1') : '', '/ISK5MT174\r\n');
    });
  }

  it('hears option selects and commands on the meter side, even split byte by byte', () => {
    const input = Buffer.concat([Buffer.from('/?1234!\r\n\x06051\r\n', 'latin1'), CommandMessage.password('pw').encode()]);
    const frames = framesOf('meter', input, 1);
    assert.deepEqual(kinds(frames), ['line', 'option-select', 'command']);
  });

  it('holds a lone ACK on the meter side until it knows no option select follows, unless none is expected', () => {
    const reader = new FrameReader({ role: 'meter' });
    const frames: Frame[] = [];
    reader.on('frame', (f: Frame) => frames.push(f));
    reader.write(Buffer.from([0x06]));
    assert.deepEqual(kinds(frames), []);
    reader.reset();
    reader.optionSelectExpected = false;
    reader.write(Buffer.from([0x06]));
    assert.deepEqual(kinds(frames), ['ack']);
  });

  it('recognises an echoed option select on the master side', () => {
    assert.deepEqual(kinds(framesOf('master', Buffer.from('\x06050\r\n', 'latin1'))), ['option-select']);
  });

  it('clears bit 7 (parity read as data) and counts it', () => {
    const reader = new FrameReader({ role: 'master' });
    const frames: Frame[] = [];
    reader.on('frame', (f: Frame) => frames.push(f));
    // '/?!' with even parity in bit 7: 0x2F has 5 ones -> 0xAF; '?' 0x3F 6 ones -> 0x3F; '!' 0x21 2 ones -> 0x21; CR 3 ones -> 0x8D; LF 2 -> 0x0A.
    reader.write(Buffer.from([0xaf, 0x3f, 0x21, 0x8d, 0x0a]));
    assert.equal(frames[0].kind === 'line' && frames[0].bytes.toString('latin1'), '/?!\r\n');
    assert.equal(reader.parityBitsSeen, 2);
  });

  it('returns a whole push telegram in mode D, with a DSMR CRC after the !', () => {
    const telegram = '/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(123.456*kWh)\r\n!1A2B\r\n';
    const frames = framesOf('master', Buffer.from(telegram, 'latin1'), 7, true);
    assert.deepEqual(kinds(frames), ['push']);
  });

  it('cuts a babbling frame at maxFrameBytes instead of growing without bound', () => {
    const reader = new FrameReader({ role: 'master', maxFrameBytes: 100 });
    const frames: Frame[] = [];
    reader.on('frame', (f: Frame) => frames.push(f));
    reader.write(Buffer.concat([Buffer.from([0x02]), Buffer.alloc(200, 0x41)]));
    assert.deepEqual(kinds(frames), ['noise']);
    assert.equal(reader.pending, 0);
  });
});

import assert from 'node:assert/strict';
import { Frame, FrameReader, type FrameReaderOptions } from '../../../src/iec62056/frame-reader';

/*
 * The reader's work is counted, not timed: `bytesScanned` is how many bytes it looked at while searching for frame
 * starts and ends. Fed in small chunks, a frame must cost about one look per byte whatever its length.
 */

const CHUNK = 64;
const SIZES = [10_000, 100_000, 1_000_000];
const BIG = { maxFrameBytes: 2_000_000 };

/** One frame of about `size` bytes, of each kind that can grow long. */
const SHAPES: Array<{ name: string; options: FrameReaderOptions; frame: (size: number) => Buffer; kind: Frame['kind'] }> = [
  { name: 'a data message STX ... ETX BCC', options: { role: 'master', ...BIG }, kind: 'data', frame: (size) => framed(0x02, size, [0x03, 0x41]) },
  { name: 'a command SOH ... ETX BCC', options: { role: 'meter', ...BIG }, kind: 'command', frame: (size) => framed(0x01, size, [0x03, 0x41]) },
  { name: 'a line / ... CR LF', options: { role: 'master', ...BIG }, kind: 'line', frame: (size) => framed(0x2f, size, [0x0d, 0x0a]) },
  { name: 'a push telegram / ... ! CR LF', options: { role: 'master', push: true, ...BIG }, kind: 'push', frame: (size) => framed(0x2f, size, [0x21, 0x0d, 0x0a]) },
];

/** `first`, then `size` filler bytes (`1.8.0(1)` CR LF repeated, without any terminator), then `last`. */
function framed(first: number, size: number, last: number[]): Buffer {
  const filler = Buffer.alloc(size, '1.8.0(1)\r\n'.replace('\n', ' '));
  return Buffer.concat([Buffer.from([first]), filler, Buffer.from(last)]);
}

function feed(options: FrameReaderOptions, input: Buffer, chunk = CHUNK): { frames: Frame[]; reader: FrameReader } {
  const reader = new FrameReader(options);
  const frames: Frame[] = [];
  reader.on('frame', (frame: Frame) => frames.push(frame));
  for (let i = 0; i < input.length; i += chunk) reader.write(input.subarray(i, i + chunk));
  return { frames, reader };
}

describe('FrameReader work per byte (counted)', () => {
  for (const shape of SHAPES) {
    it(`looks at each byte of ${shape.name} about once, at 10 kB, 100 kB and 1 MB in ${CHUNK}-byte chunks`, () => {
      const perByte = SIZES.map((size) => {
        const input = shape.frame(size);
        const { frames, reader } = feed(shape.options, input);
        assert.deepEqual(frames.map((frame) => frame.kind), [shape.kind]);
        assert.equal(frames[0].kind === shape.kind && 'bytes' in frames[0] ? frames[0].bytes.length : 0, input.length);
        return reader.bytesScanned / input.length;
      });
      // At most one look per byte plus a couple per chunk (the frame start, a terminator waiting for its BCC).
      for (const ratio of perByte) assert.ok(ratio >= 1 && ratio <= 1 + 2 / CHUNK, `bytes looked at per byte: ${perByte.join(', ')}`);
      assert.ok(Math.max(...perByte) - Math.min(...perByte) < 0.001, `work per byte must not grow with the frame: ${perByte.join(', ')}`);
    });
  }

  it('looks at noise once too, and still cuts a frame that outgrows maxFrameBytes', () => {
    const noise = Buffer.alloc(100_000, 'x');
    const unterminated = Buffer.concat([Buffer.from([0x02]), Buffer.alloc(3_000, 'y')]);
    const { frames, reader } = feed({ role: 'master', maxFrameBytes: 1_000 }, Buffer.concat([noise, unterminated]));
    assert.ok(reader.bytesScanned <= (noise.length + unterminated.length) * (1 + 2 / CHUNK));
    assert.deepEqual([...new Set(frames.map((frame) => frame.kind))], ['noise']);
    assert.ok(reader.pending <= 1_000);
  });

  it('ends a line buffered before push mode was switched on as a push telegram', () => {
    const reader = new FrameReader({ role: 'master' });
    const frames: Frame[] = [];
    reader.on('frame', (frame: Frame) => frames.push(frame));
    reader.write(Buffer.from('/ISK5MT174\r', 'latin1'));
    reader.push = true;
    reader.write(Buffer.from('\n\r\n1.8.0(1)\r\n!\r\n', 'latin1'));
    assert.deepEqual(frames.map((frame) => frame.kind), ['push']);
  });

  it('finds the terminator of a data message whose BCC arrives in the next chunk', () => {
    const reader = new FrameReader({ role: 'master' });
    const frames: Frame[] = [];
    reader.on('frame', (frame: Frame) => frames.push(frame));
    reader.write(Buffer.from('\x021.8.0(1)\r\n!\r\n\x03', 'latin1'));
    assert.equal(frames.length, 0);
    reader.write(Buffer.from([0x41, 0x06]));
    assert.deepEqual(frames.map((frame) => frame.kind), ['data', 'ack']);
  });
});

/*
 * FrameReader throughput on one long frame fed in small chunks, at growing frame sizes. The reader must do
 * linear work, so MB/s should stay about the same from 10 kB to 10 MB (it used to fall with the frame's length:
 * every chunk rescanned the whole buffered frame). `scannedPerByte` is the reader's own count of bytes looked at.
 */
import { performance } from 'node:perf_hooks';
import { FrameReader } from '../src/iec62056/frame-reader';

const CHUNK = 64;
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];
/** Each size is fed at least this many bytes in total (the small frames repeatedly), so each row times enough work. */
const BYTES_PER_ROW = 20_000_000;

export interface FrameReaderBenchmarkRow {
  frameBytes: number;
  frames: number;
  MBps: number;
  scannedPerByte: number;
}

function dataFrame(size: number): Buffer {
  const frame = Buffer.alloc(size + 3, '1.8.0(0001234.5*kWh)\r\n');
  frame[0] = 0x02; // STX
  frame[size + 1] = 0x03; // ETX, then any BCC byte: the reader does not check it
  return frame;
}

function runRow(size: number): FrameReaderBenchmarkRow {
  const frame = dataFrame(size);
  const frames = Math.max(1, Math.round(BYTES_PER_ROW / frame.length));
  const reader = new FrameReader({ role: 'master', maxFrameBytes: size + 16 });
  let seen = 0;
  reader.on('frame', () => seen++);
  const started = performance.now();
  for (let n = 0; n < frames; n++) {
    for (let i = 0; i < frame.length; i += CHUNK) reader.write(frame.subarray(i, i + CHUNK));
  }
  const seconds = (performance.now() - started) / 1000;
  if (seen !== frames) throw new Error(`expected ${frames} frames, the reader emitted ${seen}`);
  const bytes = frames * frame.length;
  return { frameBytes: size, frames, MBps: bytes / 1e6 / seconds, scannedPerByte: reader.bytesScanned / bytes };
}

export function runFrameReaderBenchmark(): { chunk: number; rows: FrameReaderBenchmarkRow[] } {
  runRow(SIZES[0]); // warm-up, not reported
  return { chunk: CHUNK, rows: SIZES.map(runRow) };
}

import { EventEmitter } from 'node:events';
import { AckOptionSelectMessage } from './ack-option';
import { ACK, EOT, ETX, LF, NAK, SOH, STX } from './constants';

/**
 * A frame found in the byte stream. `line` frames are `/...CRLF` (request or identification), `push` frames a
 * complete Mode D telegram `/...!` (with an optional DSMR CRC) and its CR LF. `command` and `data` frames include
 * their trailing BCC byte. Bytes between frames (wake-up NULs, noise, a partial echo) come out as `noise`.
 */
export type Frame =
  | { kind: 'line'; bytes: Buffer }
  | { kind: 'push'; bytes: Buffer }
  | { kind: 'ack' }
  | { kind: 'nak' }
  | { kind: 'option-select'; bytes: Buffer; message: AckOptionSelectMessage }
  | { kind: 'command'; bytes: Buffer }
  | { kind: 'data'; bytes: Buffer }
  | { kind: 'noise'; bytes: Buffer };

export interface FrameReaderOptions {
  /** Which side reads: the master hears identifications and data; the meter hears requests and option selects. */
  role: 'master' | 'meter';
  /** Master in mode D: `/` starts a whole push telegram that ends at `!` (plus an optional CRC) and CR LF. */
  push?: boolean;
  /** A frame longer than this is cut and reported as noise (guards memory against a babbling line). */
  maxFrameBytes?: number;
}

/**
 * Splits an IEC 62056-21 byte stream into frames. Bit 7 is always cleared first (the protocol is 7-bit; a 7E1 line
 * read as 8N1 carries the parity there), and `parityBitsSeen` counts the bytes where it was set.
 * Events: 'frame' (Frame).
 */
export class FrameReader extends EventEmitter {
  parityBitsSeen = 0;
  private buffer: number[] = [];
  private readonly options: Required<FrameReaderOptions>;

  constructor(options: FrameReaderOptions) {
    super();
    this.options = { push: false, maxFrameBytes: 1 << 20, ...options };
  }

  set push(value: boolean) {
    this.options.push = value;
  }

  /**
   * Meter side: whether an option select can come now. In programming mode it cannot, so a lone ACK (the master
   * asking for the next partial block) is complete at once instead of being held to see what follows.
   */
  optionSelectExpected = true;

  /** Drops whatever partial frame is buffered (after a timeout or before a new session). */
  reset(): void {
    this.buffer = [];
  }

  get pending(): number {
    return this.buffer.length;
  }

  write(chunk: Buffer): void {
    for (const raw of chunk) {
      if (raw & 0x80) this.parityBitsSeen++;
      this.buffer.push(raw & 0x7f);
    }
    this.drain();
  }

  private drain(): void {
    for (;;) {
      const noise = this.skipNoise();
      if (noise > 0) this.emitFrame({ kind: 'noise', bytes: this.take(noise) });
      if (this.buffer.length === 0) return;
      const length = this.completeFrameLength();
      if (length === 0) {
        if (this.buffer.length > this.options.maxFrameBytes) this.emitFrame({ kind: 'noise', bytes: this.take(this.buffer.length) });
        return;
      }
      this.emitParsed(this.take(length));
    }
  }

  /** Bytes before the next frame start. */
  private skipNoise(): number {
    let index = 0;
    while (index < this.buffer.length && !this.isFrameStart(this.buffer[index])) index++;
    return index;
  }

  private isFrameStart(byte: number): boolean {
    if (byte === 0x2f /* / */ || byte === SOH || byte === STX || byte === NAK || byte === ACK) return true;
    return false;
  }

  /** Length of the complete frame at the head of the buffer, or 0 when more bytes are needed. */
  private completeFrameLength(): number {
    const first = this.buffer[0];
    if (first === NAK) return 1;
    if (first === ACK) return this.ackLength();
    if (first === 0x2f) return this.options.push ? this.pushLength() : this.indexAfter(LF, 1);
    // SOH/STX frames end with ETX or EOT and the BCC byte after it.
    for (let i = 1; i < this.buffer.length - 1; i++) {
      const byte = this.buffer[i];
      if (byte === ETX || byte === EOT) return i + 2;
    }
    return 0;
  }

  /**
   * An ACK alone, or the start of an option select `ACK V Z Y CR LF` (sent by the master; heard by the meter, or by
   * the master itself as an echo from an optical head). A meter never follows its ACK with a digit, so on the master
   * side a lone ACK at the end of the buffer is complete; on the meter side we wait for the next byte.
   */
  private ackLength(): number {
    const next = this.buffer[1];
    if (next === undefined) return this.options.role === 'master' || !this.optionSelectExpected ? 1 : 0;
    if (next < 0x30 || next > 0x32) return 1;
    const end = this.indexAfter(LF, 1);
    if (end > 0 && end <= 6) return end;
    return this.buffer.length < 6 ? 0 : 1;
  }

  private pushLength(): number {
    const bang = this.buffer.indexOf(0x21 /* ! */);
    if (bang < 0) return 0;
    return this.indexAfter(LF, bang);
  }

  private indexAfter(byte: number, from: number): number {
    const index = this.buffer.indexOf(byte, from);
    return index < 0 ? 0 : index + 1;
  }

  private take(count: number): Buffer {
    return Buffer.from(this.buffer.splice(0, count));
  }

  private emitParsed(bytes: Buffer): void {
    const first = bytes[0];
    if (first === NAK) return this.emitFrame({ kind: 'nak' });
    if (first === ACK) {
      if (bytes.length === 1) return this.emitFrame({ kind: 'ack' });
      try {
        return this.emitFrame({ kind: 'option-select', bytes, message: AckOptionSelectMessage.decode(bytes) });
      } catch {
        return this.emitFrame({ kind: 'noise', bytes });
      }
    }
    if (first === 0x2f) return this.emitFrame({ kind: this.options.push ? 'push' : 'line', bytes });
    this.emitFrame({ kind: first === SOH ? 'command' : 'data', bytes });
  }

  private emitFrame(frame: Frame): void {
    this.emit('frame', frame);
  }
}

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
/** Initial buffer size: a whole short frame (identification, command, ACK) fits without growing. */
const SMALL_BUFFER = 256;

export class FrameReader extends EventEmitter {
  parityBitsSeen = 0;
  /**
   * Bytes looked at while searching for frame starts and ends: a diagnostic of the reader's work. Each byte is
   * looked at about once however it is chunked, so this grows linearly with the input (the tests count it).
   */
  bytesScanned = 0;
  /** Received bytes (bit 7 cleared) in `buffer[head, end)`; the capacity doubles as needed. */
  private buffer = Buffer.alloc(SMALL_BUFFER);
  /** Start of the bytes not yet emitted; the emitted ones are dropped once per write, not once per frame. */
  private head = 0;
  private end = 0;
  /**
   * How far after `head` the end of the frame that starts there has been searched. The search resumes there on
   * the next write, so a long frame arriving in many small chunks is scanned once, not once per chunk.
   */
  private scanned = 0;
  /** Push telegrams: offset of the end marker `!` after `head`, once found; -1 while it is searched. */
  private bang = -1;
  private readonly options: Required<FrameReaderOptions>;

  constructor(options: FrameReaderOptions) {
    super();
    this.options = { push: false, maxFrameBytes: 1 << 20, ...options };
  }

  set push(value: boolean) {
    this.options.push = value;
    // A push telegram ends elsewhere than a line: search the buffered frame again under the new rule.
    this.restartScan();
  }

  /**
   * Meter side: whether an option select can come now. In programming mode it cannot, so a lone ACK (the master
   * asking for the next partial block) is complete at once instead of being held to see what follows.
   */
  optionSelectExpected = true;

  /** Drops whatever partial frame is buffered (after a timeout or before a new session). */
  reset(): void {
    this.head = 0;
    this.end = 0;
    this.restartScan();
  }

  get pending(): number {
    return this.end - this.head;
  }

  write(chunk: Buffer): void {
    this.reserve(chunk.length);
    const buffer = this.buffer;
    let end = this.end;
    for (const raw of chunk) {
      if (raw & 0x80) this.parityBitsSeen++;
      buffer[end++] = raw & 0x7f;
    }
    this.end = end;
    this.drain();
    // What is left is at most this chunk's tail plus a frame still arriving, so this copy is linear overall.
    if (this.head > 0) {
      this.buffer.copyWithin(0, this.head, this.end);
      this.end -= this.head;
      this.head = 0;
    }
    // Give back the room a long frame needed once nothing is left of it.
    if (this.end === 0 && this.buffer.length > SMALL_BUFFER * 256) this.buffer = Buffer.alloc(SMALL_BUFFER);
  }

  /** Room for `count` more bytes after `end`. */
  private reserve(count: number): void {
    const needed = this.end + count;
    if (needed <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, this.head, this.end);
    this.end -= this.head;
    this.head = 0;
    this.buffer = grown;
  }

  private drain(): void {
    for (;;) {
      const noise = this.skipNoise();
      if (noise > 0) this.emitFrame({ kind: 'noise', bytes: this.take(noise) });
      if (this.pending === 0) return;
      const length = this.completeFrameLength();
      if (length === 0) {
        if (this.pending > this.options.maxFrameBytes) this.emitFrame({ kind: 'noise', bytes: this.take(this.pending) });
        return;
      }
      this.emitParsed(this.take(length));
    }
  }

  /** The byte `offset` bytes after the head; undefined when it has not come yet (the buffer has spare room). */
  private at(offset: number): number | undefined {
    return offset < this.pending ? this.buffer[this.head + offset] : undefined;
  }

  /** Bytes before the next frame start. */
  private skipNoise(): number {
    let index = 0;
    while (index < this.pending && !this.isFrameStart(this.buffer[this.head + index])) index++;
    this.bytesScanned += Math.min(index + 1, this.pending);
    return index;
  }

  private isFrameStart(byte: number): boolean {
    if (byte === 0x2f /* / */ || byte === SOH || byte === STX || byte === NAK || byte === ACK) return true;
    return false;
  }

  /** Length of the complete frame at the head of the buffer, or 0 when more bytes are needed. */
  private completeFrameLength(): number {
    const first = this.at(0);
    if (first === NAK) return 1;
    if (first === ACK) return this.ackLength();
    if (first === 0x2f) return this.options.push ? this.pushLength() : this.lengthThrough(LF, 1);
    // SOH/STX frames end with ETX or EOT and the BCC byte after it.
    const end = this.search((byte) => byte === ETX || byte === EOT, 1);
    if (end < 0) return 0;
    if (end + 1 < this.pending) return end + 2;
    this.scanned = end; // the BCC byte has not come yet: look at the terminator again next time
    return 0;
  }

  /**
   * An ACK alone, or the start of an option select `ACK V Z Y CR LF` (sent by the master; heard by the meter, or by
   * the master itself as an echo from an optical head). A meter never follows its ACK with a digit, so on the master
   * side a lone ACK at the end of the buffer is complete; on the meter side we wait for the next byte.
   */
  private ackLength(): number {
    const next = this.at(1);
    if (next === undefined) return this.options.role === 'master' || !this.optionSelectExpected ? 1 : 0;
    if (next < 0x30 || next > 0x32) return 1;
    // An option select is at most 6 bytes: look for its LF there only.
    for (let i = 1; i < Math.min(this.pending, 6); i++) if (this.at(i) === LF) return i + 1;
    return this.pending < 6 ? 0 : 1;
  }

  private pushLength(): number {
    if (this.bang < 0) {
      this.bang = this.search((byte) => byte === 0x21 /* ! */, 0);
      if (this.bang < 0) return 0;
    }
    return this.lengthThrough(LF, this.bang);
  }

  /** Length up to and including the first `byte` at or after offset `from`, or 0 when it has not come yet. */
  private lengthThrough(byte: number, from: number): number {
    const index = this.search((candidate) => candidate === byte, from);
    return index < 0 ? 0 : index + 1;
  }

  /**
   * Offset of the first byte matching `found`, searching from `from` but never again over bytes an earlier call
   * for this frame has looked at; -1 when none has come yet.
   */
  private search(found: (byte: number) => boolean, from: number): number {
    const start = Math.max(from, this.scanned);
    const pending = this.pending;
    let offset = start;
    while (offset < pending && !found(this.buffer[this.head + offset])) offset++;
    const hit = offset < pending;
    this.bytesScanned += offset - start + (hit ? 1 : 0);
    this.scanned = offset;
    return hit ? offset : -1;
  }

  private restartScan(): void {
    this.scanned = 0;
    this.bang = -1;
  }

  private take(count: number): Buffer {
    // A copy: the buffer is reused for the bytes that follow.
    const bytes = Buffer.from(this.buffer.subarray(this.head, this.head + count));
    this.head += count;
    this.restartScan();
    return bytes;
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

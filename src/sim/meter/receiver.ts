import { ACK, NAK, wireTimeMs } from '../../iec62056/constants';
import { Frame, FrameReader } from '../../iec62056/frame-reader';
import { describeBytes } from './log';

/** What the receive side asks its session, at every chunk, so faults and speed changes apply at once. */
export interface MeterReceiverIo {
  /** A paced session hears the master's bytes only after their wire time; unpaced, at once. */
  paced(): boolean;
  /** The echo fault is on. */
  echoing(): boolean;
  /** Sends bytes straight back, bypassing the pacer: the echo is the master's own light, not the meter talking. */
  echo(chunk: Buffer): void;
  /** The meter's line speed now: the master's bytes take their wire time at this speed. */
  baudRate(): number;
  /** Bytes have reached the meter; false when the session has closed since (the bytes are then dropped). */
  heard(): boolean;
  /** Outside programming mode `ACK ...` is an option select; inside it a lone ACK asks for the next block. */
  optionSelectExpected(): boolean;
  frame(frame: Frame): void;
}

/**
 * The meter's receive side: the echo fault, receive pacing and the frame reader. Over TCP the master's bytes
 * arrive at once; a meter on a real line hears the last of them only after their wire time at its current speed,
 * and its reaction time runs from there, so a paced session holds each chunk back until then.
 */
export class MeterReceiver {
  private reader: FrameReader;
  /** Received bytes still "on the wire" (pacing on), in arrival order, and when the last of them will have been heard. */
  private readonly onTheWire = new Map<NodeJS.Timeout, Buffer>();
  private heardAllAt = 0;

  constructor(private readonly io: MeterReceiverIo) {
    this.reader = this.newReader();
  }

  receive(chunk: Buffer): void {
    // An optical head reflects the master's own light: the echo comes back at once, whatever the meter does.
    if (this.io.echoing()) this.io.echo(chunk);
    if (!this.io.paced()) return this.hear(chunk);
    const now = performance.now();
    this.heardAllAt = Math.max(now, this.heardAllAt) + wireTimeMs(chunk.length, this.io.baudRate());
    const timer = setTimeout(() => {
      this.onTheWire.delete(timer);
      this.hear(chunk);
    }, this.heardAllAt - now);
    this.onTheWire.set(timer, chunk);
  }

  /** Forgets any half-received frame: what follows an ended session starts afresh. */
  restartReader(): void {
    this.reader = this.newReader();
  }

  /**
   * The master hung up: the bytes it sent before are on the wire already and reach the meter, so
   * they are heard now, in order, without waiting out their wire time (nobody is left to answer).
   */
  hearTheRest(): void {
    const pending = [...this.onTheWire];
    this.onTheWire.clear();
    for (const [timer, chunk] of pending) {
      clearTimeout(timer);
      this.hear(chunk);
    }
  }

  /** Drops the bytes still on the wire (the simulator stops). */
  stop(): void {
    for (const timer of this.onTheWire.keys()) clearTimeout(timer);
    this.onTheWire.clear();
  }

  private hear(chunk: Buffer): void {
    if (!this.io.heard()) return;
    this.reader.optionSelectExpected = this.io.optionSelectExpected();
    this.reader.write(chunk);
  }

  private newReader(): FrameReader {
    const reader = new FrameReader({ role: 'meter' });
    reader.on('frame', (frame: Frame) => {
      // A replaced reader may still be mid-write; its frames belong to a session that is over.
      if (reader === this.reader) this.io.frame(frame);
    });
    return reader;
  }
}

export const ACK_BYTE = Buffer.from([ACK]);
export const NAK_BYTE = Buffer.from([NAK]);

/** The bytes of a received frame (ACK and NAK carry none of their own). */
export function frameBytes(frame: Frame): Buffer {
  if ('bytes' in frame) return frame.bytes;
  return frame.kind === 'ack' ? ACK_BYTE : NAK_BYTE;
}

/** A received frame as the log shows it: readable, but a password from the master never goes into a log. */
export function frameLogText(bytes: Buffer): string {
  return isPasswordCommand(bytes) ? `<SOH>P${String.fromCharCode(bytes[2])} (password hidden)` : describeBytes(bytes);
}

/** `SOH P1|P2 ...`: a password command. */
function isPasswordCommand(bytes: Buffer): boolean {
  return bytes[0] === 0x01 && bytes[1] === 0x50 && (bytes[2] === 0x31 || bytes[2] === 0x32);
}

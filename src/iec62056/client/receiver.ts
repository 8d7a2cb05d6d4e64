import type { MeterError } from '../../errors';
import type { ByteLink } from '../../transport/link';
import { type Frame, FrameReader } from '../frame-reader';
import { abortedError, now } from './clock';
import { characterTimeout, connectionLost, type FailureContext, type Stage } from './failures';
import type { EchoHandling } from './options';

const PREVIEW_CHARS = 96;

interface Waiter {
  resolve(frame: Frame): void;
  reject(error: MeterError): void;
  stage: Stage;
  startedAt: number;
  firstDeadline: number;
  onSilence: (context: FailureContext) => MeterError;
}

interface SentMessage {
  bytes: Buffer;
  secret: boolean;
}

/**
 * Receives frames from a ByteLink for one session. Time-outs are per character, as the standard wants
 * (ta <= 1500 ms): a wait fails when the first byte does not come within its own limit (the reaction time),
 * or when the line goes quiet for charTimeoutMs once bytes have started to arrive. A frame equal to one
 * of our own messages sent since the last answer is dropped as an echo (unless echo is 'off').
 */
export class FrameReceiver {
  baudRate: number;
  bytesReceived = 0;
  echoesDropped = 0;
  firstByteAt: number | undefined;
  lastByteAt: number | undefined;
  private readonly reader = new FrameReader({ role: 'master' });
  private readonly queue: Frame[] = [];
  private sentSinceAnswer: SentMessage[] = [];
  private preview = '';
  private waiter: Waiter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closedBy: { error: Error | undefined } | undefined;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onClose = (error?: Error) => this.linkClosed(error);
  private readonly onAbort = () => this.settle(undefined, abortedError(this.waiter?.stage ?? 'data'));

  constructor(
    private readonly link: ByteLink,
    private readonly echo: EchoHandling,
    private readonly charTimeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    baudRate: number,
  ) {
    this.baudRate = baudRate;
    this.reader.on('frame', (frame: Frame) => this.onFrame(frame));
    link.on('data', this.onData);
    link.on('close', this.onClose);
    signal?.addEventListener('abort', this.onAbort);
  }

  get parityBitsSeen(): number {
    return this.reader.parityBitsSeen;
  }

  set push(value: boolean) {
    this.reader.push = value;
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** Tell the receiver what we sent, so that its echo can be recognised (and a secret never shown). */
  sent(bytes: Buffer, secret = false): void {
    this.sentSinceAnswer.push({ bytes, secret });
  }

  context(stage: Stage): FailureContext {
    return { stage, baudRate: this.baudRate, bytesReceived: this.bytesReceived, received: this.preview };
  }

  /** Forgets buffered and partial frames (before a new attempt). */
  reset(): void {
    this.queue.length = 0;
    this.reader.reset();
    this.sentSinceAnswer = [];
  }

  /**
   * The next frame (noise and echoes skipped). `firstByteTimeoutMs` bounds the wait for the first byte;
   * `onSilence` makes the error when nothing (or only noise) came.
   */
  next(stage: Stage, firstByteTimeoutMs: number, onSilence: (context: FailureContext) => MeterError): Promise<Frame> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.signal?.aborted) return Promise.reject(abortedError(stage));
    if (this.closedBy) return Promise.reject(connectionLost(this.context(stage), this.closedBy.error));
    return new Promise<Frame>((resolve, reject) => {
      const startedAt = now();
      this.waiter = { resolve, reject, stage, startedAt, firstDeadline: startedAt + firstByteTimeoutMs, onSilence };
      this.arm();
    });
  }

  detach(): void {
    this.clearTimer();
    this.link.off('data', this.onData);
    this.link.off('close', this.onClose);
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private receive(chunk: Buffer): void {
    const at = now();
    this.firstByteAt ??= at;
    this.lastByteAt = at;
    this.bytesReceived += chunk.length;
    this.reader.write(chunk);
    if (this.waiter) this.arm();
  }

  private onFrame(frame: Frame): void {
    const echo = this.matchSent(frame);
    if (echo) {
      this.addPreview(echo.secret ? '<echo of a secret>' : frameText(frame));
      if (this.echo !== 'off') {
        this.echoesDropped++;
        return;
      }
    } else {
      this.addPreview(frameText(frame));
    }
    if (frame.kind === 'noise') return;
    this.sentSinceAnswer = [];
    if (this.waiter) this.settle(frame, undefined);
    else this.queue.push(frame);
  }

  /** The sent message this frame repeats, if any. A lone ACK/NAK only counts as an echo with echo 'on'. */
  private matchSent(frame: Frame): SentMessage | undefined {
    if (frame.kind === 'ack' || frame.kind === 'nak') {
      if (this.echo !== 'on') return undefined;
      const byte = frame.kind === 'ack' ? 0x06 : 0x15;
      return this.sentSinceAnswer.find((sent) => sent.bytes.length === 1 && sent.bytes[0] === byte);
    }
    const bytes = frame.bytes;
    return this.sentSinceAnswer.find((sent) => sent.bytes.length > 1 && sent.bytes.equals(bytes));
  }

  private addPreview(text: string): void {
    this.preview = (this.preview + text).slice(-PREVIEW_CHARS);
  }

  private arm(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.clearTimer();
    const sinceStart = this.lastByteAt !== undefined && this.lastByteAt >= waiter.startedAt ? this.lastByteAt + this.charTimeoutMs : 0;
    const deadline = Math.max(waiter.firstDeadline, sinceStart);
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - now()));
  }

  private expire(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    // Inside a frame: the meter stopped between two characters. Otherwise: no answer at all.
    const error = this.reader.pending > 0 ? characterTimeout(this.context(waiter.stage), this.charTimeoutMs) : waiter.onSilence(this.context(waiter.stage));
    this.settle(undefined, error);
  }

  private linkClosed(error: Error | undefined): void {
    this.closedBy = { error };
    if (this.waiter) this.settle(undefined, connectionLost(this.context(this.waiter.stage), error));
  }

  private settle(frame: Frame | undefined, error: MeterError | undefined): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    this.clearTimer();
    if (error) waiter.reject(error);
    else if (frame) waiter.resolve(frame);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function frameText(frame: Frame): string {
  if (frame.kind === 'ack') return '\x06';
  if (frame.kind === 'nak') return '\x15';
  return frame.bytes.toString('latin1');
}

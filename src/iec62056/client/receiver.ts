import type { MeterError } from '../../errors';
import type { ByteLink } from '../../transport/link';
import { type Frame, FrameReader } from '../frame-reader';
import { abortedError, now } from './clock';
import { characterTimeout, connectionLost, type FailureContext, type PhaseProgress, type Stage } from './failures';
import type { EchoHandling } from './options';

const PREVIEW_CHARS = 96;

/**
 * One phase of a session (identification, a data message, one programming-mode answer, a push telegram): its
 * deadline and byte budget are fixed when it starts; nothing received moves them.
 */
export interface PhaseLimits {
  /** now() by which the phase must be over. */
  deadline: number;
  /** Bytes the phase may receive, noise and stray frames included. */
  maxBytes: number;
  onDeadline(context: FailureContext, progress: PhaseProgress, deadlineMs: number): MeterError;
  onOverflow(context: FailureContext, progress: PhaseProgress, maxBytes: number): MeterError;
}

interface Phase extends PhaseLimits {
  startedAt: number;
  startBytes: number;
}

interface Waiter {
  resolve(frame: Frame): void;
  reject(error: MeterError): void;
  stage: Stage;
  /** The answer (its first frame) must have started by then; noise, ACK/NAK and echoes do not move it. */
  frameDeadline: number;
  onSilence: (context: FailureContext) => MeterError;
}

interface SentMessage {
  bytes: Buffer;
  secret: boolean;
}

/**
 * Receives frames from a ByteLink for one session. A wait fails when no frame has started by its own limit
 * (the reaction time; bytes that make no frame do not count), when the line goes quiet for charTimeoutMs inside
 * a frame (ta <= 1500 ms), or when the current phase runs out of time or bytes. A frame equal to one of our own
 * messages sent since the last answer is dropped as an echo (unless echo is 'off').
 */
export class FrameReceiver {
  baudRate: number;
  bytesReceived = 0;
  echoesDropped = 0;
  firstByteAt: number | undefined;
  lastByteAt: number | undefined;
  private readonly reader: FrameReader;
  private phase: Phase | undefined;
  /** Why the current phase is over (set when bytes overflow it with nobody waiting). */
  private phaseFailure: MeterError | undefined;
  private timerFor: 'frame' | 'phase' = 'frame';
  private readonly queue: Frame[] = [];
  private sentSinceAnswer: SentMessage[] = [];
  private preview = '';
  private waiter: Waiter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closedBy: { error: Error | undefined } | undefined;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onClose = (error?: Error) => this.linkClosed(error);
  private readonly onAbort = () => this.settle(undefined, abortedError(this.waiter?.stage ?? 'data', this.signal));

  constructor(
    private readonly link: ByteLink,
    private readonly echo: EchoHandling,
    private readonly charTimeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    baudRate: number,
    maxAnswerBytes: number,
  ) {
    this.baudRate = baudRate;
    // The reader's own cut (oversized frames become noise) must not come before our byte budget does.
    this.reader = new FrameReader({ role: 'master', maxFrameBytes: Math.max(1 << 20, maxAnswerBytes + 1) });
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

  /** Starts a phase: from now on its deadline and byte budget cut every wait, until the next phase. */
  beginPhase(limits: PhaseLimits): void {
    this.phase = { ...limits, startedAt: now(), startBytes: this.bytesReceived };
    this.phaseFailure = undefined;
  }

  /**
   * The next frame (noise and echoes skipped). A frame must start by `frameDeadline` (a now() time; what is not a
   * frame does not move it); `onSilence` makes the error when none did. The phase's limits apply as well.
   */
  next(stage: Stage, frameDeadline: number, onSilence: (context: FailureContext) => MeterError): Promise<Frame> {
    if (this.signal?.aborted) return Promise.reject(abortedError(stage, this.signal));
    const failure = this.phaseFailure ?? this.phaseExpired(stage);
    if (failure) return Promise.reject(failure);
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closedBy) return Promise.reject(connectionLost(this.context(stage), this.closedBy.error));
    return new Promise<Frame>((resolve, reject) => {
      this.waiter = { resolve, reject, stage, frameDeadline, onSilence };
      this.arm();
    });
  }

  /** Bytes of the unfinished frame in the reader. */
  get pending(): number {
    return this.reader.pending;
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
    if (this.overflowed()) return;
    if (this.waiter) this.arm();
  }

  /** Over the phase's byte budget: the phase fails now (or at the next wait, when nobody waits). */
  private overflowed(): boolean {
    const phase = this.phase;
    if (!phase || this.phaseFailure || this.bytesReceived - phase.startBytes <= phase.maxBytes) return false;
    const stage = this.waiter?.stage ?? 'data';
    this.phaseFailure = phase.onOverflow(this.context(stage), this.progress(phase), phase.maxBytes);
    this.settle(undefined, this.phaseFailure);
    return true;
  }

  private progress(phase: Phase): PhaseProgress {
    return { bytes: this.bytesReceived - phase.startBytes, pending: this.reader.pending, elapsedMs: now() - phase.startedAt };
  }

  /** The phase's error once its deadline has passed. */
  private phaseExpired(stage: Stage): MeterError | undefined {
    const phase = this.phase;
    if (!phase || now() < phase.deadline) return undefined;
    return phase.onDeadline(this.context(stage), this.progress(phase), phase.deadline - phase.startedAt);
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
    // Inside a frame the meter may pause up to ta between characters; between frames only the frame deadline counts.
    const insideFrame = this.reader.pending > 0 && this.lastByteAt !== undefined;
    let deadline = insideFrame ? Math.max(waiter.frameDeadline, (this.lastByteAt ?? 0) + this.charTimeoutMs) : waiter.frameDeadline;
    this.timerFor = 'frame';
    if (this.phase && this.phase.deadline <= deadline) {
      deadline = this.phase.deadline;
      this.timerFor = 'phase';
    }
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - now()));
  }

  private expire(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const phase = this.phase;
    if (this.timerFor === 'phase' && phase) {
      this.settle(undefined, phase.onDeadline(this.context(waiter.stage), this.progress(phase), phase.deadline - phase.startedAt));
      return;
    }
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

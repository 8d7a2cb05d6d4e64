import { MeterError } from '../../errors';
import type { ByteLink } from '../../transport/link';
import { AckOptionSelectMessage, type ModeControl } from '../ack-option';
import { interpretBaudChar, modeCBaudChar, STANDARD_BAUD_RATES } from '../baud';
import { REACTION_TIME_MS, wireTimeMs } from '../constants';
import type { Frame } from '../frame-reader';
import { CommandMessage } from '../frames';
import { IdentificationMessage } from '../identification';
import { answerPhaseMs, IDENTIFICATION_MAX_BYTES, identificationPhaseMs, listenPhaseMs } from './bounds';
import { now, sleep, throwIfAborted, untilAborted } from './clock';
import {
  answerDeadline, answerTooLong, badIdentification, dataDeadline, identificationDeadline, noIdentification, type Stage, unsupportedBaudChar,
} from './failures';
import { defaultSwitchDelayMs, type ResolvedSessionOptions } from './options';
import { FrameReceiver, type PhaseLimits } from './receiver';

export type SessionState = 'idle' | 'waking' | 'requesting' | 'identifying' | 'selecting' | 'receiving' | 'programming' | 'breaking' | 'done' | 'failed';

/** What one attempt may do with the speed: the cap for this try, or no switch at all (the last try). */
export interface AttemptPlan {
  capBaudRate: number;
  switching: boolean;
}

export interface SignOn {
  identification: IdentificationMessage;
  /** The mode the session runs in (E is read as C). */
  mode: 'A' | 'B' | 'C';
  /** The speed the data comes at. */
  baudRate: number;
  /** An option select was sent (mode C): the data wait counts from it. */
  optionSelected: boolean;
}

/**
 * One attempt of an IEC 62056-21 session on a link: wake-up, request, identification, option select and
 * baud switch. Each of our messages waits the meter's reaction time after the last byte received, and no
 * longer, so a session costs the protocol minimum plus the switch-over allowance.
 */
export class Session {
  state: SessionState = 'idle';
  readonly receiver: FrameReceiver;
  readonly startedAt = now();
  identifiedAt: number | undefined;
  dataCompleteAt: number | undefined;
  requestSent = false;
  private reactionTimeMs: number;
  /** When our last message will have left the wire (write() may return before, on TCP). */
  private wireFreeAt = 0;
  private currentBaudRate: number;

  constructor(
    readonly link: ByteLink,
    readonly options: ResolvedSessionOptions,
    readonly plan: AttemptPlan,
  ) {
    this.currentBaudRate = options.startBaudRate;
    this.reactionTimeMs = options.reactionTimeMs ?? REACTION_TIME_MS;
    this.receiver = new FrameReceiver(link, options.echo, options.charTimeoutMs, options.signal, this.currentBaudRate, options.maxAnswerBytes);
  }

  get baudRate(): number {
    return this.currentBaudRate;
  }

  /** Puts the line at the start speed (unless the speed is fixed). */
  async prepare(): Promise<void> {
    if (this.options.switching) await this.setBaudRate(this.options.startBaudRate);
  }

  async signOn(modeControl: ModeControl): Promise<SignOn> {
    if (this.options.wakeUp) await this.wakeUp(this.options.wakeUp.nulMs, this.options.wakeUp.pauseMs);
    this.state = 'requesting';
    await this.send(this.options.request.encode(), 'request', { waitReaction: false });
    this.requestSent = true;
    this.state = 'identifying';
    const identification = await this.receiveIdentification();
    this.reactionTimeMs = this.options.reactionTimeMs ?? identification.reactionTimeMs;
    return this.enterMode(identification, modeControl);
  }

  /**
   * Writes one message after the reaction time (counted from the last byte received) and remembers when
   * it will have left the wire. `secret` keeps its echo out of diagnostics.
   */
  async send(bytes: Buffer, stage: Stage, { waitReaction = true, secret = false } = {}): Promise<void> {
    if (waitReaction) await this.waitReactionTime(stage);
    throwIfAborted(this.options.signal, stage);
    const start = now();
    this.receiver.sent(bytes, secret);
    await untilAborted(this.link.write(bytes), this.options.signal, stage);
    this.wireFreeAt = start + wireTimeMs(bytes.length, this.currentBaudRate);
  }

  /** The first-byte limit for an answer to the message just sent: its remaining wire time plus tr max. */
  answerTimeoutMs(extraMs = 0): number {
    return Math.max(0, this.wireFreeAt - now()) + this.options.maxReactionTimeMs + extraMs;
  }

  /** When the answer to the message just sent must have started (a now() time): see answerTimeoutMs(). */
  answerDeadline(extraMs = 0): number {
    return now() + this.answerTimeoutMs(extraMs);
  }

  /** The next frame; it must start by `frameDeadline` (a now() time). The current phase's limits apply too. */
  next(stage: Stage, frameDeadline: number, onSilence: Parameters<FrameReceiver['next']>[2]): Promise<Frame> {
    return this.receiver.next(stage, frameDeadline, onSilence);
  }

  /**
   * Starts the phase of one answer at the current speed: a readout data message ('data': 65543 when late) or a
   * programming-mode answer (65546). Either fails with 66050 past maxAnswerBytes.
   */
  beginAnswerPhase(kind: 'data' | 'answer', maxRepeats: number): void {
    const ms = Math.max(0, this.wireFreeAt - now()) + answerPhaseMs(this.options, this.currentBaudRate, maxRepeats);
    this.beginPhase(ms, this.options.maxAnswerBytes, kind === 'data' ? dataDeadline : answerDeadline);
  }

  /** Starts waiting for a push telegram (mode D, or a push meter found in automatic mode). */
  beginListenPhase(listenTimeoutMs: number): void {
    this.beginPhase(listenPhaseMs(this.options, listenTimeoutMs, this.currentBaudRate), this.options.maxAnswerBytes, identificationDeadline);
  }

  private beginPhase(ms: number, maxBytes: number, onDeadline: PhaseLimits['onDeadline']): void {
    this.receiver.beginPhase({ deadline: now() + ms, maxBytes, onDeadline, onOverflow: answerTooLong });
  }

  /** Sends the B0 break at the current speed (programming mode end, or after an error). */
  async sendBreak(): Promise<void> {
    this.state = 'breaking';
    await this.send(CommandMessage.break().encode(), 'break');
  }

  close(): void {
    this.receiver.detach();
  }

  private async wakeUp(nulMs: number, pauseMs: number): Promise<void> {
    this.state = 'waking';
    const count = Math.max(1, Math.ceil(nulMs / wireTimeMs(1, this.currentBaudRate)));
    await this.send(Buffer.alloc(count, 0), 'wake-up', { waitReaction: false });
    await sleep(Math.max(0, this.wireFreeAt - now()) + pauseMs, this.options.signal, 'wake-up');
  }

  private async receiveIdentification(): Promise<IdentificationMessage> {
    let rejected: MeterError | undefined;
    const onSilence = (context: Parameters<typeof noIdentification>[0]) => (rejected ? badIdentification(rejected, context) : noIdentification(context));
    this.beginPhase(Math.max(0, this.wireFreeAt - now()) + identificationPhaseMs(this.options, this.currentBaudRate), IDENTIFICATION_MAX_BYTES, identificationDeadline);
    // Fixed now: stray frames (an ACK storm, data, commands) do not give the meter more time.
    let frameDeadline = this.answerDeadline();
    for (;;) {
      const frame = await this.receiver.next('identification', frameDeadline, onSilence);
      if (frame.kind !== 'line') continue; // a stray ACK, data or command before the identification
      try {
        const identification = IdentificationMessage.decode(frame.bytes);
        this.identifiedAt = now();
        return identification;
      } catch (error) {
        // Garbage that happened to contain `/`: remember why it failed, keep waiting for the real line.
        rejected = error instanceof MeterError ? error : undefined;
        frameDeadline = now() + this.options.maxReactionTimeMs;
      }
    }
  }

  private async enterMode(identification: IdentificationMessage, modeControl: ModeControl): Promise<SignOn> {
    const requested = this.options.mode === 'auto' ? identification.mode : this.options.mode;
    const mode = requested === 'E' ? 'C' : requested;
    if (modeControl !== '0' && mode !== 'C') {
      throw unsupportedBaudChar(this.receiver.context('option-select'), identification.baudChar, 'programming mode needs a mode C meter (a digit 0-6)');
    }
    if (mode === 'D') throw new MeterError('E_BAD_ARGUMENT', 'mode D meters push their data: use listen() instead of a request');
    if (mode === 'A') return { identification, mode, baudRate: this.currentBaudRate, optionSelected: false };
    if (mode === 'B') return this.enterModeB(identification);
    return this.selectOption(identification, modeControl);
  }

  private async enterModeB(identification: IdentificationMessage): Promise<SignOn> {
    const meaning = interpretBaudChar(identification.baudChar);
    if (meaning.mode !== 'B') throw unsupportedBaudChar(this.receiver.context('identification'), identification.baudChar, 'mode B needs a letter A-F');
    // Both sides switch right after the identification; the meter answers after its reaction time.
    if (this.canSwitch()) await this.setBaudRate(meaning.baudRate);
    return { identification, mode: 'B', baudRate: this.currentBaudRate, optionSelected: false };
  }

  private async selectOption(identification: IdentificationMessage, modeControl: ModeControl): Promise<SignOn> {
    const meaning = interpretBaudChar(identification.baudChar);
    if (meaning.mode !== 'C') {
      throw unsupportedBaudChar(this.receiver.context('identification'), identification.baudChar, 'mode C needs a digit 0-6');
    }
    const target = this.canSwitch() ? chooseBaudRate(meaning.baudRate, Math.min(this.plan.capBaudRate, this.options.maxBaudRate)) : this.currentBaudRate;
    const baudChar = modeCBaudChar(target);
    if (baudChar === undefined) {
      throw new MeterError('E_BAD_ARGUMENT', `the line speed ${target} Bd has no mode C character; use one of ${STANDARD_BAUD_RATES.join(', ')}`);
    }
    this.state = 'selecting';
    await this.send(new AckOptionSelectMessage(baudChar, modeControl).encode(), 'option-select');
    if (target !== this.currentBaudRate) {
      // Switch once the option select has left the wire, plus the switch-over delay (below the reaction time).
      const delay = this.options.switchDelayMs ?? defaultSwitchDelayMs(this.reactionTimeMs);
      await sleep(Math.max(0, this.wireFreeAt - now()) + delay, this.options.signal, 'option-select');
      await this.setBaudRate(target);
    }
    return { identification, mode: 'C', baudRate: this.currentBaudRate, optionSelected: true };
  }

  private canSwitch(): boolean {
    return this.options.switching && this.plan.switching;
  }

  private async setBaudRate(baudRate: number): Promise<void> {
    if (!this.options.switching) return;
    await untilAborted(this.link.setBaudRate(baudRate), this.options.signal, 'option-select');
    this.currentBaudRate = baudRate;
    this.receiver.baudRate = baudRate;
  }

  private async waitReactionTime(stage: Stage): Promise<void> {
    const last = this.receiver.lastByteAt;
    if (last === undefined) return;
    await sleep(last + this.reactionTimeMs - now(), this.options.signal, stage);
  }
}

/** The highest standard rate not above the meter's offer and the cap (300 at least). */
export function chooseBaudRate(offered: number, cap: number): number {
  const limit = Math.min(offered, cap);
  const fitting = STANDARD_BAUD_RATES.filter((rate) => rate <= limit);
  return fitting.length === 0 ? STANDARD_BAUD_RATES[0] : fitting[fitting.length - 1];
}

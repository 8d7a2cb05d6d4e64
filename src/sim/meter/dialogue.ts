import type { AckOptionSelectMessage } from '../../iec62056/ack-option';
import { DataBlockMessage } from '../../iec62056/frames';
import { IdentificationMessage } from '../../iec62056/identification';
import { cutOffBytes, dataMessageBytes, optionSelectOutcome, programmingReplyBytes } from './answers';
import type { ConnectionLog } from './connection-log';
import { garbageBytes } from './faults';
import type { MeterLine } from './line';
import { profileMode } from './profile';
import { ProgrammingHandler, ProgrammingReply } from './programming';
import type { MeterSessionContext, MeterSessionState } from './session';
import type { SessionRun } from './session-run';

const GARBAGE_BYTES = 24;

/** What a dialogue works with: its session's parts, and the run it answers in. */
export interface DialogueIo {
  readonly context: MeterSessionContext;
  readonly connection: number;
  readonly line: MeterLine;
  readonly log: ConnectionLog;
  readonly run: SessionRun;
  setState(state: MeterSessionState): void;
  /** Restarts the session's inactivity timeout (the meter now waits for the master). */
  armInactivity(): void;
  endSession(reason: string): void;
}

/** The programming-mode frames a dialogue takes once it has handed over to programming mode. */
export type ProgrammingFrameKind = 'command' | 'ack' | 'nak';

/**
 * The meter's side of one accepted request: identification at the initial speed, then by mode: A readout at once,
 * B switch then readout, C/E wait for the option select (readout, or the hand-off to programming mode). Faults
 * are read at each step, so one switched at run time applies at once. Every step runs in the session run the
 * request was accepted in, and stops as soon as that run is over.
 */
export class MeterDialogue {
  private programming: ProgrammingHandler | undefined;

  constructor(private readonly io: DialogueIo) {}

  private get context(): MeterSessionContext {
    return this.io.context;
  }

  async answerRequest(): Promise<void> {
    const { run, context } = this.io;
    this.io.log.session(profileMode(context.profile));
    this.io.setState('identifying');
    if (!(await run.waitReactionTime())) return;
    const garbage = context.faults.garbage;
    if (garbage) {
      await run.transmit(garbageBytes(GARBAGE_BYTES, this.io.connection), 'garbage');
      if (garbage === 'instead') return this.goSilent('fault: garbage instead of the identification');
    }
    const identification = new IdentificationMessage(context.profile.identification);
    if (!(await run.transmit(identification.encode(), 'identification'))) return;
    const mode = identification.mode;
    if (mode === 'A') return this.sendReadout();
    if (mode === 'B') {
      this.io.line.setBaudRate(identification.baudRate);
      if (await run.waitReactionTime()) await this.sendReadout();
      return;
    }
    this.io.setState('awaiting-option');
    this.io.armInactivity();
  }

  /** An option select while the meter awaits one (modes C and E). */
  onOptionSelect(message: AckOptionSelectMessage): void {
    const outcome = optionSelectOutcome(message, this.context.profile);
    if (outcome.kind === 'readout') void this.startReadout(outcome.baudRate);
    else if (outcome.kind === 'programming') void this.startProgramming(outcome.baudRate);
    else this.io.log.event(outcome.event, outcome.detail);
  }

  /** A frame received in programming mode; ignored once programming mode is over. */
  onProgrammingFrame(kind: ProgrammingFrameKind, bytes: Buffer): void {
    if (!this.programming) return;
    if (kind === 'command') this.programming.onCommand(bytes);
    else if (kind === 'ack') this.programming.onAck();
    else this.programming.onNak();
  }

  private async startReadout(baudRate: number): Promise<void> {
    this.io.setState('transmitting');
    if (await this.switchSpeed(baudRate)) await this.sendReadout();
  }

  private async startProgramming(baudRate: number): Promise<void> {
    this.io.setState('transmitting');
    if (!(await this.switchSpeed(baudRate))) return;
    const spec = this.context.profile.programming;
    if (!spec) return;
    this.io.setState('programming');
    this.programming = new ProgrammingHandler(spec, this.context.registers, {
      reply: (reply) => void this.sendReply(reply),
      endSession: (reason) => void this.endAfterTransmission(reason),
      event: (name, detail) => this.io.log.event(name, detail),
    });
    this.programming.start();
  }

  /** Changes speed after an option select and waits the reaction time; false when the meter refuses or resets. */
  private async switchSpeed(baudRate: number): Promise<boolean> {
    const { run, line } = this.io;
    if (this.context.faults.refuseBaudSwitch && baudRate !== line.baudRate) {
      this.io.log.event('baud-switch-refused', `stays at ${line.baudRate} Bd instead of ${baudRate} Bd`);
      if (!(await run.waitReactionTime())) return false;
      await run.transmit(garbageBytes(GARBAGE_BYTES, this.io.connection + 7), 'garbage');
      this.goSilent('fault: refused the baud switch');
      return false;
    }
    line.setBaudRate(baudRate);
    return run.waitReactionTime();
  }

  private async sendReadout(): Promise<void> {
    this.io.setState('transmitting');
    const sent = await this.sendDataMessage(DataBlockMessage.readout(this.context.profile.dataBlock), 'readout');
    if (sent && this.io.run.current) this.io.endSession('readout complete');
  }

  /** A data message with the bad-BCC and cut-off faults applied; false when cut off or reset. */
  private async sendDataMessage(message: DataBlockMessage, what: string): Promise<boolean> {
    const bytes = dataMessageBytes(message, this.context.profile, this.context.faults);
    const cutOff = this.context.faults.cutOff;
    if (cutOff !== undefined) {
      await this.io.run.transmit(cutOffBytes(bytes, cutOff), `${what} (cut off)`);
      this.goSilent('fault: telegram cut off');
      return false;
    }
    return this.io.run.transmit(bytes, what);
  }

  private async sendReply(reply: ProgrammingReply): Promise<void> {
    if (!(await this.io.run.waitReactionTime())) return;
    const { bytes, what } = programmingReplyBytes(reply, this.context.profile, this.context.faults);
    await this.io.run.transmit(bytes, what);
  }

  /** Ends the session once what is queued (e.g. the meter's own B0) has gone out. */
  private async endAfterTransmission(reason: string): Promise<void> {
    this.io.setState('transmitting');
    this.programming = undefined;
    if ((await this.io.run.waitReactionTime(1)) && (await this.io.run.drained())) this.io.endSession(reason);
  }

  /** The meter stops answering until the session times out or a new request comes. */
  private goSilent(reason: string): void {
    this.io.setState('silent');
    this.io.log.event('silent', reason);
    this.io.armInactivity();
  }
}

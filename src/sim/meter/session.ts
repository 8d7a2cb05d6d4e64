import type { AckOptionSelectMessage } from '../../iec62056/ack-option';
import type { Frame } from '../../iec62056/frame-reader';
import { DataBlockMessage } from '../../iec62056/frames';
import { IdentificationMessage } from '../../iec62056/identification';
import { RequestMessage } from '../../iec62056/request';
import { cutOffBytes, dataMessageBytes, optionSelectOutcome, programmingReplyBytes, requestRefusal } from './answers';
import { ConnectionLog } from './connection-log';
import { garbageBytes, MeterFaults } from './faults';
import { MeterLine } from './line';
import type { MeterSimLog } from './log';
import type { Pacer } from './pacer';
import type { MeterPort } from './port';
import { MeterProfile, profileMode } from './profile';
import { ProgrammingHandler, ProgrammingReply } from './programming';
import { PushLoop } from './push';
import { frameBytes, frameLogText, MeterReceiver } from './receiver';
import { InactivityTimer, SessionGenerations } from './session-timers';

/** What a session reads from its simulator at each step, so profile faults switched at run time apply at once. */
export interface MeterSessionContext {
  readonly profile: MeterProfile;
  readonly faults: Readonly<MeterFaults>;
  readonly log: MeterSimLog;
  readonly registers: Map<string, string>;
  readonly pacing: boolean;
  readonly reactionTimeMs: number;
  readonly inactivityTimeoutMs: number;
}

export type MeterSessionState = 'idle' | 'identifying' | 'awaiting-option' | 'transmitting' | 'programming' | 'silent' | 'pushing' | 'closed';

const GARBAGE_BYTES = 24;

/**
 * One meter on one connection. Waits for `/?[address]!`, identifies itself at the initial speed, then follows its
 * mode: A readout at once, B switch then readout, C/E wait for the option select (readout or programming mode).
 * Mode D pushes telegrams on its own. Any step is abandoned when the session resets (timeout, break, new request):
 * every async step holds the generation it started in and stops when that is no longer current.
 */
export class MeterSession {
  state: MeterSessionState = 'idle';
  readonly pacer: Pacer;
  private readonly line: MeterLine;
  private readonly receiver: MeterReceiver;
  private readonly log: ConnectionLog;
  private readonly generations = new SessionGenerations();
  private nulsSeen = 0;
  private programming: ProgrammingHandler | undefined;
  private readonly inactivity = new InactivityTimer(() => this.onInactivity());
  private pushLoop: PushLoop | undefined;

  constructor(
    private readonly context: MeterSessionContext,
    private readonly port: MeterPort,
    readonly connection: number,
  ) {
    this.log = new ConnectionLog(context.log, connection);
    this.line = new MeterLine(port, this.log, { pacing: context.pacing, baudRate: this.initialBaudRate });
    this.pacer = this.line.pacer;
    this.receiver = new MeterReceiver({
      paced: () => this.context.pacing,
      echoing: () => this.context.faults.echo === true,
      echo: (chunk) => this.line.write(chunk),
      baudRate: () => this.baudRate,
      heard: () => this.heard(),
      // In programming mode no option select can come: a lone ACK asks for the next partial block.
      optionSelectExpected: () => this.state !== 'programming',
      frame: (frame) => this.onFrame(frame),
    });
    port.on('data', this.onData);
    port.on('close', this.onClose);
    if (profileMode(context.profile) === 'D') this.startPushing();
  }

  /** The meter's line speed now. */
  get baudRate(): number {
    return this.line.baudRate;
  }

  set baudRate(baudRate: number) {
    this.line.baudRate = baudRate;
  }

  private get profile(): MeterProfile {
    return this.context.profile;
  }

  private get initialBaudRate(): number {
    return this.profile.push?.baudRate ?? this.profile.initialBaudRate;
  }

  /** Stops everything (timers, pending bytes) and detaches from the port; the port itself is left to its owner. */
  close(): void {
    if (this.state === 'closed') return;
    this.reset();
    this.state = 'closed';
    this.receiver.stop();
    this.pushLoop?.stop();
    this.port.removeListener('data', this.onData);
    this.port.removeListener('close', this.onClose);
  }

  private readonly onClose = (): void => this.close();

  private readonly onData = (chunk: Buffer): void => {
    if (this.state !== 'closed') this.receiver.receive(chunk);
  };

  /** The master's bytes reached the meter: it is not inactive. False once closed (the bytes are dropped). */
  private heard(): boolean {
    if (this.state === 'closed') return false;
    this.armInactivity();
    return true;
  }

  private onFrame(frame: Frame): void {
    const bytes = frameBytes(frame);
    this.log.frame(frame.kind, frameLogText(bytes));
    if (frame.kind === 'noise') this.nulsSeen += bytes.filter((byte) => byte === 0).length;
    else if (frame.kind === 'line') this.onLine(bytes);
    else if (frame.kind === 'option-select') this.onOptionSelect(frame.message);
    else if (this.state === 'programming' && this.programming) {
      if (frame.kind === 'command') this.programming.onCommand(bytes);
      else if (frame.kind === 'ack') this.programming.onAck();
      else if (frame.kind === 'nak') this.programming.onNak();
    }
  }

  private onLine(bytes: Buffer): void {
    let request: RequestMessage;
    try {
      request = RequestMessage.decode(bytes);
    } catch {
      return this.event('line-ignored', 'not a request message');
    }
    const refusal = requestRefusal(request, this.profile, this.context.faults, this.nulsSeen);
    if (refusal) return this.event('request-ignored', refusal);
    this.reset();
    this.event('request-accepted', `address ${JSON.stringify(request.address)}`);
    void this.answerRequest(this.generations.current);
  }

  private async answerRequest(generation: number): Promise<void> {
    this.log.session(profileMode(this.profile));
    this.state = 'identifying';
    if (!(await this.waitReactionTime(generation))) return;
    const garbage = this.context.faults.garbage;
    if (garbage) {
      await this.transmit(garbageBytes(GARBAGE_BYTES, this.connection), 'garbage', generation);
      if (garbage === 'instead') return this.goSilent('fault: garbage instead of the identification');
    }
    const identification = new IdentificationMessage(this.profile.identification);
    if (!(await this.transmit(identification.encode(), 'identification', generation))) return;
    const mode = identification.mode;
    if (mode === 'A') return this.sendReadout(generation);
    if (mode === 'B') {
      this.line.setBaudRate(identification.baudRate);
      if (await this.waitReactionTime(generation)) await this.sendReadout(generation);
      return;
    }
    this.state = 'awaiting-option';
    this.armInactivity();
  }

  private onOptionSelect(message: AckOptionSelectMessage): void {
    if (this.state !== 'awaiting-option') return this.event('option-select-ignored', `in state ${this.state}`);
    const outcome = optionSelectOutcome(message, this.profile);
    if (outcome.kind === 'readout') void this.startReadout(outcome.baudRate, this.generations.current);
    else if (outcome.kind === 'programming') void this.startProgramming(outcome.baudRate, this.generations.current);
    else this.event(outcome.event, outcome.detail);
  }

  private async startReadout(baudRate: number, generation: number): Promise<void> {
    this.state = 'transmitting';
    if (await this.switchSpeed(baudRate, generation)) await this.sendReadout(generation);
  }

  private async startProgramming(baudRate: number, generation: number): Promise<void> {
    this.state = 'transmitting';
    if (!(await this.switchSpeed(baudRate, generation)) || !this.profile.programming) return;
    this.state = 'programming';
    this.programming = new ProgrammingHandler(this.profile.programming, this.context.registers, {
      reply: (reply) => void this.sendReply(reply, generation),
      endSession: (reason) => void this.endAfterTransmission(reason, generation),
      event: (name, detail) => this.event(name, detail),
    });
    this.programming.start();
  }

  /** Changes speed after an option select and waits the reaction time; false when the meter refuses or resets. */
  private async switchSpeed(baudRate: number, generation: number): Promise<boolean> {
    if (this.context.faults.refuseBaudSwitch && baudRate !== this.baudRate) {
      this.event('baud-switch-refused', `stays at ${this.baudRate} Bd instead of ${baudRate} Bd`);
      if (!(await this.waitReactionTime(generation))) return false;
      await this.transmit(garbageBytes(GARBAGE_BYTES, this.connection + 7), 'garbage', generation);
      this.goSilent('fault: refused the baud switch');
      return false;
    }
    this.line.setBaudRate(baudRate);
    return this.waitReactionTime(generation);
  }

  private async sendReadout(generation: number): Promise<void> {
    this.state = 'transmitting';
    const sent = await this.sendDataMessage(DataBlockMessage.readout(this.profile.dataBlock), 'readout', generation);
    if (sent && this.generations.isCurrent(generation)) this.endSession('readout complete');
  }

  /** A data message with the bad-BCC and cut-off faults applied; false when cut off or reset. */
  private async sendDataMessage(message: DataBlockMessage, what: string, generation: number): Promise<boolean> {
    const bytes = dataMessageBytes(message, this.profile, this.context.faults);
    const cutOff = this.context.faults.cutOff;
    if (cutOff !== undefined) {
      await this.transmit(cutOffBytes(bytes, cutOff), `${what} (cut off)`, generation);
      this.goSilent('fault: telegram cut off');
      return false;
    }
    return this.transmit(bytes, what, generation);
  }

  private async sendReply(reply: ProgrammingReply, generation: number): Promise<void> {
    if (!(await this.waitReactionTime(generation))) return;
    const { bytes, what } = programmingReplyBytes(reply, this.profile, this.context.faults);
    await this.transmit(bytes, what, generation);
  }

  /** Ends the session once what is queued (e.g. the meter's own B0) has gone out. */
  private async endAfterTransmission(reason: string, generation: number): Promise<void> {
    this.state = 'transmitting';
    this.programming = undefined;
    if (await this.waitReactionTime(generation, 1)) {
      while (this.pacer.busy && this.generations.isCurrent(generation)) await this.generations.wait(5, generation);
      if (this.generations.isCurrent(generation)) this.endSession(reason);
    }
  }

  private startPushing(): void {
    this.state = 'pushing';
    this.pushLoop = new PushLoop(this.profile, () => this.context.faults, {
      busy: () => this.pacer.busy,
      session: () => this.log.session('D'),
      transmit: (bytes, what) => void this.transmit(bytes, what, this.generations.current),
      event: (name, detail) => this.event(name, detail),
      garbageSeed: this.connection,
    });
  }

  /** Queues bytes at the current speed; true when they have gone out and the session is still the same one. */
  private async transmit(bytes: Buffer, what: string, generation: number): Promise<boolean> {
    if (!this.generations.isCurrent(generation)) return false;
    await this.line.send(bytes, what);
    if (!this.generations.isCurrent(generation)) return false;
    this.armInactivity();
    return true;
  }

  /** The meter's pause before it answers (plus extraMs); false when the session resets meanwhile. */
  private waitReactionTime(generation: number, extraMs = 0): Promise<boolean> {
    return this.generations.wait(this.context.reactionTimeMs + extraMs, generation);
  }

  private goSilent(reason: string): void {
    this.state = 'silent';
    this.event('silent', reason);
    this.armInactivity();
  }

  /** Inactivity: a session that hears nothing for the timeout (and is not sending) goes back to waiting. */
  private armInactivity(): void {
    if (this.state === 'idle' || this.state === 'closed' || this.state === 'pushing') return this.inactivity.disarm();
    this.inactivity.arm(this.context.inactivityTimeoutMs);
  }

  private onInactivity(): void {
    if (this.pacer.busy) return this.armInactivity();
    this.endSession(`inactivity timeout (${this.context.inactivityTimeoutMs} ms)`);
  }

  private endSession(reason: string): void {
    this.event('session-ended', reason);
    this.reset();
    this.receiver.restartReader();
  }

  /** Abandons the current session: pending waits and bytes dropped, speed back to the initial one. */
  private reset(): void {
    this.generations.next();
    this.pacer.cancel();
    this.inactivity.disarm();
    this.programming = undefined;
    this.nulsSeen = 0;
    if (this.state !== 'closed') this.state = profileMode(this.profile) === 'D' ? 'pushing' : 'idle';
    this.line.setBaudRate(this.initialBaudRate);
  }

  private event(name: string, detail: string): void {
    this.log.event(name, detail);
  }
}

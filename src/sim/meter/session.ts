import type { AckOptionSelectMessage } from '../../iec62056/ack-option';
import type { Frame } from '../../iec62056/frame-reader';
import { RequestMessage } from '../../iec62056/request';
import { requestRefusal } from './answers';
import { ConnectionLog } from './connection-log';
import { MeterDialogue } from './dialogue';
import type { MeterFaults } from './faults';
import { MeterLine } from './line';
import type { MeterSimLog } from './log';
import type { Pacer } from './pacer';
import type { MeterPort } from './port';
import { MeterProfile, profileMode } from './profile';
import { PushLoop } from './push';
import { frameBytes, frameLogText, MeterReceiver } from './receiver';
import { SessionRun } from './session-run';
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

/**
 * One meter on one connection. Waits for `/?[address]!` and answers each accepted request with a `MeterDialogue`
 * (identification, then by mode: readout, option select, programming mode). Mode D pushes telegrams on its own.
 * Any step is abandoned when the session resets (timeout, break, new request): every async step belongs to the
 * session run it started in and stops when that run is no longer current.
 */
export class MeterSession {
  state: MeterSessionState = 'idle';
  readonly pacer: Pacer;
  private readonly line: MeterLine;
  private readonly receiver: MeterReceiver;
  private readonly log: ConnectionLog;
  private readonly generations = new SessionGenerations();
  private run: SessionRun;
  private dialogue: MeterDialogue | undefined;
  private nulsSeen = 0;
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
    this.run = this.newRun();
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

  /** The port closed under the session: bytes it had already received still count (e.g. a break sent just before). */
  private readonly onClose = (): void => {
    if (this.state !== 'closed') this.receiver.hearTheRest();
    this.close();
  };

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
    else if (this.state === 'programming' && (frame.kind === 'command' || frame.kind === 'ack' || frame.kind === 'nak')) {
      this.dialogue?.onProgrammingFrame(frame.kind, bytes);
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
    this.dialogue = this.newDialogue();
    void this.dialogue.answerRequest();
  }

  private onOptionSelect(message: AckOptionSelectMessage): void {
    if (this.state !== 'awaiting-option' || !this.dialogue) return this.event('option-select-ignored', `in state ${this.state}`);
    this.dialogue.onOptionSelect(message);
  }

  private startPushing(): void {
    this.state = 'pushing';
    this.pushLoop = new PushLoop(this.profile, () => this.context.faults, {
      busy: () => this.pacer.busy,
      session: () => this.log.session('D'),
      transmit: (bytes, what) => void this.run.transmit(bytes, what),
      event: (name, detail) => this.event(name, detail),
      garbageSeed: this.connection,
    });
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
    this.run = this.newRun();
    this.pacer.cancel();
    this.inactivity.disarm();
    this.dialogue = undefined;
    this.nulsSeen = 0;
    if (this.state !== 'closed') this.state = profileMode(this.profile) === 'D' ? 'pushing' : 'idle';
    this.line.setBaudRate(this.initialBaudRate);
  }

  private newRun(): SessionRun {
    return new SessionRun(this.generations, this.generations.current, this.line, this.context, () => this.armInactivity());
  }

  private newDialogue(): MeterDialogue {
    return new MeterDialogue({
      context: this.context,
      connection: this.connection,
      line: this.line,
      log: this.log,
      run: this.run,
      setState: (state) => {
        this.state = state;
      },
      armInactivity: () => this.armInactivity(),
      endSession: (reason) => this.endSession(reason),
    });
  }

  private event(name: string, detail: string): void {
    this.log.event(name, detail);
  }
}

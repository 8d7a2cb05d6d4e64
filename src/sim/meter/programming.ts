import { CommandMessage, DataBlockMessage } from '../../iec62056/frames';
import { formatLoadProfile, parseProfileRange } from './load-profile';
import type { ProgrammingSpec } from './profile';

/** A reply the meter sends (again on NAK): a data block (subject to the bad-BCC fault), a command, ACK or NAK. */
export type ProgrammingReply =
  | { kind: 'data'; message: DataBlockMessage; what: string }
  | { kind: 'command'; message: CommandMessage; what: string }
  | { kind: 'ack' }
  | { kind: 'nak' };

/** What the programming-mode logic needs from its session. */
export interface ProgrammingIo {
  reply(reply: ProgrammingReply): void;
  /** Ends the session (break received or sent); the meter waits for a new request. */
  endSession(reason: string): void;
  event(name: string, detail: string): void;
}

const SPLIT_DATA_SET = /^([^()]*)(\(.*\))$/;

/**
 * Programming mode (option select Y=1) after the meter's P0: P1/P2 password, R1/R5 register and load-profile reads
 * (partial blocks with EOT when configured: ACK for the next block, NAK to repeat), W1/W5 writes, B0 break.
 * Reads and writes before a correct password get the error data set. A command with a wrong BCC gets NAK.
 */
export class ProgrammingHandler {
  authenticated = false;
  private blocks: DataBlockMessage[] = [];
  private blockIndex = 0;
  private lastReply: ProgrammingReply | undefined;

  constructor(
    private readonly spec: ProgrammingSpec,
    private readonly registers: Map<string, string>,
    private readonly io: ProgrammingIo,
  ) {}

  /** The password request that opens programming mode: `SOH P0 STX (operand) ETX BCC`. */
  start(): void {
    this.send({ kind: 'command', message: new CommandMessage('P', '0', `(${this.spec.operand})`), what: 'P0' });
  }

  onCommand(frame: Buffer): void {
    let decoded: ReturnType<typeof CommandMessage.decode>;
    try {
      decoded = CommandMessage.decode(frame);
    } catch (error) {
      this.io.event('bad-command', (error as Error).message);
      return this.send({ kind: 'nak' });
    }
    if (!decoded.bcc.valid) {
      this.io.event('bad-bcc-received', `command BCC ${decoded.bcc.received} does not match`);
      return this.send({ kind: 'nak' });
    }
    const { command, type, data } = decoded.message;
    if (command === 'B') {
      // Logged at once: the session ends only after the reaction time, by when the master may have hung up.
      this.io.event('break-received', `B${type}`);
      return this.io.endSession(`break B${type} received`);
    }
    if (command === 'P' && (type === '1' || type === '2')) return this.onPassword(data ?? '');
    if (command === 'R') return this.onRead(data ?? '');
    if (command === 'W') return this.onWrite(data ?? '');
    this.io.event('command-not-supported', `${command}${type}`);
    this.sendError(`${command}${type}`);
  }

  /** ACK: the next partial block, if one is pending. */
  onAck(): void {
    if (this.blockIndex >= this.blocks.length - 1) return this.io.event('ack-ignored', 'no partial block pending');
    this.blockIndex++;
    this.sendBlock();
  }

  /** NAK: the master did not get our last message right; send it again. */
  onNak(): void {
    if (!this.lastReply) return this.io.event('nak-ignored', 'nothing to repeat');
    this.io.event('repeat', 'NAK received, repeating the last message');
    this.io.reply(this.lastReply);
  }

  private onPassword(data: string): void {
    if (data === `(${this.spec.password})`) {
      this.authenticated = true;
      return this.send({ kind: 'ack' });
    }
    // Never the password itself, right or wrong: a log is shown (meter-sim --verbose) and kept.
    this.io.event('password-rejected', 'wrong password (not logged)');
    if (this.spec.wrongPassword === 'nak') return this.send({ kind: 'nak' });
    this.send({ kind: 'command', message: CommandMessage.break(), what: 'B0' });
    this.io.endSession('wrong password: break sent');
  }

  private onRead(data: string): void {
    const match = SPLIT_DATA_SET.exec(data);
    if (!this.authenticated || !match) return this.sendError(this.authenticated ? `malformed read ${data}` : 'read before password');
    const [, address, argument] = match;
    if (/^P\.0[12]$/.test(address) && this.spec.loadProfile) return this.onProfileRead(address, argument);
    const groups = this.registers.get(address);
    if (groups === undefined) return this.sendError(`unknown register ${address}`);
    this.send({ kind: 'data', message: new DataBlockMessage(`${address}${groups}`), what: `R ${address}` });
  }

  private onProfileRead(address: string, argument: string): void {
    const range = parseProfileRange(argument);
    const spec = this.spec.loadProfile;
    if (!range || !spec) return this.sendError(`bad load profile range ${argument}`);
    const lines = formatLoadProfile(address, spec, range);
    if (lines.length === 0) return this.sendError(`no load profile rows in ${argument}`);
    this.blocks = splitIntoBlocks(lines, this.spec.partialBlockBytes);
    this.blockIndex = 0;
    this.sendBlock();
  }

  private onWrite(data: string): void {
    const match = SPLIT_DATA_SET.exec(data);
    if (!this.authenticated || !match || match[1] === '') return this.sendError(this.authenticated ? `malformed write ${data}` : 'write before password');
    this.registers.set(match[1], match[2]);
    this.io.event('register-written', `${match[1]}${match[2]}`);
    this.send({ kind: 'ack' });
  }

  private sendBlock(): void {
    const what = `load profile block ${this.blockIndex + 1}/${this.blocks.length}`;
    this.send({ kind: 'data', message: this.blocks[this.blockIndex], what });
  }

  private sendError(reason: string): void {
    this.io.event('error-answer', reason);
    this.send({ kind: 'data', message: new DataBlockMessage(`(${this.spec.errorCode})`), what: 'error' });
  }

  private send(reply: ProgrammingReply): void {
    this.lastReply = reply;
    this.io.reply(reply);
  }
}

/** Lines (CR LF appended) grouped into blocks of at most `maxBytes` (one line at least); all but the last end with EOT. */
export function splitIntoBlocks(lines: readonly string[], maxBytes: number | undefined): DataBlockMessage[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = `${line}\r\n`;
    if (maxBytes !== undefined && current.length > 0 && current.length + next.length > maxBytes) {
      texts.push(current);
      current = '';
    }
    current += next;
  }
  texts.push(current);
  return texts.map((text, index) => new DataBlockMessage(text, index === texts.length - 1));
}

import { MeterError } from '../../errors';
import { checkFrameText, DATA_SET_FRAMING } from '../frame-text';
import { CommandMessage } from '../frames';
import { parseReadout } from '../readout';
import { type Answer, expectData, joinedMessage, receiveAnswer } from './blocks';
import { now } from './clock';
import { noAnswer, noData, passwordRejected, protocolError } from './failures';
import { DEFAULTS, type LoadProfileRange, type ProgramOptions, validateLoadProfileBound } from './options';
import { sessionFacts } from './readout-run';
import type { ProgramResult, RegisterResult } from './results';
import type { Session } from './session';

/** Checks what program() was asked to do before anything is sent. */
export function validateProgramOptions(options: ProgramOptions): void {
  const readCommand = options.readCommand ?? 'R1';
  if (readCommand !== 'R1' && readCommand !== 'R5') throw new MeterError('E_BAD_ARGUMENT', `readCommand must be R1 or R5, got ${JSON.stringify(readCommand)}`);
  for (const register of options.registers ?? []) {
    if (register.length === 0) throw new MeterError('E_BAD_ARGUMENT', 'a register address must not be empty');
    checkFrameText('the register address', register, { forbidden: DATA_SET_FRAMING });
  }
  if (options.loadProfile) {
    validateLoadProfileBound('from', options.loadProfile.from);
    validateLoadProfileBound('to', options.loadProfile.to);
  }
  // The same rule CommandMessage.password applies, checked here so that nothing at all is sent for a bad one.
  if (options.password !== undefined) checkFrameText('the password', options.password, { forbidden: '()', secret: true });
}

/**
 * Programming mode: `ACK 0 Z 1`, the meter's P0 password request, our P1 password, then R1/R5 reads and the
 * P.01 load profile. The B0 break is always sent at the end, also after an error, unless the session was
 * aborted (the lease is gone: nothing more may be written) or the link is down.
 */
export async function runProgram(session: Session, options: ProgramOptions, firstStartedAt: number, attempts: number): Promise<ProgramResult> {
  const signOn = await session.signOn('1');
  session.state = 'programming';
  try {
    const operand = await receivePasswordRequest(session);
    const passwordAccepted = await sendPassword(session, options.password);
    const registers: RegisterResult[] = [];
    for (const register of options.registers ?? []) {
      registers.push(await readRegister(session, options, options.readCommand ?? 'R1', register, ''));
    }
    const result: ProgramResult = { ...sessionFacts(session, signOn, firstStartedAt, attempts), operand, passwordAccepted, registers };
    if (options.loadProfile) result.loadProfile = await readLoadProfile(session, options, options.loadProfile);
    session.dataCompleteAt = now();
    result.timings = sessionFacts(session, signOn, firstStartedAt, attempts).timings;
    return result;
  } finally {
    await endWithBreak(session);
  }
}

export async function endWithBreak(session: Session): Promise<void> {
  if (session.options.signal?.aborted || session.receiver.closed || !session.link.isOpen) return;
  try {
    await session.sendBreak();
  } catch {
    // The break is a courtesy to the meter; the session's own outcome (or error) is what the caller gets.
  }
}

async function receivePasswordRequest(session: Session): Promise<string | undefined> {
  const answer = await receiveAnswer(session, {
    stage: 'password',
    kind: 'answer',
    frameDeadline: session.answerDeadline(),
    onSilence: (context) => noData(context, true),
    strictBcc: session.options.strictBcc,
    maxRepeats: 0,
  });
  if (answer.kind === 'command' && answer.command === 'P0') return answer.data?.replace(/^\((.*)\)$/, '$1');
  throw protocolError(session.receiver.context('password'), `expected the password request P0 after the option select, got ${describe(answer)}`);
}

async function sendPassword(session: Session, password: string | undefined): Promise<boolean> {
  if (password === undefined) return false;
  await session.send(CommandMessage.password(password).encode(), 'password', { secret: true });
  const answer = await receiveAnswer(session, {
    stage: 'password',
    kind: 'answer',
    frameDeadline: session.answerDeadline(),
    onSilence: noAnswer,
    strictBcc: session.options.strictBcc,
    maxRepeats: 0,
  });
  if (answer.kind === 'ack') return true;
  if (answer.kind === 'nak' || answer.kind === 'command') throw passwordRejected(session.receiver.context('password'), describe(answer));
  throw protocolError(session.receiver.context('password'), `expected ACK or NAK after the password, got ${describe(answer)}`);
}

type BlockRead = RegisterResult & { blocks: number; repeats: number };

async function readRegister(session: Session, options: ProgramOptions, command: 'R1' | 'R5', address: string, value: string): Promise<BlockRead> {
  await session.send(CommandMessage.dataSet('R', command[1], address, value).encode(), 'command');
  const answer = await receiveAnswer(session, {
    stage: 'command',
    kind: 'answer',
    frameDeadline: session.answerDeadline(),
    onSilence: noAnswer,
    strictBcc: session.options.strictBcc,
    maxRepeats: options.maxBlockRepeats ?? DEFAULTS.maxBlockRepeats,
  });
  if (answer.kind === 'nak') {
    // The meter refused this read (unknown register on some meters): report it, keep the session going.
    const empty = Buffer.alloc(0);
    return { address, raw: empty, readout: parseReadout(empty), bcc: { present: false, valid: false, algorithm: undefined }, blocks: 0, repeats: 0, error: 'NAK' };
  }
  const received = expectData(answer, session, 'command', `the answer to ${command} ${address}`);
  const readout = parseReadout(joinedMessage(received), { bccAlgorithms: session.options.bccAlgorithms });
  const result: BlockRead = {
    address, raw: received.raw, readout, bcc: received.bcc, blocks: received.blocks, repeats: received.repeats,
  };
  const error = readout.dataSets.flatMap((set) => set.values).find((value) => value.error !== undefined)?.error;
  if (error !== undefined) result.error = error;
  return result;
}

function readLoadProfile(session: Session, options: ProgramOptions, range: LoadProfileRange): Promise<BlockRead> {
  return readRegister(session, options, 'R5', 'P.01', `${range.from};${range.to}`);
}

function describe(answer: Answer): string {
  if (answer.kind === 'command') return `the command ${answer.command}`;
  if (answer.kind === 'data') return 'a data message';
  if (answer.kind === 'identification') return 'an identification line (a push meter?)';
  return answer.kind.toUpperCase();
}

import type { MeterError } from '../../errors';
import type { BccCheck } from '../bcc';
import { ACK, NAK } from '../constants';
import { CommandMessage, DataBlockMessage } from '../frames';
import { IdentificationMessage } from '../identification';
import { bccMismatch, type FailureContext, protocolError, type Stage, tooManyBlocks } from './failures';
import type { Session } from './session';

/** A data message as received: one block, or partial blocks (EOT) joined. */
export interface ReceivedData {
  /** Every accepted block as received (STX ... ETX/EOT BCC), bit 7 cleared, concatenated. */
  raw: Buffer;
  /** The data of the blocks (between STX and ETX/EOT), joined. */
  text: string;
  /** The check of the last block, or of the first block that failed it (lenient mode). */
  bcc: BccCheck;
  blocks: number;
  /** Blocks asked for again with NAK after a bad BCC. */
  repeats: number;
}

export type Answer =
  | { kind: 'data'; data: ReceivedData }
  | { kind: 'ack' }
  | { kind: 'nak' }
  /** The meter sent a command instead (usually B0: it ends the session). */
  | { kind: 'command'; command: string; data: string | undefined }
  /** An identification line instead: the meter pushes telegrams (mode D) and ignores requests. */
  | { kind: 'identification'; identification: IdentificationMessage };

export interface ReceiveOptions {
  stage: Stage;
  /** A readout data message (late: 65543) or a programming-mode answer (late: 65546). */
  kind: 'data' | 'answer';
  /** When the answer must have started (a now() time); stray frames do not move it. */
  frameDeadline: number;
  onSilence: (context: FailureContext) => MeterError;
  strictBcc: boolean;
  /** NAKs for one bad block before failing (0 = fail at once, for readouts). */
  maxRepeats: number;
}

/**
 * Receives the meter's answer: a data message, possibly in partial blocks (each EOT is acknowledged with
 * ACK for the next block, at most maxPartialBlocks blocks; a block with a bad BCC is asked for again with NAK,
 * a bounded number of times), or a bare ACK/NAK/command, or an identification line (a push meter). Stray frames
 * (an echoed option select with echo 'off', ACK/NAK between blocks, noise) are skipped but are no progress: the
 * answer's phase deadline and byte budget (see Session.beginAnswerPhase) and the block's start deadline stay.
 */
export async function receiveAnswer(session: Session, options: ReceiveOptions): Promise<Answer> {
  session.beginAnswerPhase(options.kind, options.maxRepeats);
  const raws: Buffer[] = [];
  const texts: string[] = [];
  let firstFailure: BccCheck | undefined;
  let repeats = 0;
  let frameDeadline = options.frameDeadline;
  for (;;) {
    const frame = await session.next(options.stage, frameDeadline, options.onSilence);
    if (raws.length === 0 && (frame.kind === 'ack' || frame.kind === 'nak')) return { kind: frame.kind };
    if (frame.kind === 'command') return { kind: 'command', ...decodeCommand(frame.bytes) };
    const identification = raws.length === 0 && frame.kind === 'line' ? IdentificationMessage.tryDecode(frame.bytes) : undefined;
    if (identification) return { kind: 'identification', identification };
    if (frame.kind !== 'data') continue;
    const { message, bcc } = DataBlockMessage.decode(frame.bytes, session.options.bccAlgorithms);
    if (!bcc.valid) {
      if (repeats < options.maxRepeats) {
        repeats++;
        await session.send(Buffer.from([NAK]), options.stage);
        frameDeadline = session.answerDeadline();
        continue;
      }
      if (options.strictBcc) throw bccMismatch(session.receiver.context(options.stage), bcc.received, bcc.expected);
      firstFailure ??= bcc;
    }
    raws.push(frame.bytes);
    texts.push(message.data);
    if (message.last) {
      return { kind: 'data', data: { raw: Buffer.concat(raws), text: texts.join(''), bcc: firstFailure ?? bcc, blocks: raws.length, repeats } };
    }
    if (raws.length >= session.options.maxPartialBlocks) throw tooManyBlocks(session.receiver.context(options.stage), session.options.maxPartialBlocks);
    await session.send(Buffer.from([ACK]), options.stage);
    frameDeadline = session.answerDeadline();
  }
}

/** The answer must be data; anything else is a protocol error that names what came. */
export function expectData(answer: Answer, session: Session, stage: Stage, what: string): ReceivedData {
  if (answer.kind === 'data') return answer.data;
  const got = answer.kind === 'command' ? `the command ${answer.command}` : answer.kind === 'identification' ? 'an identification line (a push meter?)' : answer.kind.toUpperCase();
  throw protocolError(session.receiver.context(stage), `expected ${what}, the meter sent ${got}`);
}

function decodeCommand(bytes: Buffer): { command: string; data: string | undefined } {
  try {
    const { message } = CommandMessage.decode(bytes);
    return { command: `${message.command}${message.type}`, data: message.data };
  } catch {
    return { command: 'an unreadable command', data: undefined };
  }
}

/** One data message for the parser: the received block, or the partial blocks joined into one. */
export function joinedMessage(data: ReceivedData): Buffer {
  return data.blocks === 1 ? data.raw : new DataBlockMessage(data.text).encode(data.bcc.algorithm ?? 'xor');
}

import { IdentificationMessage } from '../identification';
import { parseReadout } from '../readout';
import { expectData, joinedMessage, receiveAnswer } from './blocks';
import { now } from './clock';
import { noData, noTelegram, pushMeterInRequestMode } from './failures';
import type { ReadoutResult, SessionFacts } from './results';
import type { Session } from './session';
import type { ProtocolMode } from '../baud';

/** Facts common to all results, from the session that worked. `baudRate` null: the speed cannot be known. */
export function sessionFacts(
  session: Session, signOn: { identification: IdentificationMessage; mode: ProtocolMode }, firstStartedAt: number, attempts: number,
  baudRate: number | null = session.baudRate,
): SessionFacts {
  const end = now();
  return {
    identification: signOn.identification.toJSON(),
    mode: signOn.mode,
    baudRate,
    echoDetected: session.receiver.echoesDropped > 0,
    parityStripped: session.receiver.parityBitsSeen,
    attempts,
    timings: {
      totalMs: end - firstStartedAt,
      identificationMs: session.identifiedAt === undefined ? undefined : session.identifiedAt - session.startedAt,
      dataMs: session.identifiedAt === undefined ? undefined : (session.dataCompleteAt ?? end) - session.identifiedAt,
    },
  };
}

/**
 * Modes A, B, C (and E read as C): request, identification, option select, then the data message. In automatic
 * mode an identification line where the data belongs is a push meter (mode D): its next telegram is the result.
 */
export async function runReadout(session: Session, firstStartedAt: number, attempts: number, listenTimeoutMs: number): Promise<ReadoutResult> {
  const signOn = await session.signOn('0');
  session.state = 'receiving';
  const afterOptionSelect = signOn.optionSelected;
  // After an option select the meter answers after its reaction time once the ACK has left the wire;
  // in modes A/B the data follows the identification after the reaction time.
  const frameDeadline = afterOptionSelect ? session.answerDeadline() : now() + session.options.maxReactionTimeMs;
  const answer = await receiveAnswer(session, {
    stage: 'data',
    kind: 'data',
    frameDeadline,
    onSilence: (context) => noData(context, afterOptionSelect),
    strictBcc: session.options.strictBcc,
    maxRepeats: 0,
  });
  if (answer.kind === 'identification') {
    if (session.options.mode !== 'auto') throw pushMeterInRequestMode(session.receiver.context('data'), signOn.mode);
    session.receiver.reset();
    return readPushed(session, firstStartedAt, attempts, listenTimeoutMs, session.options.fixedBaudRate);
  }
  const data = expectData(answer, session, 'data', 'the data message');
  session.dataCompleteAt = now();
  session.state = 'done';
  const message = joinedMessage(data);
  const readout = parseReadout(Buffer.concat([signOn.identification.encode(), message]), { bccAlgorithms: session.options.bccAlgorithms });
  return { ...sessionFacts(session, signOn, firstStartedAt, attempts), raw: data.raw, readout, bcc: data.bcc };
}

/** Mode D: no request; wait for the next pushed telegram `/ident CRLF CRLF data ! CRLF`. */
export async function runListen(session: Session, listenTimeoutMs: number, declaredBaudRate: number | undefined): Promise<ReadoutResult> {
  return readPushed(session, session.startedAt, 1, listenTimeoutMs, declaredBaudRate);
}

async function readPushed(
  session: Session, firstStartedAt: number, attempts: number, listenTimeoutMs: number, declaredBaudRate: number | undefined,
): Promise<ReadoutResult> {
  const { identification, bytes } = await receiveTelegram(session, listenTimeoutMs);
  session.identifiedAt ??= session.receiver.firstByteAt ?? session.startedAt;
  session.dataCompleteAt = now();
  session.state = 'done';
  const readout = parseReadout(bytes, { bccAlgorithms: session.options.bccAlgorithms });
  const facts = sessionFacts(session, { identification, mode: 'D' }, firstStartedAt, attempts, pushBaudRate(session, declaredBaudRate));
  return { ...facts, raw: bytes, readout, bcc: undefined };
}

/**
 * The next whole push telegram. It must start within listenTimeoutMs and end within the listen phase; noise
 * and a telegram joined in the middle (its first line is no identification) are skipped without more time.
 */
async function receiveTelegram(session: Session, listenTimeoutMs: number): Promise<{ identification: IdentificationMessage; bytes: Buffer }> {
  session.receiver.push = true;
  session.state = 'receiving';
  session.beginListenPhase(listenTimeoutMs);
  const frameDeadline = now() + listenTimeoutMs;
  for (;;) {
    const frame = await session.next('listen', frameDeadline, noTelegram);
    if (frame.kind !== 'push') continue;
    const lineEnd = frame.bytes.indexOf(0x0a);
    const identification = IdentificationMessage.tryDecode(frame.bytes.subarray(0, lineEnd < 0 ? frame.bytes.length : lineEnd + 1));
    if (identification) return { identification, bytes: frame.bytes };
  }
}

/**
 * The speed a push telegram came at, as far as it can be known: the one the caller declared, or the one a serial
 * port was set to. Over TCP nobody tells us the meter's speed: null.
 */
function pushBaudRate(session: Session, declared: number | undefined): number | null {
  if (declared !== undefined) return declared;
  return session.link.key.startsWith('serial:') ? session.baudRate : null;
}

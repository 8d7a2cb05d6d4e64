import { IdentificationMessage } from '../identification';
import { parseReadout } from '../readout';
import { expectData, joinedMessage, receiveAnswer } from './blocks';
import { now } from './clock';
import { noData, noIdentification, protocolError } from './failures';
import type { ListenOptions } from './options';
import { DEFAULTS } from './options';
import type { ReadoutResult, SessionFacts } from './results';
import type { Session } from './session';
import type { ProtocolMode } from '../baud';

/** Facts common to all results, from the session that worked. */
export function sessionFacts(session: Session, signOn: { identification: IdentificationMessage; mode: ProtocolMode }, firstStartedAt: number, attempts: number): SessionFacts {
  const end = now();
  return {
    identification: signOn.identification.toJSON(),
    mode: signOn.mode,
    baudRate: session.baudRate,
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

/** Modes A, B, C (and E read as C): request, identification, option select, then the data message. */
export async function runReadout(session: Session, firstStartedAt: number, attempts: number): Promise<ReadoutResult> {
  const signOn = await session.signOn('0');
  session.state = 'receiving';
  const afterOptionSelect = signOn.optionSelected;
  // After an option select the meter answers after its reaction time once the ACK has left the wire;
  // in modes A/B the data follows the identification after the reaction time.
  const firstByteTimeoutMs = afterOptionSelect ? session.answerTimeoutMs() : session.options.maxReactionTimeMs;
  const answer = await receiveAnswer(session, {
    stage: 'data',
    firstByteTimeoutMs,
    onSilence: (context) => noData(context, afterOptionSelect),
    strictBcc: session.options.strictBcc,
    maxRepeats: 0,
  });
  const data = expectData(answer, session, 'data', 'the data message');
  session.dataCompleteAt = now();
  session.state = 'done';
  const message = joinedMessage(data);
  const readout = parseReadout(Buffer.concat([signOn.identification.encode(), message]), { bccAlgorithms: session.options.bccAlgorithms });
  return { ...sessionFacts(session, signOn, firstStartedAt, attempts), raw: data.raw, readout, bcc: data.bcc };
}

/** Mode D: no request; wait for the next pushed telegram `/ident CRLF CRLF data ! CRLF`. */
export async function runListen(session: Session, options: ListenOptions): Promise<ReadoutResult> {
  const startedAt = session.startedAt;
  session.receiver.push = true;
  session.state = 'receiving';
  const timeoutMs = options.listenTimeoutMs ?? DEFAULTS.listenTimeoutMs;
  for (;;) {
    const frame = await session.next('listen', timeoutMs, noIdentification);
    if (frame.kind !== 'push') continue;
    const lineEnd = frame.bytes.indexOf(0x0a);
    const identification = IdentificationMessage.tryDecode(frame.bytes.subarray(0, lineEnd < 0 ? frame.bytes.length : lineEnd + 1));
    if (!identification) throw protocolError(session.receiver.context('listen'), 'a pushed telegram without a readable identification line');
    session.identifiedAt = session.receiver.firstByteAt ?? startedAt;
    session.dataCompleteAt = now();
    session.state = 'done';
    const readout = parseReadout(frame.bytes, { bccAlgorithms: session.options.bccAlgorithms });
    return { ...sessionFacts(session, { identification, mode: 'D' }, startedAt, 1), raw: frame.bytes, readout, bcc: undefined };
  }
}

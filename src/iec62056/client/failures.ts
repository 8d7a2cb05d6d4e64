import { MeterError, type ErrorCode } from '../../errors';
import { COLLISION_HINT, collisionSign } from './collision';

/** Where the session was when it failed; goes into MeterError.details. */
export interface FailureContext {
  stage: Stage;
  baudRate: number;
  /** Bytes received in this attempt (after bit 7 was cleared). */
  bytesReceived: number;
  /** The last received bytes (echoes of secrets are never kept), as latin1 text. */
  received: string;
}

export type Stage =
  | 'wake-up'
  | 'request'
  | 'identification'
  | 'option-select'
  | 'data'
  | 'listen'
  | 'password'
  | 'command'
  | 'block'
  | 'break';

function fail(code: ErrorCode, message: string, context: FailureContext, hint?: string, extra: Record<string, unknown> = {}): MeterError {
  return new MeterError(code, message, { hint, details: { ...context, ...extra } });
}

/**
 * A failure while waiting for the identification: when the bytes look like several meters answering at once,
 * the hint says so (and details.collision names the sign), instead of suggesting parity and speed.
 */
function identificationFailure(code: ErrorCode, message: string, context: FailureContext, hint: string, extra: Record<string, unknown> = {}, cause?: MeterError): MeterError {
  const collision = collisionSign(context.received);
  return new MeterError(code, message, {
    cause, hint: collision ? COLLISION_HINT : hint, details: { ...context, ...extra, ...(collision ? { collision } : {}) },
  });
}

export function noIdentification(context: FailureContext): MeterError {
  return identificationFailure(65541, `no identification message from the meter within the reaction time (${context.bytesReceived} bytes received)`, context,
    'Check the probe position (cable pointing down) and the parity (7E1), the device address, and try the wake-up sequence for battery meters.');
}

/** Mode D: no telegram started within listenTimeoutMs (noise does not count). */
export function noTelegram(context: FailureContext): MeterError {
  return fail(65541, `no pushed telegram from the meter started in time (${context.bytesReceived} bytes received, ${context.baudRate} Bd)`, context,
    'Check the speed (many push meters send at 9600 Bd) and the parity, or raise listenTimeoutMs for meters that push rarely.');
}

/** A line arrived where the identification belongs, but it is not one (the decoder's code: 65793-65796). */
export function badIdentification(cause: MeterError, context: FailureContext): MeterError {
  return identificationFailure(cause.code, `the meter's identification could not be read: ${cause.message}`, context,
    'Check the parity (7E1) and the line speed; garbage before the identification often means a wrong speed.', {}, cause);
}

export function noData(context: FailureContext, afterOptionSelect: boolean): MeterError {
  const after = afterOptionSelect ? 'after the acknowledgement/option select' : 'after the identification';
  return fail(65543, `no data from the meter ${after} at ${context.baudRate} Bd`, context,
    afterOptionSelect
      ? 'Increase switchDelayMs (USB adapters may need up to 250 ms), cap maxBaudRate, or use noBaudSwitch/fixedBaudRate.'
      : 'The meter may want an acknowledgement: try mode C, or a lower speed.');
}

/** What a phase brought when it ended without its message, for an error text (e.g. `130 bytes, no ETX`). */
export interface PhaseProgress {
  /** Bytes received since the phase started. */
  bytes: number;
  /** Bytes of an unfinished frame (STX/SOH/`/` without its end) still in the reader. */
  pending: number;
  elapsedMs: number;
}

function whatCame(progress: PhaseProgress): string {
  if (progress.bytes === 0) return 'nothing came';
  const unfinished = progress.pending > 0 ? `, the last ${progress.pending} in a message that never ended (no ETX/LF)` : ', no complete message';
  return `${progress.bytes} bytes came${unfinished}`;
}

/** The data message (after the identification or the option select) did not arrive whole before its deadline. */
export function dataDeadline(context: FailureContext, progress: PhaseProgress, deadlineMs: number): MeterError {
  return fail(65543, `no complete data message within ${Math.round(deadlineMs)} ms at ${context.baudRate} Bd: ${whatCame(progress)}`, context,
    'The meter sends too slowly or not a data message: check the mode (push meters need mode D or auto), raise maxAnswerBytes for very long readouts, or cap maxBaudRate.',
    { phaseBytes: progress.bytes, pendingBytes: progress.pending, deadlineMs });
}

/** A programming-mode answer did not arrive whole before its deadline (ACK/NAK storms, endless blocks). */
export function answerDeadline(context: FailureContext, progress: PhaseProgress, deadlineMs: number): MeterError {
  return fail(65546, `no complete answer to the ${context.stage} message within ${Math.round(deadlineMs)} ms: ${whatCame(progress)}`, context,
    'The meter repeats ACK/NAK or blocks without ending its answer: check the command, raise maxAnswerBytes or maxPartialBlocks for long answers.',
    { phaseBytes: progress.bytes, pendingBytes: progress.pending, deadlineMs });
}

/** No identification (or, listening, no telegram) before the phase deadline, though bytes may have come. */
export function identificationDeadline(context: FailureContext, progress: PhaseProgress, deadlineMs: number): MeterError {
  const extra = { phaseBytes: progress.bytes, pendingBytes: progress.pending, deadlineMs };
  if (context.stage === 'listen') {
    return fail(65541, `no pushed telegram within ${Math.round(deadlineMs)} ms: ${whatCame(progress)}`, context,
      'Check the speed (many push meters send at 9600 Bd), raise listenTimeoutMs for meters that push rarely, or raise maxAnswerBytes for long telegrams.', extra);
  }
  return identificationFailure(65541, `no identification message within ${Math.round(deadlineMs)} ms: ${whatCame(progress)}`, context,
    'Check the parity (7E1), the speed and the device address; a meter that answers only ACK/NAK or noise is not signing on.', extra);
}

/** One answer brought more bytes than maxAnswerBytes (66050: data block too long). */
export function answerTooLong(context: FailureContext, progress: PhaseProgress, maxBytes: number): MeterError {
  return fail(66050, `the meter sent more than maxAnswerBytes (${maxBytes}) in the ${context.stage} stage: ${whatCame(progress)}`, context,
    'A meter that never ends its message, or a very long answer: raise maxAnswerBytes only if the meter really sends this much.',
    { phaseBytes: progress.bytes, pendingBytes: progress.pending, maxAnswerBytes: maxBytes });
}

/** One answer came in more partial blocks than maxPartialBlocks (66050 as well: the answer is too long). */
export function tooManyBlocks(context: FailureContext, maxBlocks: number): MeterError {
  return fail(66050, `the meter sent more than maxPartialBlocks (${maxBlocks}) partial blocks in one answer (${context.stage})`, context,
    'A meter that sends partial blocks without end: raise maxPartialBlocks only for a really long answer (e.g. a large load profile range).',
    { maxPartialBlocks: maxBlocks });
}

/** A forced mode A/B/C session met a meter that pushes telegrams (a second identification line instead of data). */
export function pushMeterInRequestMode(context: FailureContext, mode: string): MeterError {
  return fail(65543, `no data message: the meter pushed another identification line instead (a mode D push meter read in mode ${mode})`, context,
    'Read push meters with mode D (listen) or mode auto, at their push speed (often 9600 Bd).', { pushMeter: true });
}

export function characterTimeout(context: FailureContext, charTimeoutMs: number): MeterError {
  const message = `the meter stopped in the middle of a message: no character for ${charTimeoutMs} ms (${context.stage}, ${context.baudRate} Bd)`;
  const hint = 'Check the cable and the parity (7E1), raise charTimeoutMs, or cap maxBaudRate to a lower speed.';
  // Overlapping identification lines may never end in a clean LF: the line then times out mid-message.
  if (context.stage === 'identification') return identificationFailure(65545, message, context, hint, { charTimeoutMs });
  return fail(65545, message, context, hint, { charTimeoutMs });
}

export function noAnswer(context: FailureContext): MeterError {
  return fail(65546, `no answer from the meter to the ${context.stage} message`, context,
    'The meter may have left programming mode (inactivity time-out) or not support this command.');
}

export function bccMismatch(context: FailureContext, received: number | undefined, expected: number | undefined): MeterError {
  const what = received === undefined ? 'the data message has no BCC' : `BCC mismatch (received 0x${received.toString(16)}, XOR 0x${(expected ?? 0).toString(16)})`;
  return fail(66053, `${what} at ${context.baudRate} Bd`, context,
    'Transmission errors: cap maxBaudRate to a lower speed; for Kamstrup meters accept the sum7 BCC; or set strictBcc false.',
    { bccReceived: received, bccExpected: expected });
}

export function unsupportedBaudChar(context: FailureContext, baudChar: string, why: string): MeterError {
  return fail(65539, `unsupported baud-rate character ${JSON.stringify(baudChar)} in the identification: ${why}`, context,
    'Try mode A, noBaudSwitch, or a fixedBaudRate.', { baudChar });
}

export function protocolError(context: FailureContext, message: string): MeterError {
  return fail('E_PROTOCOL', message, context, 'Check that the device is an IEC 62056-21 meter and the mode option matches it.');
}

export function passwordRejected(context: FailureContext, answer: string): MeterError {
  // The password itself is never part of the error.
  return fail('E_PASSWORD_REJECTED', `the meter rejected the password (${answer})`, context,
    'Check the password (P1); some meters lock the programming mode for a while after wrong passwords.');
}

export function connectionLost(context: FailureContext, cause: Error | undefined): MeterError {
  return new MeterError('E_CONNECTION_LOST', `the link to the meter closed during the ${context.stage} stage`, {
    cause, details: { ...context }, hint: 'Check the serial port or the TCP tunnel.',
  });
}

/** Errors worth another attempt at a lower speed: timeouts and transmission errors, not user errors. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof MeterError)) return false;
  // A push meter read with a request stays one at any speed.
  if (error.details.pushMeter === true) return false;
  return [65541, 65543, 65545, 65546, 66053, 65793, 65794, 65795, 65796, 'E_PROTOCOL'].includes(error.code);
}

import { MeterError, type ErrorCode } from '../../errors';

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

export function noIdentification(context: FailureContext): MeterError {
  return fail(65541, `no identification message from the meter within the reaction time (${context.bytesReceived} bytes received)`, context,
    'Check the probe position (cable pointing down) and the parity (7E1), the device address, and try the wake-up sequence for battery meters.');
}

/** A line arrived where the identification belongs, but it is not one (the decoder's code: 65793-65796). */
export function badIdentification(cause: MeterError, context: FailureContext): MeterError {
  return new MeterError(cause.code, `the meter's identification could not be read: ${cause.message}`, {
    cause, details: { ...context }, hint: 'Check the parity (7E1) and the line speed; garbage before the identification often means a wrong speed.',
  });
}

export function noData(context: FailureContext, afterOptionSelect: boolean): MeterError {
  const after = afterOptionSelect ? 'after the acknowledgement/option select' : 'after the identification';
  return fail(65543, `no data from the meter ${after} at ${context.baudRate} Bd`, context,
    afterOptionSelect
      ? 'Increase switchDelayMs (USB adapters may need up to 250 ms), cap maxBaudRate, or use noBaudSwitch/fixedBaudRate.'
      : 'The meter may want an acknowledgement: try mode C, or a lower speed.');
}

export function characterTimeout(context: FailureContext, charTimeoutMs: number): MeterError {
  return fail(65545, `the meter stopped in the middle of a message: no character for ${charTimeoutMs} ms (${context.stage}, ${context.baudRate} Bd)`, context,
    'Check the cable and the parity (7E1), raise charTimeoutMs, or cap maxBaudRate to a lower speed.', { charTimeoutMs });
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
  return [65541, 65543, 65545, 65546, 66053, 65793, 65794, 65795, 65796, 'E_PROTOCOL'].includes(error.code);
}

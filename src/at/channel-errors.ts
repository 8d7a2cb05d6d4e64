import { MeterError } from '../errors';
import type { AtCommand } from './command';
import type { LineTooLong } from './line-reader';
import type { FinalResult } from './result-codes';

/** undefined for OK; for an error result, E_AT_ERROR with the command, the result form, its number and the lines so far. */
export function atErrorFor(result: FinalResult, command: AtCommand, lines: readonly string[]): MeterError | undefined {
  if (result.kind === 'ok') return undefined;
  const commandText = command.text;
  const number = result.errorNumber === undefined ? '' : ` ${result.errorNumber}`;
  const text = result.text === undefined ? '' : ` (${result.text})`;
  const details: Record<string, unknown> = { command: commandText, result: result.result, lines: [...lines] };
  if (result.errorNumber !== undefined) details.errorNumber = result.errorNumber;
  if (result.text !== undefined) details.text = result.text;
  return new MeterError('E_AT_ERROR', `the gateway answered ${commandText} with ${result.result}${number}${text}`, {
    details,
    hint: 'Check the command and its arguments against the gateway firmware (AMS needs the special firmware).',
  });
}

export function timeoutError(command: AtCommand, timeoutMs: number, lines: string[]): MeterError {
  return new MeterError('E_TIMEOUT', `no final result for ${command.text} within ${timeoutMs} ms`, {
    details: { command: command.text, timeoutMs, lines: [...lines] },
    hint: 'Check the connection to the gateway; long commands (DIRECT_READ) need a longer timeout.',
  });
}

/** A line over the reader's cap arrived while `command` ran: the answer is garbage. */
export function lineTooLongError(command: AtCommand, info: LineTooLong): MeterError {
  return new MeterError('E_LINE_TOO_LONG', `a line of more than ${info.limit} characters arrived for ${command.text}; it was dropped`, {
    details: { command: command.text, length: info.length, limit: info.limit, quoted: info.quoted },
    hint: 'The gateway sent text without line breaks: check the port settings (baud rate, parity) and the device on the other end.',
  });
}

/** The answer of `command` outgrew its cap (lines or characters). */
export function answerTooLargeError(command: AtCommand, lines: number, chars: number, limits: AnswerLimits): MeterError {
  return new MeterError('E_ANSWER_TOO_LARGE', `the answer to ${command.text} exceeded ${limits.maxLines} lines or ${limits.maxChars} characters`, {
    details: { command: command.text, lines, chars, maxLines: limits.maxLines, maxChars: limits.maxChars },
    hint: 'Ask for fewer records at a time (e.g. GET_OLDEST with a smaller count).',
  });
}

/** The answers are not in step with the commands: `reason` says what showed it. */
export function outOfStepError(command: AtCommand, reason: string, details: Record<string, unknown> = {}, cause?: unknown): MeterError {
  return new MeterError('E_OUT_OF_STEP', `${command.text} failed: ${reason}`, {
    details: { command: command.text, reason, ...details },
    hint: 'The gateway answered out of order; the link is checked with AT before the next command (and reopened if that fails).',
    cause,
  });
}

export interface AnswerLimits {
  maxLines: number;
  maxChars: number;
}

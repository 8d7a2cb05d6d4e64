import { MeterError } from '../errors';
import type { AtCommand } from './command';
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

/**
 * Argument checks shared by the command handlers. A failed check throws a MeterError with code
 * E_AT_ERROR; the dispatcher turns it into the ERROR result code (details.atError = the number).
 */
import { MeterError } from '../../errors';
import type { CommandArg } from './command-line';
import { SimErrorNumber } from './formatter';

export function reject(atError: SimErrorNumber, message: string): never {
  throw new MeterError('E_AT_ERROR', message, { details: { atError } });
}

export function expectArgCount(args: CommandArg[], min: number, max: number, command: string): void {
  if (args.length < min || args.length > max) {
    reject(SimErrorNumber.SYNTAX, `${command} takes ${min === max ? min : `${min}-${max}`} arguments, got ${args.length}`);
  }
}

/** The first argument, a quoted keyword such as "DEV_ADD", in upper case. */
export function keywordOf(args: CommandArg[]): string {
  const first = args[0];
  if (!first?.quoted) reject(SimErrorNumber.SYNTAX, 'the first argument must be a quoted keyword');
  return first.value.toUpperCase();
}

/** An unquoted whole number within [min, max]. */
export function integerArg(args: CommandArg[], index: number, min: number, max: number, what: string): number {
  const arg = args[index];
  if (!arg || arg.quoted || !/^\d+$/.test(arg.value)) reject(SimErrorNumber.SYNTAX, `${what} must be an unquoted number`);
  const value = Number(arg.value);
  if (value < min || value > max) reject(SimErrorNumber.BAD_VALUE, `${what} must be ${min}-${max}, got ${value}`);
  return value;
}

/** A quoted string of 1..maxLength characters. */
export function stringArg(args: CommandArg[], index: number, maxLength: number, what: string): string {
  const arg = args[index];
  if (!arg?.quoted) reject(SimErrorNumber.SYNTAX, `${what} must be a quoted string`);
  if (arg.value.length === 0 || arg.value.length > maxLength) {
    reject(SimErrorNumber.BAD_VALUE, `${what} must have 1-${maxLength} characters`);
  }
  return arg.value;
}

export function isAtError(error: unknown): error is MeterError {
  return error instanceof MeterError && error.code === 'E_AT_ERROR';
}

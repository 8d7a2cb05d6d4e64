import { MeterError } from '../errors';

/**
 * Checks shared by every SmartCOM operation. They run before a command is built, so a bad value
 * never reaches the gateway; each failure is E_BAD_ARGUMENT with `details.field` naming the value.
 */

/** E_BAD_ARGUMENT naming the field (`details.field`) and, when given, the rejected value. */
export function badArgument(field: string, message: string, value?: unknown, hint?: string): MeterError {
  const details: Record<string, unknown> = { field };
  if (value !== undefined) details.value = value;
  return new MeterError('E_BAD_ARGUMENT', `${field}: ${message}`, { details, ...(hint ? { hint } : {}) });
}

/** A safe integer in [min, max], or E_BAD_ARGUMENT naming `field`. */
export function integerIn(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw badArgument(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, value);
  }
  return value;
}

/** One of `choices` (numbers), or E_BAD_ARGUMENT listing them. */
export function numberChoice<T extends number>(value: unknown, choices: readonly T[], field: string): T {
  if (typeof value !== 'number' || !(choices as readonly number[]).includes(value)) {
    throw badArgument(field, `must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, value);
  }
  return value as T;
}

/** A string, or E_BAD_ARGUMENT (reachable from untyped callers: JSON files, function nodes). */
export function stringValue(value: unknown, field: string): string {
  if (typeof value !== 'string') throw badArgument(field, `must be a string, got ${value === null ? 'null' : typeof value}`, value);
  return value;
}

/**
 * Gateway port: 1 RS232, 2 RS485 or M-Bus, 128 the internal inputs. The manual's own range for
 * DEV_ADD is 1-1000; other numbers are left to the gateway (variants differ).
 */
export const MAX_GATEWAY_PORT = 1000;

export function gatewayPort(value: unknown, field = 'port'): number {
  return integerIn(value, 1, MAX_GATEWAY_PORT, field);
}

/**
 * AMS table position (1-based). Only the lower bound is checked: the manual says "1-32" in one
 * place and "up to 64 meters" in another, so the gateway judges the upper bound.
 */
export function tableIndex(value: unknown, field = 'index'): number {
  return integerIn(value, 1, Number.MAX_SAFE_INTEGER, field);
}

/** RETRY: how often a failed read is repeated, 0-9 (the manual's `AT^SCAMS=?` range). */
export function retryCount(value: unknown, field = 'retry'): number {
  return integerIn(value, 0, 9, field);
}

import { MeterError } from '../errors';
import { AtArgument, EncodeOptions, encodeArguments } from './arguments';

/**
 * exec: `AT<name>`; set: `AT<name>=<args>`; read: `AT<name>?`; test: `AT<name>=?`.
 */
export type AtCommandKind = 'exec' | 'set' | 'read' | 'test';

/**
 * Accepted command names (after upper-casing):
 * - '' for the bare `AT`;
 * - basic commands: one letter, optionally `&`-prefixed, with up to 3 digits (`E0`, `I3`, `Z`, `&F`);
 * - extended commands: `^` or `+` and a letter, then letters, digits or `_` (`^SCAMS`, `^SCPORT2`, `+CGMI`).
 * Nothing else: the name is part of the line, so it must not be able to carry quotes, `=`, `;` or line breaks.
 */
const BASIC_NAME = /^&?[A-Z][0-9]{0,3}$/;
const EXTENDED_NAME = /^[\^+][A-Z][A-Z0-9_]{0,23}$/;

function validateName(name: string): string {
  if (typeof name !== 'string') throw new MeterError('E_BAD_ARGUMENT', 'AT command name must be a string');
  const upper = name.toUpperCase();
  if (upper === '' || BASIC_NAME.test(upper) || EXTENDED_NAME.test(upper)) return upper;
  throw new MeterError('E_BAD_ARGUMENT', `invalid AT command name ${JSON.stringify(name)}`, {
    details: { name },
    hint: 'Use a name such as ^SCAMS, +CGMI, E0 or I3 (without the AT prefix).',
  });
}

/**
 * The longest command line sent, without the terminator. The SmartCOM documents no limit; its longest
 * documented command (GET_FILTERED with a 150-character filter) is about 200 characters. 512 leaves room
 * and stays far below the point where a line could swamp the gateway's input buffer (V.250 only promises 40).
 */
export const MAX_COMMAND_LINE = 512;

/** One AT command line, validated and encoded once, at construction. */
export class AtCommand {
  readonly name: string;
  readonly kind: AtCommandKind;
  readonly args: readonly AtArgument[];
  /** The exact line sent, without the terminator, e.g. `AT^SCAMS="DEV_REMOVE",2`. */
  readonly text: string;

  constructor(name: string, kind: AtCommandKind = 'exec', args: readonly AtArgument[] = [], options: EncodeOptions = {}) {
    this.name = validateName(name);
    this.kind = kind;
    this.args = [...args];
    this.text = checkedLength(`AT${this.name}${suffixFor(this.name, kind, this.args, options)}`);
  }

  /** The prefix of this command's own information lines (`^SCAMS` for `AT^SCAMS?`), or undefined for basic commands. */
  get responsePrefix(): string | undefined {
    return this.name.startsWith('^') || this.name.startsWith('+') ? this.name : undefined;
  }

  static exec(name: string): AtCommand {
    return new AtCommand(name, 'exec');
  }

  static set(name: string, args: readonly AtArgument[], options: EncodeOptions = {}): AtCommand {
    return new AtCommand(name, 'set', args, options);
  }

  static read(name: string): AtCommand {
    return new AtCommand(name, 'read');
  }

  static test(name: string): AtCommand {
    return new AtCommand(name, 'test');
  }

  toString(): string {
    return this.text;
  }
}

function checkedLength(text: string): string {
  if (text.length <= MAX_COMMAND_LINE) return text;
  throw new MeterError('E_BAD_ARGUMENT', `AT command line is ${text.length} characters long; the limit is ${MAX_COMMAND_LINE}`, {
    details: { length: text.length, maxLength: MAX_COMMAND_LINE, start: text.slice(0, 40) },
    hint: 'Send fewer or shorter arguments; split the work into several commands.',
  });
}

function suffixFor(name: string, kind: AtCommandKind, args: readonly AtArgument[], options: EncodeOptions): string {
  const extended = EXTENDED_NAME.test(name);
  if (kind !== 'exec' && !extended) {
    throw new MeterError('E_BAD_ARGUMENT', `AT command ${JSON.stringify(name)} only has the exec form (got ${kind})`, { details: { name, kind } });
  }
  if (kind !== 'set' && args.length > 0) {
    throw new MeterError('E_BAD_ARGUMENT', `only set commands take arguments (AT${name}, ${kind})`, { details: { name, kind } });
  }
  switch (kind) {
    case 'exec':
      return '';
    case 'read':
      return '?';
    case 'test':
      return '=?';
    case 'set':
      if (args.length === 0) throw new MeterError('E_BAD_ARGUMENT', `set command AT${name}= needs at least one argument`, { details: { name } });
      return `=${encodeArguments(args, options)}`;
    default:
      throw new MeterError('E_BAD_ARGUMENT', `unknown AT command kind ${JSON.stringify(kind)}`);
  }
}

import { MeterError } from '../errors';
import { BccAlgorithm, BccCheck, checkBcc, computeBcc } from './bcc';
import { CRLF, EOT, ETX, SOH, STX } from './constants';
import { checkFrameText, DATA_SET_FRAMING } from './frame-text';

/** Command letters (P password, W write, R read, E execute, B break) and their type digit. */
export type CommandLetter = 'P' | 'W' | 'R' | 'E' | 'B';

function withBcc(body: Buffer, algorithm: BccAlgorithm): Buffer {
  // The BCC covers everything after the opening SOH/STX, up to and including ETX/EOT.
  return Buffer.concat([body, Buffer.from([computeBcc(body, algorithm, 1)])]);
}

/** `SOH C T [STX data] ETX BCC`: password (P0 from the meter, P1/P2 from the master), R1/R5 reads, W1 writes, B0 break. */
export class CommandMessage {
  constructor(
    readonly command: CommandLetter,
    readonly type: string,
    /** The data set text, e.g. `(00000000)` or `1.8.0()`; undefined for a bare break `SOH B0 ETX`. */
    readonly data?: string,
  ) {
    if (!'PWREB'.includes(command) || command.length !== 1) throw new MeterError('E_BAD_ARGUMENT', `unknown command letter ${JSON.stringify(command)}`);
    if (!/^[0-9]$/.test(type)) throw new MeterError('E_BAD_ARGUMENT', `command type must be a digit, got ${JSON.stringify(type)}`);
    // The last line of defence for every command: no byte of the data can frame (SOH, STX, ETX, EOT) on the wire.
    if (data !== undefined) checkFrameText('command data', data);
  }

  static break(): CommandMessage {
    return new CommandMessage('B', '0');
  }

  static password(password: string, type: '1' | '2' = '1'): CommandMessage {
    checkFrameText('the password', password, { forbidden: '()', secret: true });
    return new CommandMessage('P', type, `(${password})`);
  }

  /**
   * A command on one data set `address(value)`: `R1 1.8.0()`, `R5 P.01(from;to)`, `W1 address(value)`.
   * Neither part may hold the data-set framing characters ( ) / !, so the meter reads the same address and value.
   */
  static dataSet(command: 'R' | 'W' | 'E', type: string, address: string, value = ''): CommandMessage {
    if (address.length === 0) throw new MeterError('E_BAD_ARGUMENT', 'the register address must not be empty');
    checkFrameText('the register address', address, { forbidden: DATA_SET_FRAMING });
    checkFrameText('the value', value, { forbidden: DATA_SET_FRAMING });
    return new CommandMessage(command, type, `${address}(${value})`);
  }

  encode(algorithm: BccAlgorithm = 'xor'): Buffer {
    const head = `${String.fromCharCode(SOH)}${this.command}${this.type}`;
    const data = this.data === undefined ? '' : `${String.fromCharCode(STX)}${this.data}`;
    return withBcc(Buffer.from(`${head}${data}${String.fromCharCode(ETX)}`, 'latin1'), algorithm);
  }

  /** Decodes a complete frame (SOH ... ETX BCC). */
  static decode(frame: Buffer): { message: CommandMessage; bcc: BccCheck } {
    if (frame[0] !== SOH || frame.length < 4) throw new MeterError('E_PROTOCOL', 'a command message starts with SOH');
    const etx = frame.indexOf(ETX);
    if (etx < 0) throw new MeterError('E_PROTOCOL', 'command message without ETX');
    const text = frame.subarray(1, etx).toString('latin1');
    const stx = text.indexOf(String.fromCharCode(STX));
    const message = new CommandMessage(text[0] as CommandLetter, text[1], stx < 0 ? undefined : text.slice(stx + 1));
    return { message, bcc: checkBcc(frame.subarray(1, etx + 1), frame[etx + 1]) };
  }
}

/**
 * `STX data ETX BCC` (or `EOT BCC` for a partial block that more blocks follow): the meter's answer to R1/R5
 * and, with `!CRLF` at the end of the data, the readout data message.
 */
export class DataBlockMessage {
  constructor(
    readonly data: string,
    /** false: a partial block ending with EOT; the master answers ACK for the next block or NAK to repeat. */
    readonly last = true,
  ) {}

  /** The readout data message of modes A/B/C: the data lines followed by `!` CR LF. */
  static readout(dataLines: string): DataBlockMessage {
    const block = dataLines.length === 0 || dataLines.endsWith(CRLF) ? dataLines : `${dataLines}${CRLF}`;
    return new DataBlockMessage(`${block}!${CRLF}`);
  }

  encode(algorithm: BccAlgorithm = 'xor'): Buffer {
    const end = this.last ? ETX : EOT;
    return withBcc(Buffer.from(`${String.fromCharCode(STX)}${this.data}${String.fromCharCode(end)}`, 'latin1'), algorithm);
  }

  /** The readout's data lines without the closing `!` CR LF. */
  get dataLines(): string {
    return this.data.replace(/!\r?\n?$/, '');
  }

  static decode(frame: Buffer, accept?: readonly BccAlgorithm[]): { message: DataBlockMessage; bcc: BccCheck } {
    if (frame[0] !== STX) throw new MeterError('E_PROTOCOL', 'a data message starts with STX');
    let end = 1;
    while (end < frame.length && frame[end] !== ETX && frame[end] !== EOT) end++;
    if (end >= frame.length) throw new MeterError(66052, 'data message without ETX');
    const message = new DataBlockMessage(frame.subarray(1, end).toString('latin1'), frame[end] === ETX);
    return { message, bcc: checkBcc(frame.subarray(1, end + 1), frame[end + 1], accept) };
  }
}

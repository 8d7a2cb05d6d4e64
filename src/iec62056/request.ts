import { MeterError } from '../errors';
import { CRLF } from './constants';
import { DATA_SET_FRAMING, describeChar, findBadFrameChar } from './frame-text';

/** Largest device address the standard allows. */
export const MAX_ADDRESS_LENGTH = 32;

/**
 * Request message, master to meter: `/ ? [address] ! CR LF`. The request character is `?` by default;
 * some meters want another one (e.g. `#` on Landis+Gyr heat meters).
 */
export class RequestMessage {
  readonly address: string;
  readonly requestChar: string;

  constructor(address = '', requestChar = '?') {
    validateAddress(address);
    if (requestChar.length !== 1 || findBadFrameChar(requestChar, ' /!') >= 0) {
      throw new MeterError('E_BAD_ARGUMENT', `request character must be one printable character other than / and !, got ${JSON.stringify(requestChar)}`);
    }
    this.address = address;
    this.requestChar = requestChar;
  }

  encode(): Buffer {
    return Buffer.from(`/${this.requestChar}${this.address}!${CRLF}`, 'latin1');
  }

  static decode(input: string | Buffer): RequestMessage {
    const text = typeof input === 'string' ? input : input.toString('latin1');
    const match = /^\/(.)([^!]*)!\r?\n?$/.exec(text);
    if (!match) throw new MeterError('E_PROTOCOL', `not a request message: ${JSON.stringify(text.slice(0, 48))}`);
    return new RequestMessage(match[2], match[1]);
  }
}

/** Device addresses: up to 32 printable characters, none of the framing characters. Code 65538 otherwise. */
export function validateAddress(address: string): void {
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw new MeterError(65538, `device address is ${address.length} characters long; at most ${MAX_ADDRESS_LENGTH} are allowed`);
  }
  const index = findBadFrameChar(address, DATA_SET_FRAMING);
  if (index >= 0) throw new MeterError(65538, `device address has an unsupported character ${describeChar(address, index)} at position ${index}`);
}

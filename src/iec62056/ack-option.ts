import { MeterError } from '../errors';
import { ACK, CR, LF } from './constants';

/** Protocol control character V: 0 normal, 1 secondary, 2 HDLC (mode E). */
export type ProtocolControl = '0' | '1' | '2';
/** Mode control character Y: 0 data readout, 1 programming mode, 2 binary (HDLC), 6-9 manufacturer-specific. */
export type ModeControl = '0' | '1' | '2' | '6' | '7' | '8' | '9';

/** Acknowledgement / option select message, master to meter: `ACK V Z Y CR LF`. */
export class AckOptionSelectMessage {
  constructor(
    readonly baudChar: string,
    readonly modeControl: ModeControl = '0',
    readonly protocolControl: ProtocolControl = '0',
  ) {
    if (!/^[0-9]$/.test(baudChar)) throw new MeterError('E_BAD_ARGUMENT', `option select baud character must be 0-9, got ${JSON.stringify(baudChar)}`);
  }

  encode(): Buffer {
    return Buffer.from([ACK, this.protocolControl.charCodeAt(0), this.baudChar.charCodeAt(0), this.modeControl.charCodeAt(0), CR, LF]);
  }

  static decode(input: Buffer): AckOptionSelectMessage {
    const match = input.length >= 4 && input[0] === ACK ? /^([012])([0-9])([0126-9])\r?\n?$/.exec(input.subarray(1).toString('latin1')) : null;
    if (!match) throw new MeterError('E_PROTOCOL', `not an option select message: ${JSON.stringify(input.toString('latin1'))}`);
    return new AckOptionSelectMessage(match[2], match[3] as ModeControl, match[1] as ProtocolControl);
  }
}

import { ETX } from '../../src/iec62056/constants';
import { CommandMessage } from '../../src/iec62056/frames';

/**
 * The attack the frame-text rule stops: text that, encoded one byte per character, closes the frame it is put in
 * and carries a complete second command frame (a W1 write) after it. Each byte is disguised as a character the old
 * checks let through: U+0100 + byte (latin1 encoding keeps the low byte) or 0x80 + byte (a 7E1 line clears bit 7).
 */
export type Disguise = 'latin1' | '7E1';

export const SMUGGLED_WRITE = new CommandMessage('W', '1', 'C.1.0(EVIL)');

/**
 * `prefix` then the disguised rest of a frame: ETX and the BCC that close `frameSoFar` (the command data
 * up to the end of `prefix`), then the whole smuggled W1 frame.
 */
export function smuggling(command: 'P' | 'R', type: string, dataSoFar: string, prefix: string, disguise: Disguise): string {
  const closed = new CommandMessage(command, type, dataSoFar).encode();
  const tail = Buffer.concat([closed.subarray(closed.indexOf(ETX)), SMUGGLED_WRITE.encode()]);
  const offset = disguise === 'latin1' ? 0x100 : 0x80;
  return prefix + String.fromCharCode(...[...tail].map((byte) => byte + offset));
}

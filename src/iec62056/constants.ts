/** IEC 62056-21 control characters. */
export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ACK = 0x06;
export const NAK = 0x15;
export const CR = 0x0d;
export const LF = 0x0a;
export const CRLF = '\r\n';

/** Bits per character on the wire: start + 7 data + parity + stop (7E1), also 8N1 + start/stop. */
export const BITS_PER_CHARACTER = 10;

/** Reaction times (ms): 200 by default, 20 when the identification's third letter is lower case. */
export const REACTION_TIME_MS = 200;
export const SHORT_REACTION_TIME_MS = 20;

/** Wire time of `count` characters at `baudRate`, in milliseconds. */
export function wireTimeMs(count: number, baudRate: number): number {
  return (count * BITS_PER_CHARACTER * 1000) / baudRate;
}

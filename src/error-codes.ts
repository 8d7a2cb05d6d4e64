/**
 * The gateway's AMS error codes (from the vendor FAQ) with a plain description and,
 * where one helps, what to try. Codes not listed are described by family and detail.
 */
export interface ErrorCodeInfo {
  readonly description: string;
  readonly hint?: string;
}

const AMS_ERROR_TABLE = {
  0: { description: 'no error' },
  1: { description: 'error of input data' },
  2: { description: 'error of output data' },
  3: { description: 'protocol cannot be used for this port' },
  4: { description: 'readout not started' },
  65536: { description: 'IEC 62056-21: internal error' },
  65537: { description: 'IEC 62056-21: readout was stopped by user' },
  65538: { description: 'IEC 62056-21: bad format of the device address', hint: 'Use at most 32 printable characters, without / ! ( ) or control characters.' },
  65539: { description: 'IEC 62056-21: unsupported baud-rate character in the meter identification', hint: 'Try a fixed speed (no baud switch) or mode A.' },
  65540: { description: 'IEC 62056-21: communication port was not set' },
  65541: { description: 'IEC 62056-21: timeout, identification message did not arrive', hint: 'Check the probe position and cable, the parity (7E1), the device address, and whether the meter needs a wake-up.' },
  65542: { description: 'IEC 62056-21: the device uses an unsupported mode' },
  65543: { description: 'IEC 62056-21: timeout waiting for the data after acknowledgement/option select', hint: 'Increase the baud switch-over delay, cap the maximum baud rate, or use a fixed speed.' },
  65544: { description: 'IEC 62056-21: speed was not set' },
  65545: { description: 'IEC 62056-21: timeout between two consecutive characters', hint: 'Check the cable and parity; raise the per-character timeout; try a lower baud rate.' },
  65546: { description: 'IEC 62056-21: timeout between two messages' },
  65793: { description: 'IEC 62056-21: unsupported character in the manufacturer identification' },
  65794: { description: 'IEC 62056-21: unsupported character in the baud-rate identification' },
  65795: { description: 'IEC 62056-21: unsupported character in the identification' },
  65796: { description: 'IEC 62056-21: unsupported character in the CR/LF of the identification' },
  66049: { description: 'IEC 62056-21: unsupported character in the data block', hint: 'Check the parity setting (7E1 vs 8N1).' },
  66050: { description: 'IEC 62056-21: data block too long (buffer overflow)' },
  66051: { description: 'IEC 62056-21: unsupported character in the CR/LF of the data message' },
  66052: { description: 'IEC 62056-21: unsupported character in the ETX field of the data message' },
  66053: { description: 'IEC 62056-21: BCC of the data message does not match', hint: 'Transmission errors: try a lower baud rate; some Kamstrup meters use an additive checksum.' },
} satisfies Record<number, ErrorCodeInfo>;

/** The codes the table describes: a table keyed by them (e.g. a translation) must cover every one. */
export type KnownAmsCode = keyof typeof AMS_ERROR_TABLE;

export const AMS_ERROR_CODES: ReadonlyMap<number, ErrorCodeInfo> = new Map<number, ErrorCodeInfo>(
  Object.entries(AMS_ERROR_TABLE).map(([code, info]) => [Number(code), info]),
);

/** A human description for any AMS code, including ones not in the table. */
export function describeAmsCode(code: number): string {
  const known = AMS_ERROR_CODES.get(code);
  if (known) return known.description;
  const family = code >> 16;
  const detail = code & 0xffff;
  if (family === 1) return `IEC 62056-21 error ${detail}`;
  if (family === 2) return `M-Bus error ${detail}`;
  return `AMS error ${code}`;
}

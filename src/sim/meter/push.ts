import { IdentificationMessage } from '../../iec62056/identification';
import type { MeterProfile } from './profile';

/** CRC16/ARC (poly 0x8005 reflected = 0xA001, init 0), as DSMR uses after the `!`. */
export function crc16Arc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * A mode D telegram: `/ident CR LF CR LF data lines ! CR LF`, no STX/ETX/BCC. DSMR style adds the CRC of
 * `/`...`!` as 4 upper-case hex digits after the `!`. `corruptCrc` makes that CRC wrong (bad-BCC fault).
 */
export function pushTelegram(profile: MeterProfile, corruptCrc = false): Buffer {
  const identification = new IdentificationMessage(profile.identification).encode().toString('latin1');
  const body = `${identification}\r\n${profile.dataBlock}!`;
  if (!profile.push?.dsmrCrc) return Buffer.from(`${body}\r\n`, 'latin1');
  const crc = crc16Arc(Buffer.from(body, 'latin1')) ^ (corruptCrc ? 0x0001 : 0);
  return Buffer.from(`${body}${crc.toString(16).toUpperCase().padStart(4, '0')}\r\n`, 'latin1');
}

import { IdentificationMessage } from '../../iec62056/identification';
import { crc16Arc } from '../../iec62056/readout/crc16';
import type { MeterProfile } from './profile';

/**
 * A mode D telegram: `/ident CR LF CR LF data lines ! CR LF`, no STX/ETX/BCC. DSMR style adds the CRC of
 * `/`...`!` as 4 upper-case hex digits after the `!`. `corruptCrc` makes that CRC wrong (bad-BCC fault).
 */
export function pushTelegram(profile: MeterProfile, corruptCrc = false): Buffer {
  const identification = new IdentificationMessage(profile.identification).encode().toString('latin1');
  const body = `${identification}\r\n${profile.dataBlock}!`;
  if (!profile.push?.dsmrCrc) return Buffer.from(`${body}\r\n`, 'latin1');
  const crc = crc16Arc(body) ^ (corruptCrc ? 0x0001 : 0);
  return Buffer.from(`${body}${crc.toString(16).toUpperCase().padStart(4, '0')}\r\n`, 'latin1');
}

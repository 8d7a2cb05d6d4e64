import { IdentificationMessage } from '../../iec62056/identification';
import { crc16Arc } from '../../iec62056/readout/crc16';
import { garbageBytes, MeterFaults } from './faults';
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

/** What the push loop needs from its session. */
export interface PushIo {
  /** The previous telegram is still on the line. */
  busy(): boolean;
  /** Counts a telegram as a session in the log. */
  session(): void;
  transmit(bytes: Buffer, what: string): void;
  event(name: string, detail: string): void;
  garbageSeed: number;
}

/**
 * Mode D: a telegram now and then every interval, on an absolute schedule (the n-th is due at start + n x interval
 * however late a timer fires). Faults apply per telegram: silence skips it, garbage comes before or instead of it,
 * bad BCC spoils the DSMR CRC, cut-off truncates it. A telegram still on the line when the next is due is skipped.
 */
export class PushLoop {
  private timer: NodeJS.Timeout | undefined;
  private count = 0;
  private readonly first = performance.now();

  constructor(
    private readonly profile: MeterProfile,
    private readonly faults: () => Readonly<MeterFaults>,
    private readonly io: PushIo,
  ) {
    this.next();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private next(): void {
    this.count++;
    this.pushOnce();
    const interval = this.profile.push?.intervalMs ?? 1000;
    this.timer = setTimeout(() => this.next(), Math.max(0, this.first + this.count * interval - performance.now()));
  }

  private pushOnce(): void {
    const faults = this.faults();
    if (faults.silence) return this.io.event('push-skipped', 'fault: silence');
    if (this.io.busy()) return this.io.event('push-skipped', 'previous telegram still on the line');
    this.io.session();
    if (faults.garbage) {
      this.io.transmit(garbageBytes(24, this.io.garbageSeed), 'garbage');
      if (faults.garbage === 'instead') return;
    }
    const telegram = pushTelegram(this.profile, faults.badBcc === true);
    if (faults.cutOff === undefined) return this.io.transmit(telegram, 'push');
    this.io.transmit(telegram.subarray(0, Math.max(1, Math.floor(telegram.length * faults.cutOff))), 'push (cut off)');
  }
}

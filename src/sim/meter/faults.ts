import { MeterError } from '../../errors';

/**
 * Faults a simulated meter can show, switchable at run time (`MeterSimulator.setFaults`).
 * Each one imitates a failure seen in the field (reference iec62056-21.md, section 3).
 */
export interface MeterFaults {
  /** Never answers (probe misaligned, wrong port, dead meter). Frames are still logged. */
  silence?: boolean;
  /** Random bytes before the identification, or instead of it (line noise, wrong parity, wrong speed). */
  garbage?: 'before' | 'instead';
  /** Data messages (readouts, register answers) and DSMR CRCs go out with a wrong check value. */
  badBcc?: boolean;
  /** The data message stops after this fraction of its bytes (0 < f < 1), then the meter goes quiet. */
  cutOff?: number;
  /** Every received byte is sent straight back (optical head or RS-485 adapter without receive blanking). */
  echo?: boolean;
  /**
   * After an option select that changes the speed, the meter stays at its old speed. A master at the new speed
   * sees garbage: the meter sends deterministic garbage, then goes quiet. No speed change: normal answer.
   */
  refuseBaudSwitch?: boolean;
  /** Requests are ignored unless at least this many NUL wake-up characters came first (true = 40). */
  wakeUpRequired?: boolean | number;
}

export type MeterFaultName = 'silence' | 'garbage' | 'bad-bcc' | 'cut-off' | 'echo' | 'refuse-baud-switch' | 'wake-up-required';

export const METER_FAULT_NAMES: readonly MeterFaultName[] = ['silence', 'garbage', 'bad-bcc', 'cut-off', 'echo', 'refuse-baud-switch', 'wake-up-required'];

/** Fewest NULs that count as a wake-up: 40 is the smartmeter-obis example; esphome sends 84, lvzon suggests 65. */
export const DEFAULT_WAKE_UP_NULS = 40;

/** The fault set a command-line name switches on, with the usual defaults (garbage before, cut off at half). */
export function faultFromName(name: string): MeterFaults {
  switch (name) {
    case 'silence': return { silence: true };
    case 'garbage': return { garbage: 'before' };
    case 'bad-bcc': return { badBcc: true };
    case 'cut-off': return { cutOff: 0.5 };
    case 'echo': return { echo: true };
    case 'refuse-baud-switch': return { refuseBaudSwitch: true };
    case 'wake-up-required': return { wakeUpRequired: true };
    default:
      throw new MeterError('E_BAD_ARGUMENT', `unknown meter fault ${JSON.stringify(name)}`, { hint: `Use one of: ${METER_FAULT_NAMES.join(', ')}.` });
  }
}

export function wakeUpNulsRequired(faults: MeterFaults): number {
  const value = faults.wakeUpRequired;
  if (value === undefined || value === false) return 0;
  return value === true ? DEFAULT_WAKE_UP_NULS : value;
}

export function validateFaults(faults: MeterFaults): void {
  if (faults.cutOff !== undefined && !(faults.cutOff > 0 && faults.cutOff < 1)) {
    throw new MeterError('E_BAD_ARGUMENT', `cutOff must be a fraction between 0 and 1 (exclusive), got ${faults.cutOff}`);
  }
  if (typeof faults.wakeUpRequired === 'number' && !(Number.isInteger(faults.wakeUpRequired) && faults.wakeUpRequired > 0)) {
    throw new MeterError('E_BAD_ARGUMENT', `wakeUpRequired must be true or a positive number of NULs, got ${faults.wakeUpRequired}`);
  }
}

/**
 * Deterministic garbage (same seed, same bytes): what a receiver at the wrong speed or parity makes of a meter's
 * answer. It never contains a byte that reads as `/` or a control character once bit 7 is cleared, so it cannot be
 * mistaken for the start of a frame.
 */
export function garbageBytes(count: number, seed: number): Buffer {
  let state = (seed >>> 0) || 0x9e3779b9;
  const out = Buffer.alloc(count);
  for (let i = 0; i < count; i++) {
    // xorshift32: tiny, deterministic, good enough for noise.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    let byte = 0x20 + (state % 0xe0);
    const low = byte & 0x7f;
    if (low === 0x2f || low === 0x21 || low < 0x20 || low === 0x7f) byte = 0x7e;
    out[i] = byte;
  }
  return out;
}

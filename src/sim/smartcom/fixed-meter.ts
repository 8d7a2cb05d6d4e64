/**
 * The simulator's default meter: answers every IEC 62056-21 address with a fixed ZPA ED 310-style
 * data block (after the vendor's capture), except addresses configured as absent, which time out
 * like a missing meter (65541). Other protocols answer 3 (protocol cannot be used on this port).
 */
import type { AmsReadRequest, AmsReadResult, MeterReader } from '../meter-source';

export const FIXED_IDENTIFICATION = 'ZE310.iv30_012';

/** The data block lines; `C.90` carries the requested device address, as the real meter does. */
export function fixedDataLines(address: string): string[] {
  return [
    'F.F(000000)',
    'C.1.0(04869551)',
    `C.90(${address})`,
    '1.8.0(0000004.8*kWh)',
    '1.8.1(0000002.7#kWh)',
    '1.8.2(0000002.1#kWh)',
    'C.9.3(12-04-24 09:01)',
    '0.4.2(001)',
  ];
}

/** Error code of a meter that never sends its identification message. */
export const ABSENT_METER_ERROR = 65541;
/** Error code for a protocol the fixed reader does not speak. */
export const PROTOCOL_NOT_USABLE_ERROR = 3;

export interface FixedMeterOptions {
  /** Addresses with no meter behind them (read fails with 65541). */
  absent?: Iterable<string>;
  identification?: string;
  /** Replaces the data block (the meter's line breaks are CR LF). */
  data?: (address: string) => string;
}

export interface FixedMeterReader extends MeterReader {
  /** Addresses currently absent; tests may add or delete entries at any time. */
  readonly absent: Set<string>;
}

export function createFixedMeterReader(options: FixedMeterOptions = {}): FixedMeterReader {
  const absent = new Set(options.absent ?? []);
  const identification = options.identification ?? FIXED_IDENTIFICATION;
  const data = options.data ?? ((address: string) => fixedDataLines(address).map((line) => `${line}\r\n`).join(''));
  const reader = async (request: AmsReadRequest): Promise<AmsReadResult> => {
    if (request.protocol.toUpperCase() !== 'IEC62056-21') return { ok: false, errorCode: PROTOCOL_NOT_USABLE_ERROR };
    if (absent.has(request.address)) return { ok: false, errorCode: ABSENT_METER_ERROR };
    return { ok: true, identification, data: data(request.address) };
  };
  return Object.assign(reader, { absent });
}

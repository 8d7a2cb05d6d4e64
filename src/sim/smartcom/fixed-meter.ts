/**
 * The simulator's default meter: answers every IEC 62056-21 address with a fixed ZPA ED 310-style
 * data block (after the vendor's capture), except addresses configured as absent, which time out
 * like a missing meter (65541). Other protocols answer 3 (protocol cannot be used on this port).
 * Every read is a real IEC 62056-21 session between our client and a meter simulator on an in-memory bus,
 * so what the AMS stores is what a meter with that data block would have sent.
 */
import { isIec62056Protocol, PROTOCOL_NOT_USABLE, readFromSimulatedBus } from '../ams-meter-reader';
import { customizeProfile, meterProfile, type MeterProfile } from '../meter';
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
    if (!isIec62056Protocol(request.protocol)) return { ok: false, errorCode: PROTOCOL_NOT_USABLE };
    // An absent meter is an empty bus: nobody answers the request, and the client reports 65541.
    const bus = absent.has(request.address) ? [] : [fixedMeterProfile(request.address, identification, data(request.address))];
    return readFromSimulatedBus(bus, request);
  };
  return Object.assign(reader, { absent });
}

function fixedMeterProfile(address: string, identification: string, dataBlock: string): MeterProfile {
  return customizeProfile(meterProfile('modeC'), {
    address,
    identification: { manufacturer: 'ZPA', baudChar: '4', identification },
    dataBlock,
  });
}

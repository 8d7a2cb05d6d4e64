/*
 * Reads of the meter simulator's profiles, built without a session: the telegram text each profile sends,
 * parsed with parseReadout, and client-style results (ReadoutResult, ProgramResult) wrapped around them.
 */
import type { ProgramResult, ReadoutResult, RegisterResult } from '../../../src/iec62056/client';
import { DataBlockMessage } from '../../../src/iec62056/frames';
import { IdentificationMessage } from '../../../src/iec62056/identification';
import { parseReadout, type Readout } from '../../../src/iec62056/readout';
import { DEMO_LOAD_PROFILE, formatLoadProfile, meterProfile, pushTelegram } from '../../../src/sim/meter';

/** What the profile's meter sends for a readout: identification + data message, or its push telegram. */
export function telegramOf(name: string): string {
  const profile = meterProfile(name);
  if (profile.push) return pushTelegram(profile).toString('latin1');
  const identification = new IdentificationMessage(profile.identification).encode().toString('latin1');
  return identification + DataBlockMessage.readout(profile.dataBlock).encode(profile.bcc).toString('latin1');
}

export function readoutOf(name: string): Readout {
  return parseReadout(telegramOf(name));
}

const TIMINGS = { totalMs: 2345, identificationMs: 700, dataMs: 1200 };

/** A client readout result: the data message only (no identification in `raw`), identification apart. */
export function readoutResultOf(name: string): ReadoutResult {
  const profile = meterProfile(name);
  const raw = DataBlockMessage.readout(profile.dataBlock).encode(profile.bcc);
  const readout = parseReadout(raw);
  const identification = new IdentificationMessage(profile.identification);
  return {
    identification: identification.toJSON(), mode: 'C', baudRate: 9600, echoDetected: false, parityStripped: 0, attempts: 1,
    timings: TIMINGS, raw, readout, bcc: readout.bcc,
  };
}

function answer(address: string, data: string): RegisterResult {
  const raw = new DataBlockMessage(data).encode();
  const readout = parseReadout(raw);
  return { address, raw, readout, bcc: readout.bcc ?? { present: false, valid: false, algorithm: undefined } };
}

/** The programming profile: R1 reads of 1.8.0 and 2.8.0, then the whole P.01 load profile (R5, one block). */
export function programResultOf(): ProgramResult {
  const profile = meterProfile('programming');
  const lines = formatLoadProfile('P.01', DEMO_LOAD_PROFILE, {});
  const loadProfile = { ...answer('P.01', `${lines.join('\r\n')}\r\n`), blocks: 1, repeats: 0 };
  return {
    identification: new IdentificationMessage(profile.identification).toJSON(), mode: 'C', baudRate: 9600, echoDetected: false, parityStripped: 0,
    attempts: 1, timings: TIMINGS, operand: '10067967', passwordAccepted: true,
    registers: [answer('1.8.0', '1.8.0(012345.67*kWh)'), answer('2.8.0', '2.8.0(000042.00*kWh)'), answer('C.1.0', 'C.1.0(ER03)')],
    loadProfile,
  };
}

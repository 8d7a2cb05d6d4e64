import type { BccAlgorithm } from '../../iec62056/bcc';
import { IdentificationFields, IdentificationMessage } from '../../iec62056/identification';
import { ProtocolMode } from '../../iec62056/baud';
import { validateAddress } from '../../iec62056/request';
import { MeterError } from '../../errors';
import type { LoadProfileSpec } from './load-profile';

/** Programming mode (option select Y=1): password, register reads and writes, load profile. */
export interface ProgrammingSpec {
  /** Compared with the operand of P1, without brackets. */
  password: string;
  /** Operand of the meter's P0 password request, without brackets (often the serial number). */
  operand: string;
  /** Answer to a wrong password: NAK (the master may retry) or a break B0 (the session ends). */
  wrongPassword: 'nak' | 'break';
  /** Extra or overriding registers, address -> bracket groups, e.g. `{ 'C.1.0': '(10067967)' }`. */
  registers?: Readonly<Record<string, string>>;
  loadProfile?: LoadProfileSpec;
  /** Split load-profile replies into partial blocks (EOT) of about this many bytes; undefined = one block. */
  partialBlockBytes?: number;
  /** Error data set for an unknown register or an empty load-profile range, e.g. `ER03` -> `(ER03)`. */
  errorCode: string;
}

/** Mode D: the meter pushes its telegram without a request. */
export interface PushSpec {
  intervalMs: number;
  /** 9600 is what German push meters (eBZ, EMH, EasyMeter) use in practice. */
  baudRate: number;
  /** DSMR style: a CRC16/ARC over `/`...`!` as 4 hex digits after `!`. */
  dsmrCrc: boolean;
}

export interface MeterProfile {
  name: string;
  description: string;
  identification: IdentificationFields;
  /** Device address this meter answers to; a request without address is always answered. */
  address: string;
  /** The character after `/` in the request (`?` normally; `#` on some heat meters). */
  requestChar: string;
  /** The data lines of the readout, CR LF separated, without the closing `!`. */
  dataBlock: string;
  bcc: BccAlgorithm;
  reactionTimeMs: number;
  /** Speed of the identification (300 by the standard; gateways can preset another). */
  initialBaudRate: number;
  programming?: ProgrammingSpec;
  push?: PushSpec;
}

export type MeterProfileOverrides = Partial<Omit<MeterProfile, 'programming' | 'push'>> & {
  programming?: Partial<ProgrammingSpec>;
  push?: Partial<PushSpec>;
};

/** The protocol mode a profile behaves in: D for push profiles, else what its identification says (E: `\2`). */
export function profileMode(profile: MeterProfile): ProtocolMode {
  return profile.push ? 'D' : new IdentificationMessage(profile.identification).mode;
}

/** A copy of `base` with overrides applied (nested programming/push settings merged), validated. */
export function customizeProfile(base: MeterProfile, overrides: MeterProfileOverrides = {}): MeterProfile {
  const { programming, push, ...rest } = overrides;
  const profile: MeterProfile = { ...base, ...rest };
  if (programming) {
    if (!base.programming && (programming.password === undefined || programming.operand === undefined)) {
      throw new MeterError('E_BAD_ARGUMENT', `profile ${base.name} has no programming mode; give at least password and operand`);
    }
    profile.programming = { wrongPassword: 'nak', errorCode: 'ER03', ...base.programming, ...programming } as ProgrammingSpec;
  }
  if (push) profile.push = { intervalMs: 1000, baudRate: 9600, dsmrCrc: false, ...base.push, ...push };
  validateProfile(profile);
  return profile;
}

export function validateProfile(profile: MeterProfile): void {
  new IdentificationMessage(profile.identification); // throws MeterError on a bad identification
  validateAddress(profile.address);
  if (!Number.isFinite(profile.reactionTimeMs) || profile.reactionTimeMs < 0) {
    throw new MeterError('E_BAD_ARGUMENT', `reaction time must be >= 0 ms, got ${profile.reactionTimeMs}`);
  }
  if (/[!\x02\x03\x04]/.test(profile.dataBlock)) {
    throw new MeterError('E_BAD_ARGUMENT', `profile ${profile.name}: the data block must not contain !, STX, ETX or EOT`, { hint: 'Give only the data lines; the simulator adds the framing.' });
  }
  if (profile.push && !(profile.push.intervalMs > 0)) throw new MeterError('E_BAD_ARGUMENT', 'push interval must be > 0 ms');
}

/** Data lines from data sets: `[address, ...bracket contents]` -> `address(v1)(v2)` CR LF ... */
export function dataLines(sets: readonly (readonly string[])[]): string {
  return sets.map(([address, ...values]) => `${address}${values.map((v) => `(${v})`).join('')}\r\n`).join('');
}

/** Registers for R1/R5 reads: the first data set of every address in the data block, then the explicit ones. */
export function registersOf(profile: MeterProfile): Map<string, string> {
  const registers = new Map<string, string>();
  for (const line of profile.dataBlock.split(/\r?\n/)) {
    const match = /^([^()]+)(\(.*\))\s*$/.exec(line);
    if (match && !registers.has(match[1])) registers.set(match[1], match[2]);
  }
  for (const [address, groups] of Object.entries(profile.programming?.registers ?? {})) registers.set(address, groups);
  return registers;
}

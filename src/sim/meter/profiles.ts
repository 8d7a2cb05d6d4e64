import { MeterError } from '../../errors';
import { LoadProfileSpec } from './load-profile';
import { customizeProfile, MeterProfile, MeterProfileOverrides, validateProfile } from './profile';
import { DSMR_DATA, iskraStyleReadout, MODE_A_DATA, MODE_B_DATA, MODE_C_DATA, MODE_D_DATA, MODE_E_DATA, PROGRAMMING_DATA } from './profile-data';

const common = { address: '', requestChar: '?', bcc: 'xor', reactionTimeMs: 200, initialBaudRate: 300 } as const;

/** One day of 15-minute values for two channels; a status flag (power failure) from 10:00 to 11:00. */
export const DEMO_LOAD_PROFILE: LoadProfileSpec = {
  start: '2403100015',
  intervalMinutes: 15,
  rows: 96,
  channels: [
    { obis: '1.5.0', unit: 'kW', base: 0.4, step: 0.0125, decimals: 3 },
    { obis: '2.5.0', unit: 'kW', base: 0, step: 0, decimals: 3 },
  ],
  status: '00000000',
  statusChanges: [
    { row: 39, status: '00000080' },
    { row: 43, status: '00000000' },
  ],
};

/** The named profiles. Use `meterProfile(name, overrides)` for a validated copy with your own address, data... */
export const METER_PROFILES: Readonly<Record<string, MeterProfile>> = {
  modeC: {
    ...common,
    name: 'modeC',
    description: 'Mode C meter (L+G style), offers 9600 Bd; value+timestamp groups, billing periods, a duplicate code',
    identification: { manufacturer: 'LGZ', baudChar: '5', identification: 'ZMD3104100.B32' },
    address: '12345678',
    dataBlock: MODE_C_DATA,
  },
  modeA: {
    ...common,
    name: 'modeA',
    description: 'Mode A meter (Kamstrup Multical style): 300 Bd throughout, comma decimals, additive 7-bit checksum',
    identification: { manufacturer: 'KAM', baudChar: ' ', identification: 'MC' },
    dataBlock: MODE_A_DATA,
    bcc: 'sum7',
  },
  modeB: {
    ...common,
    name: 'modeB',
    description: 'Mode B meter: switches to 9600 Bd (letter E) right after the identification',
    identification: { manufacturer: 'ABB', baudChar: 'E', identification: 'A1500' },
    dataBlock: MODE_B_DATA,
  },
  modeD: {
    ...common,
    name: 'modeD',
    description: 'Mode D push meter (eBZ DD3 style): telegram every second at 9600 Bd, no request',
    identification: { manufacturer: 'EBZ', baudChar: '5', identification: 'DD3BZ06ETA_107' },
    dataBlock: MODE_D_DATA,
    push: { intervalMs: 1000, baudRate: 9600, dsmrCrc: false },
  },
  dsmr: {
    ...common,
    name: 'dsmr',
    description: 'DSMR-style push meter: like mode D, with a CRC16 after the !',
    identification: { manufacturer: 'ISk', baudChar: '5', enhancedIds: ['2'], identification: 'MT382-1000' },
    dataBlock: DSMR_DATA,
    push: { intervalMs: 1000, baudRate: 9600, dsmrCrc: true },
  },
  modeE: {
    ...common,
    name: 'modeE',
    description: 'Meter advertising mode E (\\2) that answers a normal mode C readout to ACK 0 Z 0',
    identification: { manufacturer: 'LGZ', baudChar: '5', enhancedIds: ['2'], identification: 'ZMD3104407.B32' },
    dataBlock: MODE_E_DATA,
  },
  programming: {
    ...common,
    name: 'programming',
    description: 'Mode C meter with programming mode (EMH style): P0/P1 password 00000000, R1/R5 reads, W1 writes, P.01 load profile',
    identification: { manufacturer: 'EMH', baudChar: '5', enhancedIds: ['@'], identification: '01LZQJL0014F' },
    address: '10067967',
    dataBlock: PROGRAMMING_DATA,
    programming: { password: '00000000', operand: '10067967', wrongPassword: 'nak', errorCode: 'ER03', loadProfile: DEMO_LOAD_PROFILE },
  },
  iskraLarge: {
    ...common,
    name: 'iskraLarge',
    description: 'Large Iskra MT174-style mode C readout (about 9.5 kB), offers 9600 Bd; for benchmarks',
    identification: { manufacturer: 'ISk', baudChar: '5', identification: 'MT174-0001' },
    dataBlock: iskraStyleReadout(),
  },
};

for (const profile of Object.values(METER_PROFILES)) validateProfile(profile);

export function meterProfileNames(): string[] {
  return Object.keys(METER_PROFILES);
}

/** A named profile, optionally customized (address, identification, data block, timing, programming, push). */
export function meterProfile(name: string, overrides: MeterProfileOverrides = {}): MeterProfile {
  const base = METER_PROFILES[name];
  if (!base) {
    throw new MeterError('E_BAD_ARGUMENT', `unknown meter profile ${JSON.stringify(name)}`, { hint: `Use one of: ${meterProfileNames().join(', ')}.` });
  }
  return customizeProfile(base, overrides);
}

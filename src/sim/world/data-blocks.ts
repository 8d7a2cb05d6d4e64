/**
 * The readouts of the demo's meter styles, rendered from one state (energy, power, time): an L+G-style mode C meter
 * with value-plus-timestamp groups, a Kamstrup-style mode A meter with comma decimals and short codes, and an
 * EMH-style programming-mode meter. Same shapes as the static profiles in ../meter/profile-data.ts.
 */
import { dataLines } from '../meter/profile';

export type LiveMeterStyle = 'modeC' | 'modeA' | 'programming';

export interface MeterState {
  address: string;
  /** Simulated ms since the epoch. */
  at: number;
  importKwh: number;
  exportKwh: number;
  powerKw: number;
  /** Highest power seen so far and when (the 1.6.0 maximum demand register). */
  maxKw: number;
  maxAt: number;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYMMDDhhmm` in UTC, the meters' timestamp format. */
export function stamp(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

function time(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

const fixed = (value: number, width: number, decimals: number): string => value.toFixed(decimals).padStart(width, '0');

export function renderDataBlock(style: LiveMeterStyle, s: MeterState): string {
  switch (style) {
    case 'modeC':
      return dataLines([
        ['F.F', '00000000'],
        ['0.0.0', s.address],
        ['C.1.0', '31042011'],
        ['0.9.1', time(s.at)],
        ['0.9.2', stamp(s.at).slice(0, 6)],
        ['1.8.0', `${fixed(s.importKwh, 10, 3)}*kWh`],
        ['1.8.1', `${fixed(s.importKwh * 0.62, 10, 3)}*kWh`],
        ['1.8.2', `${fixed(s.importKwh * 0.38, 10, 3)}*kWh`],
        ['2.8.0', `${fixed(s.exportKwh, 10, 3)}*kWh`],
        ['1.7.0', `${fixed(s.powerKw, 6, 3)}*kW`],
        ['1.6.0', `${fixed(s.maxKw, 6, 3)}*kW`, stamp(s.maxAt)],
        ['C.7.0', '0003'],
      ]);
    case 'modeA':
      // Kamstrup style: short reduced codes and a comma as the decimal sign.
      return dataLines([
        ['0.0', s.address],
        ['1.8.0', `${fixed(s.importKwh, 9, 1).replace('.', ',')}*kWh`],
        ['2.8.0', `${fixed(s.exportKwh, 9, 1).replace('.', ',')}*kWh`],
        ['1.7.0', `${fixed(s.powerKw, 7, 3).replace('.', ',')}*kW`],
        ['0.9.1', time(s.at)],
      ]);
    case 'programming':
      return dataLines([
        ['0.0.0', s.address],
        ['1.8.0', `${fixed(s.importKwh, 9, 2)}*kWh`],
        ['2.8.0', `${fixed(s.exportKwh, 9, 2)}*kWh`],
        ['1.7.0', `${fixed(s.powerKw, 7, 3)}*kW`],
        ['1.6.0', `${fixed(s.maxKw, 7, 3)}*kW`, stamp(s.maxAt)],
        ['0.9.1', time(s.at)],
        ['0.9.2', stamp(s.at).slice(0, 6)],
        ['F.F', '00000000'],
      ]);
  }
}

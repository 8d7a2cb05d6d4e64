import { dataLines } from './profile';

/** Readout of an L+G-style mode C meter: value-plus-timestamp groups, billing periods (`*01`), a duplicate code. */
export const MODE_C_DATA = dataLines([
  ['F.F', '00000000'],
  ['0.0.0', '12345678'],
  ['C.1.0', '31042011'],
  ['0.9.1', '143502'],
  ['0.9.2', '240315'],
  ['1.8.0', '004521.337*kWh'],
  ['1.8.1', '003012.110*kWh'],
  ['1.8.2', '001509.227*kWh'],
  ['2.8.0', '000012.004*kWh'],
  ['1.6.0', '02.468*kW', '2403100930'],
  ['0.1.0', '02'],
  ['0.1.2*01', '2403010000'],
  ['1.8.0*01', '004398.512*kWh'],
  ['1.6.0*01', '02.301*kW', '2402210815'],
  ['0.1.2*02', '2402010000'],
  ['1.8.0*02', '004275.004*kWh'],
  ['1.6.0*02', '02.590*kW', '2401120745'],
  ['0.2.0', 'V1.20'],
  ['0.2.0', 'V3.00'],
  ['C.7.0', '0003'],
]);

/** Kamstrup Multical-style mode A readout: comma decimals, short reduced addresses. */
export const MODE_A_DATA = dataLines([
  ['0.0', '00012345'],
  ['6.8', '000123,4*MWh'],
  ['6.26', '00456,78*m3'],
  ['6.31', '0109868*h'],
  ['6.8.1', '000007,4*kW'],
  ['9.4', '088*C&082*C'],
]);

export const MODE_B_DATA = dataLines([
  ['0.0.0', '87654321'],
  ['1.8.0', '001234.5*kWh'],
  ['2.8.0', '000000.0*kWh'],
  ['1.7.0', '0.412*kW'],
  ['32.7.0', '231*V'],
  ['F.F', '0000'],
]);

/** eBZ DD3-style push telegram (full OBIS codes). */
export const MODE_D_DATA = dataLines([
  ['1-0:0.0.0*255', '1EBZ0100507409'],
  ['1-0:96.5.5*255', '80'],
  ['1-0:1.8.0*255', '000123.4567*kWh'],
  ['1-0:2.8.0*255', '000000.0000*kWh'],
  ['1-0:16.7.0*255', '000324.12*W'],
  ['1-0:32.7.0*255', '231.4*V'],
]);

/** DSMR 5-style push telegram (the CRC follows the `!`). */
export const DSMR_DATA = dataLines([
  ['1-3:0.2.8', '50'],
  ['0-0:1.0.0', '240315143502W'],
  ['0-0:96.1.1', '4530303034303031353934373534343134'],
  ['1-0:1.8.1', '000123.456*kWh'],
  ['1-0:1.8.2', '000234.567*kWh'],
  ['1-0:2.8.1', '000000.000*kWh'],
  ['0-0:96.14.0', '0002'],
  ['1-0:1.7.0', '00.324*kW'],
  ['0-0:96.7.21', '00004'],
]);

export const MODE_E_DATA = dataLines([
  ['0.0.0', '44072211'],
  ['1.8.0', '012345.678*kWh'],
  ['1.8.1', '008000.000*kWh'],
  ['1.8.2', '004345.678*kWh'],
  ['2.8.0', '000001.234*kWh'],
  ['F.F', '00000000'],
]);

export const PROGRAMMING_DATA = dataLines([
  ['0.0.0', '10067967'],
  ['1.8.0', '012345.67*kWh'],
  ['2.8.0', '000042.00*kWh'],
  ['1.6.0', '003.210*kW', '2403101415'],
  ['0.9.1', '141502'],
  ['0.9.2', '240315'],
  ['F.F', '00000000'],
]);

const TARIFF_REGISTERS = ['1.8.0', '1.8.1', '1.8.2', '1.8.3', '1.8.4', '2.8.0', '2.8.1', '2.8.2', '3.8.0', '4.8.0'];

/**
 * An Iskra MT174-style readout of about `targetBytes` (9.5 kB by default, like the real capture in the reference):
 * current registers, then 15 months of billing history with value-plus-timestamp demand registers. Deterministic.
 */
export function iskraStyleReadout(targetBytes = 9500): string {
  const lines: string[] = [
    '0.0.0(00339226)\r\n', '0.2.0(ver.02, 100702, 2C74)\r\n', '0.9.1(143502)\r\n', '0.9.2(240315)\r\n', 'C.1.0(22503711)\r\n', 'F.F(0000000)\r\n',
  ];
  let size = lines.join('').length;
  const add = (line: string): boolean => {
    if (size + line.length > targetBytes) return false;
    lines.push(line);
    size += line.length;
    return true;
  };
  for (let month = 0; month <= 99; month++) {
    const suffix = month === 0 ? '' : `*${String(month).padStart(2, '0')}`;
    for (const [index, register] of TARIFF_REGISTERS.entries()) {
      const value = (38264.64 - month * 612.5 - index * 1021.25 + index * index * 7.125).toFixed(3).padStart(11, '0');
      if (!add(`${register}${suffix}(${value}*kWh)\r\n`)) return lines.join('');
    }
    const day = String((month % 28) + 1).padStart(2, '0');
    if (!add(`1.6.0${suffix}(${(2.5 + (month % 7) * 0.125).toFixed(3).padStart(6, '0')}*kW)(24${String((month % 12) + 1).padStart(2, '0')}${day}0915)\r\n`)) break;
    if (!add(`2.6.0${suffix}(00.000*kW)(0001010000)\r\n`)) break;
  }
  return lines.join('');
}

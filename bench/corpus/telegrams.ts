/*
 * Benchmark corpus: real-style telegrams (shapes from shared/reference/iec62056-21.md), generated
 * deterministically so that every run parses the same bytes.
 */
import { dsmrTelegram, pad, readoutMessage, seeded } from './frame';

export interface CorpusEntry {
  name: string;
  bytes: Buffer;
}

/** L+G ZMD-style mode C readout: echo, ACK echo, registers with value + timestamp groups. */
function modeCWithTimestamps(): string {
  const random = seeded(1);
  let lines = 'F.F(00000000)\r\n0.0.0(71234567)\r\n0.0.1(71234567)\r\n0.9.1(112233)\r\n0.9.2(240310)\r\n';
  for (const register of ['1.6.0', '1.6.1', '1.6.2', '2.6.0', '2.6.1', '2.6.2', '3.6.0', '4.6.0']) {
    for (let month = 0; month < 3; month++) {
      const suffix = month === 0 ? '' : `*${pad(month, 2)}`;
      lines += `${register}${suffix}(${pad(random() * 40, 2, 3)}*kW)(24${pad(3 - month, 2)}${pad(1 + Math.floor(random() * 27), 2)}${pad(Math.floor(random() * 24), 2)}${pad(Math.floor(random() * 4) * 15, 2)})\r\n`;
    }
  }
  for (const register of ['1.8.0', '1.8.1', '1.8.2', '2.8.0', '2.8.1', '2.8.2', '3.8.0', '4.8.0']) {
    lines += `${register}(${pad(random() * 99999, 7, 3)}*kWh)\r\n`;
  }
  lines += '32.7(231.4*V)52.7(229.8*V)72.7(232.0*V)\r\n31.7(001.23*A)51.7(000.98*A)71.7(002.10*A)\r\n';
  return `/?!\r\n${readoutMessage('/LGZ5\\2ZMD3104407.B32', lines).replace('\r\n\x02', '\r\n\x06050\r\n\x02')}`;
}

/** Kamstrup mode A (`/KAM MC`), comma decimals, `!` on the last line, 7-bit-sum BCC. */
function kamstrupModeA(): string {
  const lines = '0.0(12345678)\r\n6.8(0012,345*GJ)\r\n6.26(00123,45*m3)\r\n6.31(0109868*h)\r\n2.8.0(000007,4*kW)\r\n9.4(088*C&082*C)\r\n';
  return readoutMessage('/KAM MC', lines.slice(0, -2), 'sum7'); // slice: `!` lands on the last data line
}

/** DSMR 5 P1 telegram (push, CRC16). */
function dsmrPush(): string {
  const lines =
    '1-3:0.2.8(50)\r\n0-0:1.0.0(240310113020W)\r\n0-0:96.1.1(4530303334303036383130353136323137)\r\n' +
    '1-0:1.8.1(012345.678*kWh)\r\n1-0:1.8.2(023456.789*kWh)\r\n1-0:2.8.1(000123.456*kWh)\r\n1-0:2.8.2(000234.567*kWh)\r\n' +
    '0-0:96.14.0(0002)\r\n1-0:1.7.0(01.193*kW)\r\n1-0:2.7.0(00.000*kW)\r\n0-0:96.7.21(00004)\r\n0-0:96.7.9(00002)\r\n' +
    '1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)\r\n' +
    '1-0:32.32.0(00002)\r\n1-0:52.32.0(00001)\r\n1-0:72.32.0(00000)\r\n1-0:32.36.0(00000)\r\n0-0:96.13.0()\r\n' +
    '1-0:32.7.0(220.1*V)\r\n1-0:52.7.0(220.2*V)\r\n1-0:72.7.0(220.3*V)\r\n1-0:31.7.0(001*A)\r\n1-0:51.7.0(002*A)\r\n1-0:71.7.0(003*A)\r\n' +
    '1-0:21.7.0(00.170*kW)\r\n1-0:41.7.0(00.270*kW)\r\n1-0:61.7.0(00.370*kW)\r\n1-0:22.7.0(00.000*kW)\r\n' +
    '0-1:24.1.0(003)\r\n0-1:96.1.0(4730303339303031363532303530323136)\r\n0-1:24.2.1(240310113000W)(12785.123*m3)\r\n';
  return dsmrTelegram('/Ene5\\T210-D ESMR5.0', lines);
}

/** A readout carrying a 15-minute load profile (2 channels, 48 rows) with a header repeated mid-way. */
function loadProfile(): string {
  const random = seeded(7);
  let lines = '';
  for (const [header, start] of [['(00000000)', 0], ['(00000008)', 24]] as const) {
    const hour = 12 + Math.floor(start / 4);
    lines += `P.01(1240310${pad(hour, 2)}0000)${header}(15)(2)(1.5.0)(kW)(2.5.0)(kW)\r\n`;
    for (let row = 0; row < 24; row++) lines += `(${pad(random() * 3, 1, 3)})(${pad(random() * 0.5, 1, 3)})\r\n`;
  }
  return readoutMessage('/EMH5\\@LZQJ', lines);
}

const ENERGY_REGISTERS = ['1.8.0', '1.8.1', '1.8.2', '1.8.3', '1.8.4', '2.8.0', '2.8.1', '2.8.2', '2.8.3', '2.8.4', '3.8.0', '4.8.0', '15.8.0'];

/** Iskra MT174-style readout with 15 months of history: about 9.5 kB. */
function iskraLarge(): string {
  const random = seeded(42);
  let lines = 'F.F(00000000)\r\n0.0.0(71234567)\r\n0.0.1(71234567)\r\n0.2.0(V01.69#EEA3546C)\r\nC.1.0(63544017)\r\nC.1.1(        )\r\n';
  lines += '0.9.1(123456)\r\n0.9.2(240310)\r\n0.1.0(15)\r\n0.1.2*15(2403010000)\r\nC.7.0(0021)\r\nC.51.1((ER11))\r\n';
  for (let month = 0; month <= 15; month++) {
    const suffix = month === 0 ? '' : `*${pad(month, 2)}`;
    for (const register of ENERGY_REGISTERS) lines += `${register}${suffix}(${pad(random() * 99999, 7, 3)}*kWh)\r\n`;
    for (const register of ['1.6.0', '1.6.1', '1.6.2', '2.6.0', '2.6.1', '2.6.2']) {
      lines += `${register}${suffix}(${pad(random() * 40, 2, 3)}*kW)(24${pad(1 + (month % 12), 2)}${pad(1 + Math.floor(random() * 27), 2)}1215)\r\n`;
    }
    lines += `1.2.0${suffix}(${pad(random() * 400, 4, 3)}*kW)\r\n0.1.2${suffix}(24${pad(1 + (month % 12), 2)}010000)\r\n`;
  }
  lines += '32.7(231.4*V)\r\n52.7(229.8*V)\r\n72.7(232.0*V)\r\n31.7(001.23*A)\r\n51.7(000.98*A)\r\n71.7(002.10*A)\r\n';
  return readoutMessage('/ISk5MT174-0001', lines);
}

export function buildCorpus(): CorpusEntry[] {
  const entries: Array<[string, string]> = [
    ['mode C with timestamps (L+G ZMD style)', modeCWithTimestamps()],
    ['Kamstrup mode A, sum7 BCC', kamstrupModeA()],
    ['DSMR 5 push with CRC16', dsmrPush()],
    ['load profile in a readout', loadProfile()],
    ['Iskra MT174 style, 15 months of history', iskraLarge()],
  ];
  return entries.map(([name, text]) => ({ name, bytes: Buffer.from(text, 'latin1') }));
}

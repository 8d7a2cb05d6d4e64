/*
 * Real-style captures built from the protocol reference (shared/reference/iec62056-21.md, sections 1.3-1.9).
 * Checksums are NOT computed with the code under test: each constant below was worked out independently
 * (XOR / 7-bit sum / CRC16-ARC of the listed bytes, by a separate throwaway script and, for the short one, by hand).
 */
export const STX = '\x02';
export const ETX = '\x03';
export const ACK = '\x06';
export const CRLF = '\r\n';

/** Iskra MT174 style, mode C at 9600: data lines of the data message (between STX and ETX). */
export const MT174_DATA =
  'F.F(00000000)\r\n' +
  '0.0.0(71234567)\r\n' +
  '1.8.0(0001234.567*kWh)\r\n' +
  '1.8.1(0000734.103*kWh)\r\n' +
  '1.8.2(0000500.464*kWh)\r\n' +
  '2.8.0(0000000.000*kWh)\r\n' +
  '0.9.1(123456)\r\n' +
  '0.9.2(240310)\r\n' +
  '1.6.0(02.468*kW)(2403100930)\r\n' +
  '!\r\n';
/** XOR of MT174_DATA + ETX = 0x03 (it happens to equal ETX; the BCC is just the byte after ETX). */
export const MT174_BCC = '\x03';
export const MT174_IDENT = '/ISk5MT174-0001\r\n';
export const MT174_MESSAGE = `${STX}${MT174_DATA}${ETX}${MT174_BCC}`;
/** Echoed request, identification, echoed option select `ACK 0 5 0`, data message. */
export const MT174_SESSION = `/?!\r\n${MT174_IDENT}${ACK}050\r\n${MT174_MESSAGE}`;

/**
 * pwitab's unit-test vector: `STX 3:171.0(0) ETX` has BCC 0x12. By hand:
 * 0x33^0x3A=0x09, ^0x31('1')=0x38, ^0x37('7')=0x0F, ^0x31=0x3E, ^0x2E('.')=0x10, ^0x30('0')=0x20,
 * ^0x28('(')=0x08, ^0x30=0x38, ^0x29(')')=0x11, ^0x03(ETX)=0x12.
 */
export const PWITAB_ANSWER = `${STX}3:171.0(0)${ETX}\x12`;

/**
 * Kamstrup Multical style, mode A (`/KAM MC`: a space as baud character), `!` on the line of the last set,
 * comma decimal, and the BCC as the 7-bit arithmetic SUM (0x18) instead of the XOR (which would be 0x38).
 */
export const KAMSTRUP_DATA =
  '0.0(12345678)\r\n' +
  '6.8(0012.345*GJ)\r\n' +
  '6.26(00123.45*m3)\r\n' +
  '6.31(0109868*h)\r\n' +
  '2.8.0(000007,4*kW)!\r\n';
export const KAMSTRUP_SUM7_BCC = '\x18';
export const KAMSTRUP_XOR_BCC = '\x38';
export const KAMSTRUP_READOUT = `/KAM MC\r\n${STX}${KAMSTRUP_DATA}${ETX}${KAMSTRUP_SUM7_BCC}`;

/**
 * R5 answer to `P.01(;)`: a load profile whose header repeats mid-reply (status 08, clock re-based), no `!`.
 * XOR of LOAD_PROFILE_DATA + ETX = 0x00.
 */
export const LOAD_PROFILE_DATA =
  'P.01(1240310120000)(00000000)(15)(2)(1.5.0)(kW)(2.5.0)(kW)\r\n' +
  '(0.512)(0.000)\r\n' +
  '(0.498)(0.000)\r\n' +
  '(0.505)(0.013)\r\n' +
  'P.01(1240310124500)(00000008)(15)(2)(1.5.0)(kW)(2.5.0)(kW)\r\n' +
  '(0.476)(0.000)\r\n' +
  '(0.469)(0.002)\r\n';
export const LOAD_PROFILE_ANSWER = `${STX}${LOAD_PROFILE_DATA}${ETX}\x00`;

/** DSMR 4-style P1 telegram (mode D derivative); CRC16/ARC over `/`...`!` = C5F9. */
export const DSMR_BODY =
  '/ISk5\\2MT382-1000\r\n' +
  '\r\n' +
  '1-3:0.2.8(50)\r\n' +
  '0-0:1.0.0(240310113020W)\r\n' +
  '0-0:96.1.1(4B384547303034303436333935353037)\r\n' +
  '1-0:1.8.1(123456.789*kWh)\r\n' +
  '1-0:1.8.2(123456.789*kWh)\r\n' +
  '1-0:1.7.0(01.193*kW)\r\n' +
  '0-0:96.7.21(00004)\r\n' +
  '1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)\r\n' +
  '1-0:32.7.0(220.1*V)\r\n' +
  '0-1:24.2.1(240310113000W)(12785.123*m3)\r\n' +
  '!';
export const DSMR_CRC = 'C5F9';
export const DSMR_TELEGRAM = `${DSMR_BODY}${DSMR_CRC}\r\n`;

/** eBZ DD3 style push (mode D, 9600 7E1): billing suffix `*255` in the addresses, no checksum. */
export const EBZ_PUSH =
  '/EBZ5DD3BZ06ETA_107\r\n' +
  '\r\n' +
  '1-0:0.0.0*255(1EBZ0100507409)\r\n' +
  '1-0:96.1.0*255(001EBZ0100507409)\r\n' +
  '1-0:1.8.0*255(000125.85688570*kWh)\r\n' +
  '1-0:16.7.0*255(000153.42*W)\r\n' +
  '1-0:36.7.0*255(-000042.17*W)\r\n' +
  '1-0:32.7.0*255(232.8*V)\r\n' +
  '1-0:96.5.0*255(001C0104)\r\n' +
  '0-0:96.8.0*255(00104AB5)\r\n' +
  '!\r\n';

/** DSMR 3 gas: the value comes on a continuation line that starts with `(`. */
export const DSMR3_GAS_PUSH =
  '/KMP5 KA6U001660297912\r\n' +
  '\r\n' +
  '0-0:96.1.1(204B413655303031363630323937393132)\r\n' +
  '0-1:24.3.0(121030140000)(00)(60)(1)(0-1:24.2.1)(m3)\r\n' +
  '(00000.000)\r\n' +
  '0-1:24.4.0(1)\r\n' +
  '!\r\n';

/** Itron/ACE style: `\3` enhanced id, no ETX and no BCC after the end line. */
export const ACE_NO_ETX = `/ACE0\\3k260V01.18\r\n${STX}F.F(00)\r\n0.0(00012345)\r\n1.8.0(001234.5*kWh)\r\n!\r\n`;

/** Siemens 2WR5 style: many sets on one line, `&` sub-values, `#` in a version string, `/` in a unit. */
export const ODDITIES_DATA =
  '0.0.0(12345678)1.8.1(000001.2*kWh)1.8.2(000003.4*kWh)\r\n' +
  '9.4(088*C&082*C)\r\n' +
  '0.2.0(V01.69#EEA3546C)\r\n' +
  '1.8.3(0000002.7#kWh)\r\n' +
  '0.3.0(10000*imp/kWh)\r\n' +
  'C.1.0((ER11))\r\n' +
  'C.7.0(ER23)\r\n' +
  '0.1.2()\r\n' +
  '0.9.1(23:16:43)\r\n' +
  '0.9.4(2017-01-18&01:36:47)\r\n' +
  '31.7(+000.8*A)\r\n' +
  '1.8.0*12(000001.0*kWh)\r\n' +
  '1.8.0*12(000000.5*kWh)\r\n' +
  '!\r\n';

/** What the SmartCOM gateway stores in a record: data lines with LF only, no framing, no `!`. */
export const GATEWAY_RECORD_DATA = 'F.F(000000)\nC.1.0(04869551)\nC.90(869551)\n1.8.1(0000002.7#kWh)\nC.9.3(12-04-24 09:01)\n0.4.2(001)\n';

/** Adds the even-parity bit in bit 7 of every byte: what a 7E1 line looks like when read as 8N1. */
export function withEvenParity(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  for (let i = 0; i < bytes.length; i++) {
    let ones = 0;
    for (let v = bytes[i]; v !== 0; v >>= 1) ones += v & 1;
    if (ones % 2 === 1) bytes[i] |= 0x80;
  }
  return bytes;
}

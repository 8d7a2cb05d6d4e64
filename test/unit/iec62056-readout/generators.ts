/*
 * fast-check generators for IEC 62056-21 data blocks, reusable by other test suites (e.g. simulator -> client ->
 * parser end-to-end properties). Every generated DataValue carries the value and unit the parser must report,
 * worked out here from how the text was built, never by calling the parser.
 */
import fc from 'fast-check';
import type { DataSet, DataValue } from '../../../src/iec62056/readout';

const DIGITS = '0123456789'.split('');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split('');
export const UNITS = ['kWh', 'kW', 'kvarh', 'V', 'A', 'Hz', 'm3', 'GJ', 'h', 's', 'W', 'imp/kWh', 'i\\kWh', '%'];

const digitString = (min: number, max: number) => fc.array(fc.constantFrom(...DIGITS), { minLength: min, maxLength: max }).map((d) => d.join(''));

/**
 * OBIS-like addresses: `C.D.E`, `C.D`, `A-B:C.D.E*F`, with letters in C and billing suffixes `*12` / `&12`.
 * No `P.nn`: that is a load-profile header, whose rows follow other rules (tested on their own).
 */
export const addressArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom('C', 'F', 'L')), fc.integer({ min: 0, max: 99 }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }))
    .map(([c, d, e]) => (e === undefined ? `${c}.${d}` : `${c}.${d}.${e}`)),
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 255 }))
    .map(([a, b, c, d, f]) => `${a}-${b}:${c}.${d}.${f % 10}*${f}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('*', '&'), digitString(2, 2)).map(([c, d, sep, f]) => `${c}.8.${d}${sep}${f}`),
);

/** A decimal as meters write it: sign, leading zeros, `.` or `,`, at most 15 digits in all. */
const numberTextArb = fc
  .tuple(fc.constantFrom('', '', '', '+', '-'), digitString(1, 9), fc.option(fc.tuple(fc.constantFrom('.', ','), digitString(1, 6)), { nil: undefined }))
  .map(([sign, int, frac]) => (frac === undefined ? `${sign}${int}` : `${sign}${int}${frac[0]}${frac[1]}`));

const numberValue = (text: string): number => Number(text.replace(',', '.'));

const numericArb: fc.Arbitrary<DataValue> = fc
  .tuple(numberTextArb, fc.option(fc.tuple(fc.constantFrom('*', '*', '#'), fc.constantFrom(...UNITS)), { nil: undefined }))
  .map(([text, unit]) => (unit === undefined ? { raw: text, value: numberValue(text), unit: null } : { raw: `${text}${unit[0]}${unit[1]}`, value: numberValue(text), unit: unit[1] }));

/** Free text that is never a number, never an ERxx code and holds no `*`, `#` or brackets. */
const textArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...LETTERS.filter((l) => l !== 'E' && l !== 'e')), fc.array(fc.constantFrom(...LETTERS, ...DIGITS, ' ', ':', '-', '.', ',', '&', '/', '_'), { maxLength: 20 }))
  .map(([first, rest]) => first + rest.join(''));

const textValueArb: fc.Arbitrary<DataValue> = fc
  .tuple(textArb, fc.option(fc.constantFrom(...UNITS), { nil: undefined }))
  .map(([text, unit]) => (unit === undefined ? { raw: text, value: text, unit: null } : { raw: `${text}*${unit}`, value: text, unit }));

/** Timestamps: `YYMMDDhhmmss` (a number) or DSMR `YYMMDDhhmmssW` / `S` (text). */
const timestampArb: fc.Arbitrary<DataValue> = fc.tuple(digitString(12, 12), fc.constantFrom('', 'W', 'S')).map(([digits, season]) => {
  const raw = digits + season;
  return { raw, value: season === '' ? Number(digits) : raw, unit: null };
});

const meterErrorArb: fc.Arbitrary<DataValue> = fc.tuple(digitString(2, 2), fc.boolean()).map(([code, nested]) => {
  const raw = nested ? `(ER${code})` : `ER${code}`;
  return { raw, value: raw, unit: null, error: `ER${code}` };
});

const firmwareArb: fc.Arbitrary<DataValue> = fc
  .tuple(digitString(2, 2), digitString(2, 2), fc.array(fc.constantFrom(...'0123456789ABCDEF'.split('')), { minLength: 8, maxLength: 8 }))
  .map(([major, minor, hex]) => {
    const raw = `V${major}.${minor}#${hex.join('')}`;
    return { raw, value: raw, unit: null };
  });

const emptyArb: fc.Arbitrary<DataValue> = fc.constant({ raw: '', value: '', unit: null });

export const dataValueArb: fc.Arbitrary<DataValue> = fc.oneof(
  { arbitrary: numericArb, weight: 6 },
  { arbitrary: textValueArb, weight: 2 },
  { arbitrary: timestampArb, weight: 2 },
  { arbitrary: meterErrorArb, weight: 1 },
  { arbitrary: firmwareArb, weight: 1 },
  { arbitrary: emptyArb, weight: 1 },
);

export const dataSetArb: fc.Arbitrary<DataSet> = fc
  .tuple(addressArb, fc.array(dataValueArb, { minLength: 1, maxLength: 4 }))
  .map(([address, values]) => ({ address, values }));

export const dataSetsArb: fc.Arbitrary<DataSet[]> = fc.array(dataSetArb, { minLength: 1, maxLength: 30 });

/** XOR of the bytes, low 7 bits: written here so that tests do not lean on the code under test. */
export function xor7(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value ^= byte;
  return value & 0x7f;
}

/** Frames data lines as a readout data message: STX lines `!` CR LF ETX BCC. */
export function frameReadout(dataLines: string, identification = '/ISk5MT174-0001\r\n'): Buffer {
  const covered = Buffer.from(`${dataLines}!\r\n\x03`, 'latin1');
  return Buffer.concat([Buffer.from(`${identification}\x02`, 'latin1'), covered, Buffer.from([xor7(covered)])]);
}

/** Byte soup biased towards the framing and grammar characters, to reach deep parser states. */
export const telegramishBytesArb: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.oneof(
      fc.constantFrom('/', '(', ')', '!', '\x02', '\x03', '\x04', '\x06', '\r\n', '\r', '\n', '*', '#', '&', '\\', '?', '\0'),
      fc.constantFrom('/ISk5MT174', '/?!', '1.8.0', 'P.01', '(1240310120000)', '(15)', '(2)', 'ER11', '0001.5', 'kWh', '!C5F9'),
      fc.integer({ min: 0, max: 255 }).map((b) => String.fromCharCode(b)),
    ),
    { maxLength: 400 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'latin1'));

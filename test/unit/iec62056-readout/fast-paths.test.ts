import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkBcc, checkBccRange, sum7Bcc, xorAndSum7, xorBcc } from '../../../src/iec62056/bcc';
import { parseDataBlock, parseReadout } from '../../../src/iec62056/readout';
import { DiagnosticSink } from '../../../src/iec62056/readout/diagnostics';
import * as group from '../../../src/iec62056/readout/group';
import { stamp } from '../../../src/iec62056/readout/load-profile';
import { readValue } from '../../../src/iec62056/readout/value';
import * as T from './telegrams';

/*
 * The parser's speed-ups each have a slow, obvious reference: the one-pass group reader must agree with
 * readValue, the word-wise BCC with xorBcc/sum7Bcc, the stamp arithmetic with Date, the lazy `values` with a
 * plain property. These properties pin each fast path to its reference.
 */

const codesOf = (text: string): Uint8Array | Uint16Array =>
  /[^\x00-\xff]/.test(text) ? Uint16Array.from(text, (c) => c.charCodeAt(0)) : Buffer.from(text, 'latin1');

/** Group contents around the fast path's edges: signs, separators, long digit runs, `*`, `#`, `&`, text. */
const groupContentArb = fc
  .array(fc.constantFrom('0', '0', '1', '5', '9', '9', '.', ',', '+', '-', '*', '#', '&', 'k', 'W', 'h', 'E', 'R', '/', ' ', '\u20ac', '\xe9'), { maxLength: 24 })
  .map((chars) => chars.join(''));

describe('readout fast paths agree with their references', () => {
  it('reads any bracket group exactly as readValue does (numbers, -0, units, text, wide characters)', () => {
    fc.assert(
      fc.property(groupContentArb, (content) => {
        const text = `(${content})`;
        const sink = new DiagnosticSink();
        const value = group.readGroup(text, codesOf(text), 0, text.length, sink);
        assert.deepStrictEqual(value, readValue(text, 1, text.length - 1));
        assert.equal(group.groupEnd, text.length);
        assert.deepEqual(sink.list, []);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads long, tiny and zero numbers like Number(): 16+ digits, 23+ decimals, -0', () => {
    for (const content of ['1000000000000000000000*kWh', '0.0000000000000000000000001', '-0.000', '123456789012345', '1234567890123456', '0000000000000000001']) {
      const text = `(${content})`;
      assert.deepStrictEqual(group.readGroup(text, codesOf(text), 0, text.length, new DiagnosticSink()), readValue(text, 1, text.length - 1), content);
    }
  });

  it('computes the XOR and the 7-bit sum of any byte range in one pass, at any alignment', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.nat(3), fc.nat(), fc.nat(), (raw, shift, a, b) => {
        const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(raw)]).subarray(shift); // odd byteOffsets too
        const start = bytes.length === 0 ? 0 : a % bytes.length;
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        const both = xorAndSum7(bytes, start, end);
        assert.equal(both & 0x7f, xorBcc(bytes, start, end));
        assert.equal(both >>> 8, sum7Bcc(bytes, start, end));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the 7-bit sum exact over long runs of 0xff (the lanes are folded before they overflow)', () => {
    const bytes = Buffer.alloc(100_003, 0xff);
    assert.equal(xorAndSum7(bytes) >>> 8, sum7Bcc(bytes));
    assert.equal(xorAndSum7(bytes) & 0x7f, xorBcc(bytes));
  });

  it('checks a BCC over a range exactly as checkBcc does over a copy of it', () => {
    const bytes = Buffer.from(T.KAMSTRUP_READOUT, 'latin1');
    const stx = bytes.indexOf(0x02);
    const received = bytes[bytes.length - 1];
    for (const accept of [undefined, ['xor'] as const, ['sum7'] as const]) {
      for (const byte of [received, received ^ 1, undefined]) {
        assert.deepStrictEqual(checkBccRange(bytes, stx + 1, bytes.length - 1, byte, accept), checkBcc(bytes.subarray(stx + 1, bytes.length - 1), byte, accept));
      }
    }
  });

  it('formats load-profile stamps like Date#toISOString, whatever order the times come in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_399 }), fc.constantFrom(0, 1, 2), (seconds, season) => {
        const ms = seconds * 1000;
        const expected = new Date(ms).toISOString().slice(0, 19) + (season === 2 ? 'Z' : '');
        assert.equal(stamp(ms, season), expected);
      }),
      { numRuns: 3000 },
    );
    assert.equal(stamp(Date.UTC(2024, 1, 29, 23, 59, 59), 0), '2024-02-29T23:59:59');
    assert.equal(stamp(Date.UTC(2100, 2, 1), 0), '2100-03-01T00:00:00');
  });
});

describe('readout result: `values` built on first read', () => {
  it('is an own enumerable property that Object.keys, JSON and deep equality see', () => {
    const readout = parseReadout(T.MT174_SESSION);
    assert.ok(Object.keys(readout).includes('values'));
    assert.equal(Object.getOwnPropertyDescriptor(readout, 'values')?.enumerable, true);
    assert.equal(JSON.parse(JSON.stringify(readout)).values['1.8.0'].values[0].value, 1234.567);
    assert.deepStrictEqual(parseReadout(T.MT174_SESSION), parseReadout(T.MT174_SESSION));
    assert.deepEqual({ ...readout }.values['0.0.0'], readout.dataSets.find((s) => s.address === '0.0.0'));
  });

  it('maps each address to its FIRST data set, returns the same object on every read, and can be replaced', () => {
    const block = parseDataBlock('1.8.0(1*kWh)\r\n1.8.0(2*kWh)\r\n__proto__(3)\r\n');
    const values = block.values;
    assert.equal(values['1.8.0'], block.dataSets[0]);
    assert.equal(values['__proto__'], block.dataSets[2]);
    assert.equal(Object.getPrototypeOf(values), null);
    assert.equal(block.values, values);
    assert.equal(Object.getOwnPropertyDescriptor(block, 'values')?.writable, true);
    const replacement = Object.create(null) as typeof values;
    block.values = replacement;
    assert.equal(block.values, replacement);
  });
});

describe('readout input forms give the same result', () => {
  it('parses a string and the same bytes as a Buffer or a plain Uint8Array identically', () => {
    for (const telegram of [T.MT174_SESSION, T.KAMSTRUP_READOUT, T.PWITAB_ANSWER]) {
      const fromBuffer = parseReadout(Buffer.from(telegram, 'latin1'));
      assert.deepStrictEqual(parseReadout(telegram), fromBuffer);
      assert.deepStrictEqual(parseReadout(new Uint8Array(Buffer.from(telegram, 'latin1'))), fromBuffer);
    }
  });

  it('keeps characters above 0xff of a string input when stripParity is false', () => {
    const block = parseDataBlock('0.0(\u20acuro*\u2103)\r\nC\u00b0.1(1)\r\n', { stripParity: false });
    assert.deepEqual(block.dataSets, [
      { address: '0.0', values: [{ raw: '\u20acuro*\u2103', value: '\u20acuro', unit: '\u2103' }] },
      { address: 'C\u00b0.1', values: [{ raw: '1', value: 1, unit: null }] },
    ]);
    assert.deepEqual(block.diagnostics, []);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseObis, parseObis } from '../../../src/obis';

describe('OBIS normaliser', () => {
  // [as written, canonical]
  const cases: [string, string][] = [
    // full form: A-B kept, *255 (current value) dropped
    ['1-0:1.8.0*255', '1-0:1.8.0'],
    ['1-0:1.8.0', '1-0:1.8.0'],
    ['0-0:96.14.0', '0-0:96.14.0'],
    ['1-3:0.2.8', '1-3:0.2.8'],
    ['0-1:24.2.1', '0-1:24.2.1'],
    ['1-1:1.29', '1-1:1.29.0'],
    ['01-00:001.008.000', '1-0:1.8.0'],
    // reduced form
    ['1.8.0', '1.8.0'],
    ['32.7.0', '32.7.0'],
    ['31.7', '31.7.0'],
    ['0.0', '0.0.0'],
    // letters C, F, L, P in groups C and D, either case
    ['C.1.0', '96.1.0'],
    ['C.1.1', '96.1.1'],
    ['0-0:C.1.0', '0-0:96.1.0'],
    ['F.F', '97.97.0'],
    ['f.f', '97.97.0'],
    ['L.1', '98.1.0'],
    ['P.01', '99.1.0'],
    ['P.98', '99.98.0'],
    // billing period suffixes: `*nn` and `&nn` are the same F group
    ['1.8.0*03', '1.8.0*3'],
    ['1.8.0&03', '1.8.0*3'],
    ['1.8.0*3', '1.8.0*3'],
    ['1.8.0*00', '1.8.0*0'],
    ['1.8.0*255', '1.8.0'],
    ['1-0:1.8.0&12', '1-0:1.8.0*12'],
    ['0.1.2*01', '0.1.2*1'],
    // surrounding white space
    ['  1.8.1\r\n', '1.8.1'],
  ];
  for (const [code, canonical] of cases) {
    it(`${JSON.stringify(code)} -> ${canonical}`, () => assert.equal(normaliseObis(code), canonical));
  }

  const garbage: unknown[] = [
    '', ' ', 'garbage', '1', '1.', '.8.0', '1..0', '1.8.0.0', '1.8.0*', '1.8.0**3', '1.8.0*1000', '256.8.0', '1.256.0',
    '1.8.256', '16-0:1.8.0', '1-0:', '1-:1.8.0', 'X.1.0', '1.8.X', 'C.1.F', '1.8.0 extra', 'P.01(;)', '1.8.0*VZ',
    'ÄÖÜ', '\u0000', '9'.repeat(100), '1-0:1.8.0*255'.repeat(3), undefined, null, 42, {}, [],
  ];
  for (const code of garbage) {
    it(`${JSON.stringify(code) ?? String(code)} is not a code: null, no throw`, () => {
      assert.equal(normaliseObis(code as string), null);
      assert.equal(parseObis(code), null);
    });
  }

  it('gives the value groups, with letters as numbers and F = 255 as no F', () => {
    assert.deepEqual({ ...parseObis('1-0:F.F*255') }, { a: 1, b: 0, c: 97, d: 97, e: 0 });
    assert.deepEqual({ ...parseObis('1.8.0&03') }, { c: 1, d: 8, e: 0, f: 3 });
  });

  describe('properties', () => {
    const codeArb = fc
      .tuple(
        fc.option(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 255 }))),
        fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('C', 'F', 'L', 'P', 'c', 'p')),
        fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('C', 'F', 'L', 'P')),
        fc.option(fc.integer({ min: 0, max: 255 })),
        fc.option(fc.tuple(fc.constantFrom('*', '&'), fc.integer({ min: 0, max: 255 }))),
      )
      .map(([ab, c, d, e, f]) => `${ab ? `${ab[0]}-${ab[1]}:` : ''}${c}.${d}${e === null ? '' : `.${e}`}${f ? `${f[0]}${String(f[1]).padStart(2, '0')}` : ''}`);

    it('normalising twice equals normalising once (codes)', () => {
      fc.assert(fc.property(codeArb, (code) => {
        const once = normaliseObis(code);
        assert.notEqual(once, null, code);
        assert.equal(normaliseObis(once as string), once);
      }), { numRuns: 1000 });
    });

    it('normalising twice equals normalising once, and never throws (random strings)', () => {
      const soup = fc.stringMatching(/^[0-9CFLPcfx.:*&\- ]{0,24}$/);
      fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soup), (text) => {
        const once = normaliseObis(text);
        if (once !== null) assert.equal(normaliseObis(once), once);
      }), { numRuns: 2000 });
    });
  });
});

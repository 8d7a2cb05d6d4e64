import assert from 'node:assert/strict';
import { compileObisFilter, matchesObis, splitObisList } from '../../../src/obis';

describe('OBIS register filter', () => {
  // [filter entry, code the meter sent, matches]
  const cases: [string, string, boolean][] = [
    // short filter, full code and the other way round
    ['1.8.0', '1-0:1.8.0*255', true],
    ['1-0:1.8.0*255', '1.8.0', true],
    ['1-0:1.8.0', '1.8.0', true],
    ['1.8.0', '1.8.0', true],
    ['1.8.1', '1-0:1.8.1', true],
    // letter groups equal their numbers
    ['C.1.0', '0-0:96.1.0', true],
    ['0-0:96.1.0*255', 'C.1.0', true],
    ['F.F', '97.97.0', true],
    ['P.01', 'P.1', true],
    // billing periods: `*` = `&`, leading zeros do not matter, but F is never a wildcard
    ['1.8.0*03', '1.8.0&03', true],
    ['1.8.0&3', '1.8.0*03', true],
    ['1.8.0', '1.8.0*03', false],
    ['1.8.0*03', '1.8.0', false],
    ['1.8.0*03', '1.8.0*04', false],
    // A and B must agree when both sides give them
    ['1-0:1.8.0', '0-1:1.8.0', false],
    ['0-1:24.2.1', '0-2:24.2.1', false],
    ['1-0:1.8.0', '1-1:1.8.0', false],
    // different registers
    ['1.8.0', '1.8.1', false],
    ['1.8.0', '2.8.0', false],
    ['31.7', '31.7.0', true],
    // entries that are not codes match exactly
    ['VERSION', 'VERSION', true],
    ['VERSION', 'version', false],
  ];
  for (const [entry, code, expected] of cases) {
    it(`${entry} ${expected ? 'matches' : 'does not match'} ${code}`, () => assert.equal(matchesObis([entry], code), expected));
  }

  it('matches when any entry matches', () => {
    assert.equal(matchesObis(['2.8.0', '1.8.0'], '1-0:1.8.0*255'), true);
    assert.equal(matchesObis(['2.8.0', '1.8.1'], '1-0:1.8.0*255'), false);
  });

  it('keeps everything when no filter is configured (empty list, blank entries, undefined)', () => {
    assert.equal(matchesObis([], 'anything'), true);
    assert.equal(matchesObis(['', '  '], '1.8.0'), true);
    assert.equal(compileObisFilter(undefined)('1.8.0'), true);
  });

  it('never throws on garbage codes or entries', () => {
    const keep = compileObisFilter(['1.8.0', '((', '']);
    for (const code of ['', '((', '1.8', '\u0000', 'x'.repeat(1000)]) assert.doesNotThrow(() => keep(code));
    assert.equal(keep('(('), true);
    assert.equal(keep(undefined as unknown as string), false);
  });

  it('splits a register list as users type it', () => {
    assert.deepEqual(splitObisList(' 1.8.0, 2.8.0;C.1.0\n1-0:1.8.1*255  '), ['1.8.0', '2.8.0', 'C.1.0', '1-0:1.8.1*255']);
    assert.deepEqual(splitObisList(''), []);
  });
});

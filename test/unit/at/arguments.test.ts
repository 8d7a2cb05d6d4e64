import assert from 'node:assert/strict';
import { encodeArgument, encodeArguments } from '../../../src/at/arguments';
import { MeterError } from '../../../src/errors';

function rejection(value: unknown, maxLength?: number): MeterError {
  try {
    encodeArgument(value as string, maxLength === undefined ? {} : { maxLength });
  } catch (error) {
    assert.ok(error instanceof MeterError);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(value)} to be rejected`);
}

describe('encodeArgument', () => {
  const accepted: [string | number, string][] = [
    ['DEV_ADD', '"DEV_ADD"'],
    ['', '""'],
    ['*15020416@2400', '"*15020416@2400"'],
    ['RECORD_TYPE=AMS;X<5', '"RECORD_TYPE=AMS;X<5"'],
    [2, '2'],
    [0, '0'],
    [-68, '-68'],
    [131072, '131072'],
  ];
  for (const [value, text] of accepted) {
    it(`encodes ${JSON.stringify(value)} as ${text}`, () => {
      assert.equal(encodeArgument(value), text);
    });
  }

  const rejected: [string, string, RegExp, number][] = [
    ['a double quote', 'AB"C', /double quote.*position 2/, 2],
    ['a quote that would close the string and start a second command', '1",2\r\nAT^SCDATA="DEL_ALL', /double quote.*position 1/, 1],
    ['a carriage return', 'A\rB', /carriage return.*position 1/, 1],
    ['a line feed', 'AB\n', /line feed.*position 2/, 2],
    ['a NUL', '\u0000', /NUL.*position 0/, 0],
    ['a tab', 'A\tB', /control character \(0x09\).*position 1/, 1],
    ['DEL', 'A\u007f', /control character \(0x7f\).*position 1/, 1],
    ['an escape', '\u001b[2J', /control character \(0x1b\).*position 0/, 0],
    ['a non-ASCII letter', 'Zähler', /non-ASCII character \(U\+00E4\).*position 1/, 1],
    ['an emoji', 'x😀', /non-ASCII.*position 1/, 1],
  ];
  for (const [name, value, message, position] of rejected) {
    it(`rejects a string with ${name}, naming the position`, () => {
      const error = rejection(value);
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, message);
      assert.equal(error.details.position, position);
    });
  }

  it('rejects a string longer than 150 characters by default and honours a custom limit', () => {
    assert.equal(encodeArgument('x'.repeat(150)), `"${'x'.repeat(150)}"`);
    assert.match(rejection('x'.repeat(151)).message, /151 characters long; the limit is 150/);
    assert.match(rejection('abcdef', 5).message, /limit is 5/);
  });

  for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, -Infinity, 2 ** 60]) {
    it(`rejects the number ${value}`, () => {
      const error = rejection(value);
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, /finite integer/);
    });
  }

  it('rejects values that are neither strings nor numbers (untyped callers)', () => {
    for (const value of [null, undefined, true, { toString: () => '1' }, [1]]) {
      assert.equal(rejection(value).code, 'E_BAD_ARGUMENT');
    }
  });

  it('joins several arguments with commas', () => {
    assert.equal(encodeArguments(['DEV_ADD', 2, 'IEC62056-21', '947834', '3M']), '"DEV_ADD",2,"IEC62056-21","947834","3M"');
  });
});

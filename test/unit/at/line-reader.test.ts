import assert from 'node:assert/strict';
import { LineReader } from '../../../src/at/line-reader';

/** Feeds `text` to a fresh reader in pieces of `size` characters and collects all lines. */
function readAll(text: string, size = Infinity, reader = new LineReader()): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += size) lines.push(...reader.push(text.slice(start, start + size)));
  return lines;
}

const RECORD_DATA = 'F.F(000000)\nC.1.0(04869551)\n1.8.1(0000002.7#kWh)\n0.4.2(001)\n';
const RECORD = `^SCDATA: "AMS",1463246887,48962,"IEC62056-21",1,0,"ZE310.iv30_012","${RECORD_DATA}"`;

describe('LineReader', () => {
  const endings: [string, string][] = [['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r'], ['LFCR', '\n\r']];
  for (const [name, eol] of endings) {
    for (const size of [Infinity, 1, 2, 3]) {
      it(`splits ${name} lines (chunks of ${size})`, () => {
        const text = `^SCAMS: "ENABLE",1${eol}^SCAMS: NO DEVICE  ${eol}${eol}${eol}OK${eol}`;
        assert.deepEqual(readAll(text, size), ['^SCAMS: "ENABLE",1', '^SCAMS: NO DEVICE', 'OK']);
      });
    }
  }

  it('drops empty and whitespace-only lines and trims trailing whitespace', () => {
    assert.deepEqual(readAll('\r\n \t \r\nATI3  \t\r\n\r\nOK\r\n'), ['ATI3', 'OK']);
  });

  it('keeps a line without a terminator as partial until it ends', () => {
    const reader = new LineReader();
    assert.deepEqual(reader.push('Login: '), []);
    assert.equal(reader.partial, 'Login: ');
    reader.reset();
    assert.deepEqual(reader.push('OK\r'), ['OK']);
  });

  const recordEndings: [string, string][] = [['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']];
  for (const [name, eol] of recordEndings) {
    for (const size of [Infinity, 1, 7]) {
      it(`keeps a ^SCDATA record whose quoted data spans ${name} lines as one line (chunks of ${size})`, () => {
        const wire = `${RECORD}${eol}OK${eol}`.split('\n').join(eol);
        assert.deepEqual(readAll(wire, size), [RECORD, 'OK']);
      });
    }
  }

  it('keeps empty lines inside a quoted field', () => {
    assert.deepEqual(readAll('^SCDATA: "AMS",1,2,"X",1,0,"","a\r\n\r\nb\r\n"\r\nOK\r\n'), ['^SCDATA: "AMS",1,2,"X",1,0,"","a\n\nb\n"', 'OK']);
  });

  it('handles two multi-line records in a row', () => {
    const wire = `${RECORD}\r\n${RECORD}\r\nOK\r\n`.split('\n').join('\r\n').replace(/\r\r/g, '\r');
    assert.deepEqual(readAll(wire, 1), [RECORD, RECORD, 'OK']);
  });

  it('does not continue a non-information line with an odd quote (a banner cannot swallow OK)', () => {
    assert.deepEqual(readAll('Welcome to "the gateway\r\nOK\r\n'), ['Welcome to "the gateway', 'OK']);
  });

  it('cuts a quoted line that never closes at the size cap', () => {
    const reader = new LineReader({ maxQuotedLineLength: 20 });
    const lines = readAll('^SCDATA: "open\r\nmore text here\r\nOK\r\n', Infinity, reader);
    assert.equal(lines[0], '^SCDATA: "open\nmore t');
    assert.equal(lines[lines.length - 1], 'OK', 'the final result is still seen');
  });
});

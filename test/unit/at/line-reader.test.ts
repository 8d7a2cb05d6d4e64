import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_MAX_LINE, DEFAULT_MAX_QUOTED_LINE, LineReader, LineTooLong } from '../../../src/at/line-reader';

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

  it('turns every break inside the quotes into one "\\n": CRLF, lone CR, LF, CR before CRLF, LF CR', () => {
    const wire = '^SCDATA: "AMS",1,"a\r\nb\rc\nd\r\r\ne\n\rf\r"\r\nOK\r\n';
    for (const size of [Infinity, 1, 2, 3]) assert.deepEqual(readAll(wire, size), ['^SCDATA: "AMS",1,"a\nb\nc\nd\n\ne\n\nf\n"', 'OK'], `chunks of ${size}`);
  });

  it('gives the quoted data with its breaks as the reference normalization does, whatever the breaks and chunks (property)', () => {
    /** The reference: CRLF pairs first, then any CR left on its own (the rule of the reader's header comment). */
    const reference = (data: string): string => data.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
    const data = fc.array(fc.constantFrom('x', 'yz', ' ', '\r', '\n', '\r\n', ','), { maxLength: 40 }).map((parts) => parts.join(''));
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(fc.property(data, eol, fc.integer({ min: 1, max: 12 }), (text, end, size) => {
      const wire = `^SCDATA: "AMS",1,"${text}"${end}OK${end}`;
      assert.deepEqual(readAll(wire, size), [`^SCDATA: "AMS",1,"${reference(text)}"`, 'OK']);
    }), { numRuns: 500 });
  });

  it('handles two multi-line records in a row', () => {
    const wire = `${RECORD}\r\n${RECORD}\r\nOK\r\n`.split('\n').join('\r\n').replace(/\r\r/g, '\r');
    assert.deepEqual(readAll(wire, 1), [RECORD, RECORD, 'OK']);
  });

  it('does not continue a non-information line with an odd quote (a banner cannot swallow OK)', () => {
    assert.deepEqual(readAll('Welcome to "the gateway\r\nOK\r\n'), ['Welcome to "the gateway', 'OK']);
  });

  it('drops a quoted line that never closes at the size cap, and still sees the final result', () => {
    const reader = new LineReader({ maxQuotedLineLength: 20 });
    const lines = readAll('^SCDATA: "open\r\nmore text here\r\nOK\r\n', Infinity, reader);
    assert.deepEqual(lines, ['OK']);
    assert.equal(reader.droppedLines, 1);
  });

  describe('caps every line', () => {
    /** Feeds text and records lines and drops in order. */
    function events(text: string, reader: LineReader, size = Infinity): string[] {
      const seen: string[] = [];
      const sink = { line: (line: string) => seen.push(line), tooLong: (info: LineTooLong) => seen.push(`<over ${info.limit}${info.quoted ? ' quoted' : ''}>`) };
      for (let start = 0; start < text.length; start += size) reader.read(text.slice(start, start + size), sink);
      return seen;
    }

    it('drops an unquoted line beyond the cap, reports it in order, and reads on after the next break', () => {
      const reader = new LineReader({ maxLineLength: 10 });
      assert.deepEqual(events('short\r\n0123456789ABCDEF and more\r\nOK\r\n', reader, 4), ['short', '<over 10>', 'OK']);
      assert.equal(reader.droppedLines, 1);
      assert.equal(reader.partial, '');
    });

    it('accepts a line of exactly the cap', () => {
      assert.deepEqual(events('0123456789\r\n', new LineReader({ maxLineLength: 10 })), ['0123456789']);
    });

    it('caps unquoted lines at 64 kB and quoted ones at 256 kB by default', () => {
      const reader = new LineReader();
      const unquoted = 'x'.repeat(DEFAULT_MAX_LINE + 1);
      const quoted = `^SCDATA: "${'y\r\n'.repeat(150_000)}"`;
      const seen = events(`${'x'.repeat(DEFAULT_MAX_LINE)}\r\n${unquoted}\r\nOK\r\n`, reader, 4096);
      assert.deepEqual(seen.map((line) => line.slice(0, 20)), ['x'.repeat(20), `<over ${DEFAULT_MAX_LINE}>`, 'OK']);
      assert.equal(seen[0].length, DEFAULT_MAX_LINE, 'a line of exactly 64 kB is kept');
      assert.equal(DEFAULT_MAX_QUOTED_LINE, 256 * 1024);
      const quotedSeen = events(`${quoted}\r\nOK\r\n`, reader, 4096);
      // The quote state is forgotten at the cut (a quote that never closes must not swallow the OK), so the rest
      // of the record comes out as short lines: the channel drops them as out of step.
      assert.equal(quotedSeen[0], `<over ${DEFAULT_MAX_QUOTED_LINE} quoted>`);
      assert.equal(quotedSeen[quotedSeen.length - 1], 'OK');
    });

    it('keeps a 200 kB quoted record that closes (the quoted cap applies to the whole line)', () => {
      const record = `^SCDATA: "AMS",1,"${'1.8.0(0000004.8*kWh)\r\n'.repeat(9000)}"`;
      const lines = readAll(`${record}\r\nOK\r\n`, 4096);
      assert.equal(lines.length, 2);
      assert.equal(lines[0], record.replace(/\r\n/g, '\n'));
    });

    it('keeps nothing of a 5 MB line without a break: the partial line stays within the cap', () => {
      const reader = new LineReader({ maxLineLength: 1000 });
      const chunk = 'z'.repeat(64 * 1024);
      for (let i = 0; i < 80; i++) reader.push(chunk);
      assert.equal(reader.partial, '');
      assert.equal(reader.droppedLines, 1);
      assert.deepEqual(reader.push('\r\nOK\r\n'), ['OK']);
    });
  });

  describe('does constant work per character (counted, not timed)', () => {
    const shapes: [string, (size: number) => string][] = [
      ['a line of quotes', (size) => `^SCDATA: ${'"'.repeat(size)}`],
      ['quotes and line breaks', (size) => `^SCDATA: ${'"\r\n'.repeat(Math.ceil(size / 3))}`],
      ['short records', (size) => `^SCDATA: "AMS",1,"a\r\nb"\r\n`.repeat(Math.ceil(size / 26))],
      ['plain text', (size) => 'y'.repeat(size)],
    ];
    for (const [name, make] of shapes) {
      it(`${name}: 10 kB, 100 kB and 1 MB in 7-character chunks each cost one step per character`, () => {
        for (const size of [10_000, 100_000, 1_000_000]) {
          const text = make(size);
          const reader = new LineReader();
          readAll(text, 7, reader);
          assert.equal(reader.charsScanned, text.length, `${name}, ${size} characters`);
        }
      });
    }
  });
});

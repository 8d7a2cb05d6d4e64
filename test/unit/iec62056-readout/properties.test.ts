import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDataBlock, parseDataBlock, parseReadout } from '../../../src/iec62056/readout';
import type { DataBlock } from '../../../src/iec62056/readout';
import { dataSetsArb, frameReadout, telegramishBytesArb } from './generators';

/** Shape invariants every result must satisfy, whatever the input. */
function assertWellFormed(block: DataBlock, inputLength: number): void {
  assert.ok(Array.isArray(block.dataSets));
  assert.ok(block.diagnostics.length <= 101, 'diagnostics are capped');
  for (const diagnostic of block.diagnostics) {
    assert.ok(diagnostic.position >= 0 && diagnostic.position <= inputLength, `${diagnostic.code} at ${diagnostic.position}`);
  }
  for (const set of block.dataSets) {
    assert.ok(set.values.length > 0);
    assert.equal(block.values[set.address] !== undefined, true);
    for (const value of set.values) assert.ok(!/[\r\n]/.test(value.raw), 'a value never spans a line break');
  }
}

describe('parser properties', () => {
  it('never throws on random bytes and returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        assertWellFormed(parseReadout(buffer), buffer.length);
        assertWellFormed(parseDataBlock(buffer), buffer.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on byte soup made of framing and grammar pieces', () => {
    fc.assert(
      fc.property(telegramishBytesArb, fc.constantFrom<'auto' | boolean>('auto', true, false), (bytes, stripParity) => {
        const buffer = Buffer.from(bytes);
        assertWellFormed(parseReadout(buffer, { stripParity }), buffer.length);
        assertWellFormed(parseReadout(buffer.toString('latin1'), { stripParity }), buffer.length);
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on 1 MB pathological inputs (no quadratic rescans)', () => {
    for (const unit of ['/', '(', '/x(', '\x02(', '/ISk5\r\n(', 'a', '((((', '/?!\r\n', '\x06']) {
      const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const readout = parseReadout(input);
      assertWellFormed(readout, input.length);
    }
  });

  it('round-trips any generated data block: formatDataBlock -> STX/ETX/BCC frame -> parseReadout', () => {
    fc.assert(
      fc.property(dataSetsArb, (dataSets) => {
        const readout = parseReadout(frameReadout(formatDataBlock(dataSets)));
        assert.deepEqual(readout.dataSets, dataSets);
        assert.equal(readout.bcc?.valid, true);
        assert.equal(readout.mode, 'readout');
        const unexpected = readout.diagnostics.filter((d) => d.code !== 'METER_ERROR_VALUE' && !d.code.startsWith('LOAD_PROFILE'));
        assert.deepEqual(unexpected, []);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any generated data block through parseDataBlock with LF line ends', () => {
    fc.assert(
      fc.property(dataSetsArb, (dataSets) => {
        assert.deepEqual(parseDataBlock(formatDataBlock(dataSets, { lineEnd: '\n' })).dataSets, dataSets);
      }),
      { numRuns: 200 },
    );
  });
});

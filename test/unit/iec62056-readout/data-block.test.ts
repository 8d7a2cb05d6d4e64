import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { formatDataBlock, parseDataBlock } from '../../../src/iec62056/readout';
import * as T from './telegrams';

describe('parseDataBlock (a SmartCOM record data field)', () => {
  const block = parseDataBlock(T.GATEWAY_RECORD_DATA);

  it('reads LF-only data lines without framing or end marker', () => {
    assert.deepEqual(block.dataSets.map((s) => s.address), ['F.F', 'C.1.0', 'C.90', '1.8.1', 'C.9.3', '0.4.2']);
    assert.deepEqual(block.diagnostics, []);
  });

  it('reads `#` units and date strings', () => {
    assert.deepEqual(block.values['1.8.1'].values[0], { raw: '0000002.7#kWh', value: 2.7, unit: 'kWh' });
    assert.equal(block.values['C.9.3'].values[0].value, '12-04-24 09:01');
  });

  it('accepts a Buffer and a closing `!`, and flags bytes after it', () => {
    const framed = parseDataBlock(Buffer.from(`${T.GATEWAY_RECORD_DATA}!\r\n`, 'latin1'));
    assert.equal(framed.dataSets.length, 6);
    assert.deepEqual(framed.diagnostics, []);
    const trailing = parseDataBlock(`${T.GATEWAY_RECORD_DATA}!\r\nX(1)`);
    assert.deepEqual(trailing.diagnostics.map((d) => d.code), ['TRAILING_BYTES']);
  });
});

describe('formatDataBlock', () => {
  it('writes one data set per line with CR LF and no end marker', () => {
    const text = formatDataBlock([
      { address: '1.8.0', values: [{ value: 1234.5, unit: 'kWh' }] },
      { address: '1.6.0', values: [{ raw: '02.468*kW' }, { raw: '2403100930' }] },
      { address: 'C.1.0', values: [{ value: 'ER11' }] },
    ]);
    assert.equal(text, '1.8.0(1234.5*kWh)\r\n1.6.0(02.468*kW)(2403100930)\r\nC.1.0(ER11)\r\n');
  });

  it('round-trips a parsed readout through parseDataBlock', () => {
    const parsed = parseDataBlock(T.ODDITIES_DATA);
    const again = parseDataBlock(formatDataBlock(parsed.dataSets));
    assert.deepEqual(again.dataSets, parsed.dataSets);
  });

  it('refuses what the grammar cannot carry, with MeterError E_BAD_ARGUMENT', () => {
    const cases = [
      [{ address: '', values: [{ value: 1 }] }],
      [{ address: '1.8(0', values: [{ value: 1 }] }],
      [{ address: ' 1.8.0', values: [{ value: 1 }] }],
      [{ address: '1.8.0', values: [] }],
      [{ address: '1.8.0', values: [{ raw: 'a)b' }] }],
      [{ address: '1.8.0', values: [{ raw: 'a\r\nb' }] }],
      [{ address: '1.8.0', values: [{ value: 1e21 }] }],
    ];
    for (const sets of cases) {
      assert.throws(() => formatDataBlock(sets), (error: unknown) => error instanceof MeterError && error.code === 'E_BAD_ARGUMENT', JSON.stringify(sets));
    }
  });
});

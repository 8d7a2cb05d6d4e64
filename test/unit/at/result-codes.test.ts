import assert from 'node:assert/strict';
import { FinalResult, isFinalResult, parseFinalResult } from '../../../src/at/result-codes';

describe('parseFinalResult', () => {
  const cases: [string, FinalResult | undefined][] = [
    ['OK', { kind: 'ok' }],
    ['ok', { kind: 'ok' }],
    ['ERROR', { kind: 'error', result: 'ERROR' }],
    ['ERROR 3', { kind: 'error', result: 'ERROR', errorNumber: 3 }],
    ['error  12', { kind: 'error', result: 'ERROR', errorNumber: 12 }],
    ['+CME ERROR: 10', { kind: 'error', result: '+CME ERROR', errorNumber: 10 }],
    ['+CMS ERROR: 500', { kind: 'error', result: '+CMS ERROR', errorNumber: 500 }],
    ['+cme error:3', { kind: 'error', result: '+CME ERROR', errorNumber: 3 }],
    ['+CME ERROR: SIM not inserted', { kind: 'error', result: '+CME ERROR', text: 'SIM not inserted' }],
    ['+CME ERROR:', { kind: 'error', result: '+CME ERROR' }],
    ['OKAY', undefined],
    ['ERRORS 3', undefined],
    ['ERROR x', undefined],
    ['^SCAMS: "ENABLE",1', undefined],
    ['1.8.0(0000004.8*kWh)', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => {
      assert.deepEqual(parseFinalResult(line), expected);
      assert.equal(isFinalResult(line), expected !== undefined);
    });
  }
});

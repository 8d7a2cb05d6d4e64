import assert from 'node:assert/strict';
import { MeterError, familyOf } from '../../src/errors';
import { describeAmsCode } from '../../src/error-codes';

describe('MeterError', () => {
  it('derives the family from the code', () => {
    assert.equal(familyOf(0), 'general');
    assert.equal(familyOf(4), 'general');
    assert.equal(familyOf(65541), 'iec62056');
    assert.equal(familyOf(131073), 'mbus');
    assert.equal(familyOf('E_TIMEOUT'), 'client');
  });

  it('serialises code, family, hint and details for msg.error', () => {
    const error = new MeterError(65541, 'no identification', { hint: 'check the probe', details: { address: '1' } });
    assert.deepEqual(error.toJSON(), {
      name: 'MeterError', code: 65541, family: 'iec62056', message: 'no identification', hint: 'check the probe', details: { address: '1' },
    });
  });

  it('describes known and unknown AMS codes', () => {
    assert.match(describeAmsCode(66053), /BCC/);
    assert.equal(describeAmsCode(65600), 'IEC 62056-21 error 64');
    assert.equal(describeAmsCode(131080), 'M-Bus error 8');
  });
});

import assert from 'node:assert/strict';
import { MeterError } from '../../src/errors';

/** Awaits a promise that must reject with a MeterError of this code, and returns the error for more checks. */
export async function expectMeterError(promise: Promise<unknown>, code: MeterError['code']): Promise<MeterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MeterError, `expected a MeterError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a MeterError ${code}`);
}

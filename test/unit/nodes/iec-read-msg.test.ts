import assert from 'node:assert/strict';
import { settingsFromDef, type IecReadDef } from '../../../nodes/lib/iec-read-def';
import { planRead } from '../../../nodes/lib/iec-read-msg';
import { MeterError } from '../../../src/errors';
import { catalog } from '../../helpers/catalog';

/** RED._ of an English runtime, for the wording of a refusal. */
const t = catalog('en-US', 'iec62056-read');

function assertMeterError(error: unknown, code: MeterError['code']): void {
  assert.ok(error instanceof MeterError, `expected a MeterError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
}

/** A node set up for both paths, reading through the gateway by default. */
const settings = settingsFromDef({ id: 'n1', type: 'iec62056-read', path: 'gateway', transport: 'tcp', host: '127.0.0.1', port: 2424, address: '12345678' } satisfies IecReadDef, t);

describe('iec62056-read: what one message asks for (planRead)', function () {
  it('takes the node settings when the message overrides nothing', function () {
    const plan = planRead(settings, {}, t);
    assert.equal(plan.path, 'gateway');
    assert.equal(plan.address, '12345678');
    assert.deepEqual(plan.registers, []);
  });

  it('lets msg.path, msg.address, msg.registers and msg.filter override the node', function () {
    const plan = planRead(settings, { path: 'direct', address: '947834', registers: '1.8.0, 2.8.0', filter: ['1.8.0'] }, t);
    assert.equal(plan.path, 'direct');
    assert.equal(plan.address, '947834');
    assert.deepEqual(plan.registers, ['1.8.0', '2.8.0']);
    assert.deepEqual(plan.filter, ['1.8.0']);
  });

  it('refuses programming-mode registers asked of the gateway path, instead of silently reading without them', function () {
    assert.throws(() => planRead(settings, { registers: ['1.8.0'] }, t), (error: unknown) => {
      assertMeterError(error, 'E_BAD_ARGUMENT');
      return /msg\.registers.*direct path/.test((error as Error).message);
    });
  });

  it('refuses a load profile asked of the gateway path', function () {
    assert.throws(() => planRead(settings, { loadProfile: { from: '', to: '' } }, t), (error: unknown) => {
      assertMeterError(error, 'E_BAD_ARGUMENT');
      return /msg\.loadProfile/.test((error as Error).message);
    });
  });

  it('accepts an empty register list or loadProfile false on the gateway path', function () {
    assert.deepEqual(planRead(settings, { registers: [], loadProfile: false }, t).registers, []);
  });

  it('refuses a path that is neither gateway nor direct', function () {
    assert.throws(() => planRead(settings, { path: 'mqtt' }, t), (error: unknown) => {
      assertMeterError(error, 'E_BAD_ARGUMENT');
      return true;
    });
  });
});

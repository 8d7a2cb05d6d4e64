import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import type { AmsDeviceSpec } from '../../../src/smartcom/ams-device';
import { applyAmsSteps, summarizeAmsPlan } from '../../../src/smartcom/ams-model';
import { planAmsSync } from '../../../src/smartcom/ams-plan';
import type { AmsDevice } from '../../../src/smartcom/scams';

/** The gateway's table as read: indexes 1..n in order. */
export function tableOf(...specs: AmsDeviceSpec[]): AmsDevice[] {
  return specs.map((spec, i) => ({ index: i + 1, ...spec }));
}

const iec = (address: string, interval = '15M'): AmsDeviceSpec => ({ port: 2, protocol: 'IEC62056-21', address, interval });
const A = iec('A');
const B = iec('B');
const C = iec('C');
const D = iec('D');

function badArgument(run: () => unknown, field: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof MeterError);
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    assert.match(String(error.details.field), field);
    return true;
  });
}

describe('planAmsSync', () => {
  it('plans nothing when the table already holds the wanted meters (order ignored)', () => {
    assert.deepEqual(planAmsSync(tableOf(A, B), [B, A]), []);
  });

  it('adds every wanted meter to an empty table, in the wanted order', () => {
    const steps = planAmsSync([], [A, { port: 2, protocol: 'mbus', address: '1@2400', interval: '1h' }]);
    assert.deepEqual(steps.map((step) => step.command), [
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","A","15M"',
      'AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1H"',
    ]);
  });

  it('changes an interval with DEV_INTERVAL, not with a remove and an add', () => {
    const steps = planAmsSync(tableOf(A, B), [A, { ...B, interval: '1d' }]);
    assert.deepEqual(steps, [{
      kind: 'DEV_INTERVAL', index: 2, interval: '1D', from: '15M', device: B, command: 'AT^SCAMS="DEV_INTERVAL",2,"1D"',
    }]);
  });

  it('removes from the highest index down, then changes intervals at the indexes left after the removes, then adds', () => {
    const steps = planAmsSync(tableOf(A, B, C, D), [{ ...D, interval: '1H' }, B, iec('E')]);
    assert.deepEqual(steps.map((step) => step.command), [
      'AT^SCAMS="DEV_REMOVE",3',
      'AT^SCAMS="DEV_REMOVE",1',
      'AT^SCAMS="DEV_INTERVAL",2,"1H"', // D was 4th; A and C are gone
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","E","15M"',
    ]);
  });

  it('matches the protocol case-insensitively and the address case-sensitively', () => {
    assert.deepEqual(planAmsSync(tableOf({ ...A, protocol: 'iec62056-21' }), [A]), []);
    const steps = planAmsSync(tableOf(iec('abc')), [iec('ABC')]);
    assert.deepEqual(steps.map((step) => step.kind), ['DEV_REMOVE', 'DEV_ADD']);
  });

  it('tells meters apart by port and protocol too', () => {
    const steps = planAmsSync(tableOf({ ...A, port: 1 }), [A]);
    assert.deepEqual(steps.map((step) => step.kind), ['DEV_REMOVE', 'DEV_ADD']);
  });

  it('removes a meter the gateway lists twice, keeping its first line', () => {
    const steps = planAmsSync(tableOf(A, B, A), [A, B]);
    assert.deepEqual(steps.map((step) => step.command), ['AT^SCAMS="DEV_REMOVE",3']);
  });

  it('removes every meter when nothing is wanted', () => {
    assert.deepEqual(planAmsSync(tableOf(A, B, C), []).map((step) => step.command), [
      'AT^SCAMS="DEV_REMOVE",3', 'AT^SCAMS="DEV_REMOVE",2', 'AT^SCAMS="DEV_REMOVE",1',
    ]);
  });

  it('rejects a meter wanted twice, naming the second entry', () => {
    badArgument(() => planAmsSync([], [A, B, { ...A, interval: '1H', protocol: 'iec62056-21' }]), /^wanted\[2\]$/);
  });

  it('rejects more than 32 wanted meters', () => {
    const many = Array.from({ length: 33 }, (_, i) => iec(String(i)));
    badArgument(() => planAmsSync([], many), /^wanted$/);
    assert.equal(planAmsSync([], many.slice(0, 32)).length, 32);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['a bad interval', { ...A, interval: '7M' }, /wanted\[0\]\.interval/],
    ['an address with a quote', iec('a"b'), /wanted\[0\]\.address/],
    ['an address with a line break', iec('a\nAT^SCAMS="DEV_CLEAR"'), /wanted\[0\]\.address/],
    ['port 0', { ...A, port: 0 }, /wanted\[0\]\.port/],
    ['an unknown protocol', { ...A, protocol: 'MODBUS' }, /wanted\[0\]\.protocol/],
    ['a missing field', { port: 2, protocol: 'MBUS', address: '1@2400' }, /wanted\[0\]\.interval/],
    ['no object', 'A', /wanted\[0\]/],
  ];
  for (const [name, entry, field] of invalid) {
    it(`rejects ${name} with E_BAD_ARGUMENT naming the field`, () => {
      badArgument(() => planAmsSync([], [entry]), field);
    });
  }
});

describe('applyAmsSteps (the table model) and summarizeAmsPlan', () => {
  it('closes the gap after a remove and appends adds', () => {
    const steps = planAmsSync(tableOf(A, B, C), [C, { ...B, interval: '1H' }, D]);
    assert.deepEqual(applyAmsSteps(tableOf(A, B, C), steps), tableOf({ ...B, interval: '1H' }, C, D));
  });

  it('refuses a step at a position the table does not have', () => {
    assert.throws(() => applyAmsSteps([], planAmsSync(tableOf(A), [])), (error: MeterError) => error.code === 'E_PROTOCOL');
  });

  it('sorts every current meter into added, removed, changed or unchanged', () => {
    const current = tableOf(A, B, C, A);
    const steps = planAmsSync(current, [A, { ...C, interval: '1H' }, D]);
    assert.deepEqual(summarizeAmsPlan(current, steps), {
      added: [{ ...D, interval: '15M' }],
      removed: [A, B],
      changed: [{ ...C, interval: '1H', from: '15M' }],
      unchanged: [A],
    });
  });
});

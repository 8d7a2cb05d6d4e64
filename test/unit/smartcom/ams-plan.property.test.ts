import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AmsTable as SimAmsTable } from '../../../src/sim/smartcom/ams-table';
import type { AmsDeviceSpec } from '../../../src/smartcom/ams-device';
import { applyAmsSteps } from '../../../src/smartcom/ams-model';
import { amsDeviceKey, planAmsSync, type AmsSyncStep } from '../../../src/smartcom/ams-plan';
import type { AmsDevice } from '../../../src/smartcom/scams';

/** Few distinct meters, so that current and wanted tables overlap often; case variants on purpose. */
const meterArb: fc.Arbitrary<Omit<AmsDeviceSpec, 'interval'>> = fc.oneof(
  fc.record({ port: fc.constantFrom(1, 2), protocol: fc.constantFrom('IEC62056-21', 'iec62056-21'), address: fc.constantFrom('947834', 'abc', 'ABC', '1') }),
  fc.record({ port: fc.constant(2), protocol: fc.constantFrom('MBUS', 'mbus'), address: fc.constantFrom('1@2400', '*15020416@2400') }),
  fc.record({ port: fc.constant(128), protocol: fc.constant('AIN_DIN'), address: fc.constantFrom('1/PULSE/ABS', '2/PULSE/REL') }),
);
const intervalArb = fc.constantFrom('1M', '3M', '1H', '1D', '1h', '3m');
const deviceArb: fc.Arbitrary<AmsDeviceSpec> = fc.record({ meter: meterArb, interval: intervalArb }).map(({ meter, interval }) => ({ ...meter, interval }));

/** What the gateway prints: canonical names, indexes 1..n; the same meter may be listed twice. */
const currentArb: fc.Arbitrary<AmsDevice[]> = fc.array(deviceArb, { maxLength: 12 }).map((devices) =>
  devices.map((device, i) => ({ index: i + 1, ...device, protocol: device.protocol.toUpperCase(), interval: device.interval.toUpperCase() })));
const wantedArb = fc.uniqueArray(deviceArb, { maxLength: 12, selector: amsDeviceKey });

/** A table as a set of `key + interval`, what a sync must make equal. */
function contentOf(devices: readonly AmsDeviceSpec[]): string[] {
  return devices.map((device) => `${amsDeviceKey(device)} ${device.interval.toUpperCase()}`).sort();
}

/** The simulator's table class as an independent model of the gateway (its DEV_REMOVE splices). */
function applyOnSimulatorTable(current: readonly AmsDevice[], steps: readonly AmsSyncStep[]): AmsDevice[] {
  const table = new SimAmsTable(64);
  for (const device of current) table.add(device, 0);
  for (const step of steps) {
    if (step.kind === 'DEV_ADD') table.add(step.device, 0);
    else if (step.kind === 'DEV_REMOVE') assert.ok(table.remove(step.index), step.command);
    else assert.ok(table.setInterval(step.index, step.interval, 0), step.command);
  }
  return table.view().map(({ index, port, protocol, address, interval }) => ({ index, port, protocol, address, interval }));
}

describe('planAmsSync properties (any current and wanted table)', () => {
  it('applying the plan yields the wanted set, on the simulator table and on the model', () => {
    fc.assert(fc.property(currentArb, wantedArb, (current, wanted) => {
      const steps = planAmsSync(current, wanted);
      assert.deepEqual(contentOf(applyOnSimulatorTable(current, steps)), contentOf(wanted));
      assert.deepEqual(applyAmsSteps(current, steps), applyOnSimulatorTable(current, steps));
    }), { numRuns: 500 });
  });

  it('planning again after applying yields no steps', () => {
    fc.assert(fc.property(currentArb, wantedArb, (current, wanted) => {
      assert.deepEqual(planAmsSync(applyAmsSteps(current, planAmsSync(current, wanted)), wanted), []);
    }), { numRuns: 500 });
  });

  it('removes first, highest index first, then interval changes, then adds', () => {
    const rank = { DEV_REMOVE: 0, DEV_INTERVAL: 1, DEV_ADD: 2 } as const;
    fc.assert(fc.property(currentArb, wantedArb, (current, wanted) => {
      const steps = planAmsSync(current, wanted);
      const ranks = steps.map((step) => rank[step.kind]);
      assert.deepEqual(ranks, [...ranks].sort());
      const removes = steps.flatMap((step) => (step.kind === 'DEV_REMOVE' ? [step.index] : []));
      assert.deepEqual(removes, [...removes].sort((a, b) => b - a));
      assert.equal(new Set(removes).size, removes.length);
    }), { numRuns: 300 });
  });

  it('is minimal: one remove per unwanted line, one add per missing meter, one interval change per kept meter whose interval differs', () => {
    fc.assert(fc.property(currentArb, wantedArb, (current, wanted) => {
      const steps = planAmsSync(current, wanted);
      const wantedByKey = new Map(wanted.map((device) => [amsDeviceKey(device), device]));
      const firstLines = new Map<string, AmsDevice>();
      for (const device of current) if (!firstLines.has(amsDeviceKey(device))) firstLines.set(amsDeviceKey(device), device);
      const kept = [...firstLines].filter(([key]) => wantedByKey.has(key));
      const count = (kind: AmsSyncStep['kind']): number => steps.filter((step) => step.kind === kind).length;
      assert.equal(count('DEV_REMOVE'), current.length - kept.length);
      assert.equal(count('DEV_ADD'), wanted.length - kept.length);
      assert.equal(count('DEV_INTERVAL'), kept.filter(([key, device]) => device.interval !== wantedByKey.get(key)?.interval.toUpperCase()).length);
    }), { numRuns: 300 });
  });
});

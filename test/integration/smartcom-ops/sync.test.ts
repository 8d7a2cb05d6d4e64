import assert from 'node:assert/strict';
import type { AmsDeviceSpec } from '../../../src/smartcom/ams-device';
import type { AmsSyncStep } from '../../../src/smartcom/ams-plan';
import { syncAms } from '../../../src/smartcom/ams-sync';
import { expectMeterError } from '../../helpers/meter-error';
import { gatewayFixture, writesIn, type GatewayUnderTest } from './fixture';

const iec = (address: string, interval = '15M'): AmsDeviceSpec => ({ port: 2, protocol: 'IEC62056-21', address, interval });
const WANTED = [iec('A'), iec('B', '1H'), { port: 2, protocol: 'MBUS', address: '1@2400', interval: '1D' }];

function tableOf(gateway: GatewayUnderTest): string[] {
  return gateway.sim.table().map(({ port, protocol, address, interval }) => `${port} ${protocol} ${address} ${interval}`).sort();
}
const expected = (specs: AmsDeviceSpec[]): string[] => specs.map(({ port, protocol, address, interval }) => `${port} ${protocol} ${address} ${interval}`).sort();
const commandsOf = (steps: readonly AmsSyncStep[]): string[] => steps.map((step) => step.command);

describe('syncAms against the simulator', () => {
  const fixture = gatewayFixture();

  it('fills an empty table, with AMS paused around the changes and switched back on', async () => {
    const gateway = await fixture.start();
    gateway.sim.setAmsEnabled(true);
    const from = gateway.mark();
    const result = await gateway.run((client) => syncAms(client, WANTED));
    assert.deepEqual(tableOf(gateway), expected(WANTED));
    assert.equal(gateway.sim.ams.enabled, true);
    assert.deepEqual([result.added.length, result.removed.length, result.changed.length, result.unchanged.length], [3, 0, 0, 0]);
    assert.equal(result.table.devices.length, 3);
    assert.deepEqual(gateway.sentSince(from), [
      'AT^SCAMS?', 'AT^SCAMS="ENABLE",0', ...commandsOf(result.steps), 'AT^SCAMS="ENABLE",1', 'AT^SCAMS?',
    ]);
  });

  it('removes extra meters, adds missing ones and changes intervals in place', async () => {
    const gateway = await fixture.start();
    for (const meter of [iec('X'), iec('A'), iec('B'), iec('Y')]) gateway.sim.addMeter(meter);
    const result = await gateway.run((client) => syncAms(client, WANTED));
    assert.deepEqual(tableOf(gateway), expected(WANTED));
    assert.deepEqual(commandsOf(result.steps), [
      'AT^SCAMS="DEV_REMOVE",4',
      'AT^SCAMS="DEV_REMOVE",1',
      'AT^SCAMS="DEV_INTERVAL",2,"1H"',
      'AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"',
    ]);
    assert.deepEqual(result.removed, [iec('Y'), iec('X')]);
    assert.deepEqual(result.changed, [{ ...iec('B', '1H'), from: '15M' }]);
    assert.deepEqual(result.unchanged, [iec('A')]);
    assert.equal(gateway.sim.ams.enabled, false, 'AMS was off and stays off');
    assert.ok(!gateway.sentSince(0).some((line) => line.includes('ENABLE')), 'nothing to pause');
  });

  it('dry run: reads, plans and predicts, but writes nothing', async () => {
    const gateway = await fixture.start();
    gateway.sim.addMeter(iec('X'));
    gateway.sim.setAmsEnabled(true);
    const from = gateway.mark();
    const result = await gateway.run((client) => syncAms(client, WANTED, { dryRun: true }));
    assert.equal(result.dryRun, true);
    assert.equal(result.steps.length, 4);
    assert.deepEqual(expected(result.table.devices), expected(WANTED));
    assert.deepEqual(gateway.sentSince(from), ['AT^SCAMS?']);
    assert.deepEqual(tableOf(gateway), expected([iec('X')]));
  });

  it('a second sync only reads the table', async () => {
    const gateway = await fixture.start();
    gateway.sim.setAmsEnabled(true);
    await gateway.run((client) => syncAms(client, WANTED));
    const from = gateway.mark();
    const again = await gateway.run((client) => syncAms(client, [...WANTED].reverse()));
    assert.deepEqual(again.steps, []);
    assert.equal(again.unchanged.length, 3);
    assert.deepEqual(gateway.sentSince(from), ['AT^SCAMS?']);
    assert.deepEqual(writesIn(gateway.sentSince(from)), []);
  });

  it('stops at a refused step, switches AMS back on and reports what was applied and what was not', async () => {
    const gateway = await fixture.start();
    gateway.sim.addMeter(iec('X'));
    gateway.sim.setAmsEnabled(true);
    gateway.sim.failCommand(/"DEV_ADD",2,"IEC62056-21","B"/, { error: 2 });
    const error = await expectMeterError(gateway.run((client) => syncAms(client, WANTED)), 'E_AT_ERROR');
    assert.equal(error.details.errorNumber, 2, 'the gateway\'s number is kept');
    assert.deepEqual(commandsOf(error.details.applied as AmsSyncStep[]), ['AT^SCAMS="DEV_REMOVE",1', 'AT^SCAMS="DEV_ADD",2,"IEC62056-21","A","15M"']);
    assert.equal((error.details.failedStep as AmsSyncStep).command, 'AT^SCAMS="DEV_ADD",2,"IEC62056-21","B","1H"');
    assert.deepEqual(commandsOf(error.details.notSent as AmsSyncStep[]), ['AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"']);
    assert.equal(error.details.amsRestored, true);
    assert.equal(gateway.sim.ams.enabled, true, 'AMS is in its previous (enabled) state');
    assert.deepEqual(tableOf(gateway), expected([iec('A')]));
    assert.match(error.message, /step 3 of 4.*2 step\(s\) applied, 1 not sent/);
  });

  it('runs the steps without touching ENABLE when pauseAms is false', async () => {
    const gateway = await fixture.start();
    gateway.sim.setAmsEnabled(true);
    const from = gateway.mark();
    await gateway.run((client) => syncAms(client, WANTED, { pauseAms: false }));
    assert.ok(!gateway.sentSince(from).some((line) => line.includes('ENABLE')));
    assert.deepEqual(tableOf(gateway), expected(WANTED));
  });

  it('fails with E_SYNC_VERIFY listing the differences when the table read back is not the wanted one', async () => {
    const gateway = await fixture.start();
    // Another client adds a meter while the sync runs (after the sync read the table).
    const intrude = ({ line }: { line: string }): void => {
      if (!line.includes('DEV_ADD')) return;
      gateway.sim.off('command', intrude);
      gateway.sim.addMeter(iec('INTRUDER'));
    };
    gateway.sim.on('command', intrude);
    const error = await expectMeterError(gateway.run((client) => syncAms(client, WANTED)), 'E_SYNC_VERIFY');
    assert.deepEqual(error.details.unexpected, [iec('INTRUDER')]);
    assert.deepEqual(error.details.missing, []);
  });

  const invalid: [string, unknown[]][] = [
    ['33 entries', Array.from({ length: 33 }, (_, i) => iec(`M${i}`))],
    ['a duplicate', [iec('A'), { ...iec('A'), interval: '1H' }]],
    ['a bad interval', [iec('A', '90M')]],
    ['an address with a quote', [iec('"')]],
    ['port 0', [{ ...iec('A'), port: 0 }]],
    ['an unknown protocol', [{ ...iec('A'), protocol: 'IEC62056' }]],
  ];
  for (const [name, wanted] of invalid) {
    it(`rejects a wanted table with ${name} before sending anything`, async () => {
      const gateway = await fixture.start();
      const from = gateway.mark();
      await expectMeterError(gateway.run((client) => syncAms(client, wanted)), 'E_BAD_ARGUMENT');
      assert.deepEqual(gateway.sentSince(from), []);
    });
  }
});

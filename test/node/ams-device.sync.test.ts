import assert from 'node:assert/strict';
import type { AmsSyncStep } from '../../src/smartcom/ams-plan';
import { send, sendExpectingCatch, useAmsWorld } from './fixtures/ams-device';

const iec = (address: string, interval = '15M') => ({ port: 2, protocol: 'IEC62056-21', address, interval });
const MBUS = { port: 2, protocol: 'MBUS', address: '1@2400', interval: '1D' };
const WANTED = [iec('A'), iec('B', '1H'), MBUS];

interface SyncOut {
  dryRun: boolean;
  steps: AmsSyncStep[];
  added: unknown[];
  removed: unknown[];
  changed: unknown[];
  unchanged: unknown[];
  table: { enabled: boolean; deviceCount: number; devices: { address: string }[] };
}

describe('ams-device: sync', function () {
  const world = useAmsWorld();
  const tableOf = (): string[] => world.sim.table().map(({ port, protocol, address, interval }) => `${port} ${protocol} ${address} ${interval}`).sort();
  const expected = (specs: typeof WANTED): string[] => specs.map(({ port, protocol, address, interval }) => `${port} ${protocol} ${address} ${interval}`).sort();

  it('fills an empty table from msg.payload, AMS paused around the changes and switched back on', async function () {
    world.sim.setAmsEnabled(true);
    await world.deploy({ action: 'sync' });
    const out = await send({ payload: WANTED, topic: 'kept' });
    const result = out.payload as SyncOut;
    assert.deepEqual(tableOf(), expected(WANTED));
    assert.equal(world.sim.ams.enabled, true);
    assert.equal(result.dryRun, false);
    assert.deepEqual([result.added.length, result.removed.length, result.changed.length, result.unchanged.length], [3, 0, 0, 0]);
    assert.equal(result.table.deviceCount, 3);
    assert.equal(out.topic, 'kept');
    assert.deepEqual(world.sent(), [
      'AT^SCAMS?',
      'AT^SCAMS="ENABLE",0',
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","A","15M"',
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","B","1H"',
      'AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"',
      'AT^SCAMS="ENABLE",1',
      'AT^SCAMS?',
    ]);
  });

  it('removes extra meters, adds missing ones and changes intervals in place', async function () {
    for (const meter of [iec('X'), iec('A'), iec('B'), iec('Y')]) world.sim.addMeter(meter);
    await world.deploy({ action: 'sync' });
    const result = (await send({ payload: WANTED })).payload as SyncOut;
    assert.deepEqual(tableOf(), expected(WANTED));
    assert.deepEqual(result.steps.map((step) => step.command), [
      'AT^SCAMS="DEV_REMOVE",4',
      'AT^SCAMS="DEV_REMOVE",1',
      'AT^SCAMS="DEV_INTERVAL",2,"1H"',
      'AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"',
    ]);
    assert.deepEqual(result.removed, [iec('Y'), iec('X')]);
    assert.deepEqual(result.changed, [{ ...iec('B', '1H'), from: '15M' }]);
    assert.deepEqual(result.unchanged, [iec('A')]);
    assert.deepEqual(result.added, [MBUS]);
  });

  it('uses the editor\'s table when msg.payload is not an array (ports as text, as the form stores them)', async function () {
    const table = WANTED.map((row) => ({ ...row, port: String(row.port) }));
    await world.deploy({ action: 'sync', table });
    await send({ payload: 1732790000000 });
    assert.deepEqual(tableOf(), expected(WANTED));
  });

  it('dry run (editor): reads and predicts, writes nothing', async function () {
    world.sim.addMeter(iec('X'));
    await world.deploy({ action: 'sync', dryRun: true });
    const result = (await send({ payload: WANTED })).payload as SyncOut;
    assert.equal(result.dryRun, true);
    assert.equal(result.steps.length, 4);
    assert.deepEqual(result.table.devices.map((device) => device.address).sort(), ['1@2400', 'A', 'B']);
    assert.deepEqual(world.sent(), ['AT^SCAMS?']);
    assert.deepEqual(tableOf(), expected([iec('X')]));
  });

  it('msg.dryRun overrides the editor both ways', async function () {
    await world.deploy({ action: 'sync', dryRun: false });
    const dry = (await send({ payload: WANTED, dryRun: true })).payload as SyncOut;
    assert.equal(dry.dryRun, true);
    assert.deepEqual(world.writes(), []);
    const wet = (await send({ payload: WANTED, dryRun: false })).payload as SyncOut;
    assert.equal(wet.dryRun, false);
    assert.deepEqual(tableOf(), expected(WANTED));
  });

  it('a second sync with the same table only reads it', async function () {
    await world.deploy({ action: 'sync' });
    await send({ payload: WANTED });
    const before = world.sent().length;
    const again = (await send({ payload: [...WANTED].reverse() })).payload as SyncOut;
    assert.deepEqual(again.steps, []);
    assert.equal(again.unchanged.length, 3);
    assert.deepEqual(world.sent().slice(before), ['AT^SCAMS?']);
  });

  it('a step the gateway refuses stops the sync; Catch gets the code, what was applied, and AMS is back on', async function () {
    world.sim.addMeter(iec('X'));
    world.sim.setAmsEnabled(true);
    world.sim.failCommand(/"DEV_ADD",2,"IEC62056-21","B"/, { error: 2 });
    await world.deploy({ action: 'sync' });
    const caught = await sendExpectingCatch({ payload: WANTED, topic: 'kept' });
    assert.equal(caught.error.code, 'E_AT_ERROR');
    assert.equal(caught.error.source.type, 'ams-device');
    assert.equal(caught.topic, 'kept', 'the message reaches Catch with its properties');
    assert.match(caught.error.message, /step 3 of 4/);
    assert.match(caught.error.message, /ERROR 2/);
    assert.match(caught.error.message, /applied: AT\^SCAMS="DEV_REMOVE",1, AT\^SCAMS="DEV_ADD",2,"IEC62056-21","A","15M"/);
    const details = caught.error.cause?.details ?? {};
    assert.equal(details.errorNumber, 2);
    assert.deepEqual((details.applied as AmsSyncStep[]).map((step) => step.command), ['AT^SCAMS="DEV_REMOVE",1', 'AT^SCAMS="DEV_ADD",2,"IEC62056-21","A","15M"']);
    assert.deepEqual((details.notSent as AmsSyncStep[]).map((step) => step.command), ['AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"']);
    assert.equal(details.amsRestored, true);
    assert.equal(world.sim.ams.enabled, true, 'AMS is in its previous (enabled) state');
    assert.deepEqual(tableOf(), expected([iec('A')]));
    assert.equal(world.sent().at(-1), 'AT^SCAMS="ENABLE",1');
  });

  it('a refused step leaves AMS off when it was off before', async function () {
    world.sim.failCommand(/DEV_ADD/, { error: 2, times: 1 });
    await world.deploy({ action: 'sync' });
    const caught = await sendExpectingCatch({ payload: WANTED });
    assert.equal(caught.error.code, 'E_AT_ERROR');
    assert.equal(world.sim.ams.enabled, false);
    assert.ok(!world.sent().some((line) => line.includes('ENABLE')));
  });
});

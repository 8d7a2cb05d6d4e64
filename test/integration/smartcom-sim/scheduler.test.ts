import assert from 'node:assert/strict';
import type { AmsReadRequest, AmsReadResult } from '../../../src/sim/meter-source';
import { createFixedMeterReader, type SimRecord } from '../../../src/sim/smartcom';
import { MINUTE, simulatorFixture, T0 } from './fixture';

describe('SmartCOM simulator: AMS scheduler', () => {
  const fixture = simulatorFixture();

  it('reads a 3M meter three times in 9 simulated minutes, on 3-minute boundaries', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","3M"');
    await client.command('AT^SCAMS="ENABLE",1');
    const announced: SimRecord[] = [];
    sim.on('record', (record: SimRecord) => announced.push(record));
    await sim.advanceClock(9 * MINUTE);
    const records = sim.records();
    assert.deepEqual(records.map((record) => record.time), [1463247000, 1463247180, 1463247360]);
    assert.deepEqual(records.map((record) => [record.seq, record.index, record.errorCode, record.identification]),
      [[1, 1, 0, 'ZE310.iv30_012'], [2, 1, 0, 'ZE310.iv30_012'], [3, 1, 0, 'ZE310.iv30_012']]);
    assert.deepEqual(announced.map((record) => record.seq), [1, 2, 3]);
    assert.equal(sim.clock.now(), T0 + 9 * MINUTE);
    assert.equal(await client.command('AT^SCDATA="MESS_CNT"'), '^SCDATA: "MESS_CNT",3\r\nOK\r\n');
  });

  it('reads nothing while AMS is disabled, and does not catch up when switched on', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await sim.advanceClock(10 * MINUTE);
    assert.equal(sim.records().length, 0);
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(2 * MINUTE);
    assert.equal(sim.records().length, 2);
    await client.command('AT^SCAMS="ENABLE",0');
    await sim.advanceClock(5 * MINUTE);
    assert.equal(sim.records().length, 2);
  });

  it('reads several meters in due-time order, each record naming its table position', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","aaa","2M"');
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","bbb","5M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(10 * MINUTE);
    const records = sim.records();
    const times = records.map((record) => record.time);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(records.filter((record) => record.index === 1).length, 5);
    assert.equal(records.filter((record) => record.index === 2).length, 2);
    assert.ok(records.every((record) => record.data.includes(`C.90(${record.index === 1 ? 'aaa' : 'bbb'})`)));
  });

  it('follows DEV_INTERVAL changes', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1H"');
    await client.command('AT^SCAMS="ENABLE",1');
    await client.command('AT^SCAMS="DEV_INTERVAL","ALL","1M"');
    await sim.advanceClock(4 * MINUTE);
    assert.equal(sim.records().length, 4);
  });

  it('stores an error record with the FAQ code and empty data when the meter is absent', async () => {
    const { sim, client } = await fixture.session({ meterReader: createFixedMeterReader({ absent: ['000000'] }) });
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","000000","1M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(MINUTE);
    assert.equal(await client.command('AT^SCDATA="GET_OLDEST"'), '^SCDATA: "AMS",1463246940,1,"IEC62056-21",1,65541,"",""\r\nOK\r\n');
  });

  it('stores error 3 for a protocol the default meter does not speak', async () => {
    const { sim, client } = await fixture.session();
    await client.command('AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(MINUTE);
    assert.deepEqual(sim.records().map((record) => [record.protocol, record.errorCode]), [['MBUS', 3]]);
  });

  it('retries a failed read RETRY times before storing the error', async () => {
    const attempts: AmsReadRequest[] = [];
    const { sim, client } = await fixture.session({
      meterReader: async (request): Promise<AmsReadResult> => {
        attempts.push(request);
        return { ok: false, errorCode: 65543 };
      },
    });
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await client.command('AT^SCAMS="RETRY",3');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(MINUTE);
    assert.equal(attempts.length, 4);
    assert.deepEqual(sim.records().map((record) => record.errorCode), [65543]);
  });

  it('stores a good record when a retry succeeds', async () => {
    let calls = 0;
    const fixed = createFixedMeterReader();
    const { sim, client } = await fixture.session({
      meterReader: async (request) => (++calls < 3 ? { ok: false, errorCode: 65541 } : fixed(request)),
    });
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await client.command('AT^SCAMS="RETRY",2');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(MINUTE);
    assert.equal(calls, 3);
    assert.deepEqual(sim.records().map((record) => record.errorCode), [0]);
  });

  it('stores error 65536 (internal error) when the meter reader throws', async () => {
    const { sim, client } = await fixture.session({ meterReader: async () => { throw new Error('meter simulator crashed'); } });
    await client.command('AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","1M"');
    await client.command('AT^SCAMS="ENABLE",1');
    await sim.advanceClock(MINUTE);
    assert.deepEqual(sim.records().map((record) => record.errorCode), [65536]);
  });

  it('runs by itself on a fast clock (speed) without advanceClock', async () => {
    const sim = await fixture.start({ clock: { speed: 6000, start: T0 }, tickMs: 20 });
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '1M' });
    sim.setAmsEnabled(true);
    await new Promise<void>((resolve) => {
      const onRecord = (): void => {
        if (sim.records().length >= 2) {
          sim.off('record', onRecord);
          resolve();
        }
      };
      sim.on('record', onRecord);
    });
    const [first, second] = sim.records();
    assert.equal(second.time - first.time, 60, 'records carry their due times, a minute apart');
    assert.equal(first.time % 60, 0);
  });

  it('addMeter() validates like DEV_ADD', async () => {
    const sim = await fixture.start({ tableSize: 1 });
    assert.throws(() => sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '1', interval: '7M' }), { code: 'E_BAD_ARGUMENT' });
    assert.throws(() => sim.addMeter({ port: 0, protocol: 'IEC62056-21', address: '1', interval: '1M' }), /port/);
    assert.throws(() => sim.addMeter({ port: 2, protocol: 'DLMS', address: '1', interval: '1M' }), /protocol/);
    assert.throws(() => sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '', interval: '1M' }), /address/);
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '1', interval: '1M' });
    assert.throws(() => sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: '2', interval: '1M' }), /full/);
  });
});

/**
 * The demo's simulated world: the gateway's AMS (in-memory bus) and the TCP meter simulator read the same meter
 * objects, so both paths give the same registers at the same simulated instant; values move with the clock; an
 * address nobody has fails with 65541, as on a real bus.
 */
import assert from 'node:assert/strict';
import { Iec62056Client } from '../../../src/iec62056/client';
import { DataBlockMessage } from '../../../src/iec62056/frames';
import { TcpLink } from '../../../src/transport/tcp-link';
import { loadProfileRows } from '../../../src/sim/meter/load-profile';
import { energyBetween, MeterWorld, type LiveMeterSpec } from '../../../src/sim/world';

const SPECS: LiveMeterSpec[] = [
  { style: 'modeC', address: '12345678', startKwh: 4521.337, baseKw: 2.4, phaseHours: 0 },
  { style: 'modeA', address: '00012345', startKwh: 8123.4, baseKw: 1.1, phaseHours: 3 },
  { style: 'programming', address: '10067967', startKwh: 12345.67, baseKw: 5.5, phaseHours: 7 },
];

describe('demo meter world: one source of meter values for both paths', () => {
  let now = Date.UTC(2026, 2, 10, 12, 0, 0);
  let world: MeterWorld;
  let tcpPort = 0;

  before(async () => {
    world = new MeterWorld(SPECS, { now: () => now, updateMs: 50 });
    ({ port: tcpPort } = await world.startTcp({ port: 0, pacing: false, reactionTimeMs: 0 }));
  });
  after(() => world.stop());

  async function readDirect(address: string): Promise<string> {
    const link = new TcpLink({ host: '127.0.0.1', port: tcpPort });
    await link.open();
    try {
      const client = new Iec62056Client(link, { reactionTimeMs: 0, retries: 0 });
      const result = await client.readout({ address });
      return DataBlockMessage.decode(result.raw).message.dataLines;
    } finally {
      await link.close();
    }
  }

  it('gives the same data block through the gateway bus and the TCP simulator at the same instant', async () => {
    const reader = world.reader();
    for (const spec of SPECS) {
      const viaGateway = await reader({ port: 2, protocol: 'IEC62056-21', address: spec.address });
      assert.ok(viaGateway.ok, `gateway read of ${spec.address}`);
      const direct = await readDirect(spec.address);
      assert.equal(direct, viaGateway.data, spec.address);
      assert.match(direct, /1\.8\.0\(/);
    }
  });

  it('moves the registers with the clock: energy only grows, the time register follows', async () => {
    const reader = world.reader();
    const energy = async (): Promise<number> => {
      const result = await reader({ port: 2, protocol: 'IEC62056-21', address: '12345678' });
      assert.ok(result.ok);
      return Number(/1\.8\.0\(([0-9.]+)\*kWh\)/.exec(result.data)?.[1]);
    };
    const before = await energy();
    now += 3_600_000;
    const after = await energy();
    assert.ok(after > before + 0.01, `${before} -> ${after}`);
    assert.match(await readDirect('12345678'), /0\.9\.1\(130000\)/);
  });

  it('fails a read of an address that is not on the bus with 65541, like a real gateway', async () => {
    const result = await world.reader()({ port: 2, protocol: 'IEC62056-21', address: '99999999' });
    assert.deepEqual(result, { ok: false, errorCode: 65541 });
  });

  it('moves the load profile of the programming-mode meter to the simulated day just gone', () => {
    const spec = world.meter('10067967')?.profile.programming?.loadProfile;
    assert.equal(spec?.start, '2603091315');
  });

  it('fills the load profile with the mean power of each interval, from the same power curve', () => {
    const meter = world.meter('10067967');
    const spec = meter?.profile.programming?.loadProfile;
    assert.ok(meter && spec);
    const rows = loadProfileRows(spec);
    assert.equal(rows.length, 96);
    const last = Number(rows[95].values[0]);
    const end = Date.UTC(2026, 2, 10, 13, 0);
    assert.ok(Math.abs(last - energyBetween(meter.spec, end - 900_000, end) * 4) < 0.001, `last row ${last}`);
    assert.ok(new Set(rows.map((row) => row.values[0])).size > 48, 'the values follow the daily curve');
  });
});

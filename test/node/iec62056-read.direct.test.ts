import assert from 'node:assert/strict';
import { meterProfile } from '../../src/sim/meter';
import type { MeterPayload } from '../../src/meter-payload';
import { directTcp, IEC_MODULES, node, read, readAll, readerFlow, useMeterPerTest } from './fixtures/iec-read';
import { helper } from './fixtures/setup';
import { lastStatus } from './fixtures/wait';

describe('iec62056-read, direct path (TCP tunnel to the meter simulator)', function () {
  const meters = useMeterPerTest();

  async function deploy(profileName: string, props: Record<string, unknown> = {}, credentials?: Record<string, string>): Promise<void> {
    const meter = await meters.start(meterProfile(profileName));
    await helper.load(IEC_MODULES, readerFlow(directTcp(meter.port, props)), credentials ? { r1: credentials } : undefined);
  }

  it('reads a mode C meter with a baud switch and outputs the shaped payload, rest of msg kept', async function () {
    await deploy('modeC', { address: '12345678' });
    const msg = await read({ topic: 'kept', _extra: 42 });
    const payload = msg.payload as MeterPayload;
    assert.equal(msg.topic, 'kept');
    assert.equal(msg._extra, 42);
    assert.equal(payload.path, 'direct');
    assert.deepEqual(payload.meter, { address: '12345678', identification: 'ZMD3104100.B32', manufacturer: 'LGZ' });
    assert.deepEqual({ ...payload.values['1.8.0'] }, { value: 4521.337, unit: 'kWh', raw: '004521.337*kWh', name: 'Active energy import (+A), total' });
    assert.equal(payload.bcc?.valid, true);
    assert.ok(typeof payload.durationMs === 'number');
    assert.ok(meters.server?.simulator.log.entries.some((entry) => entry.type === 'baud' && entry.baudRate === 9600), 'the meter switched to 9600 Bd');
    assert.match(lastStatus(node('r1')) ?? '', /iec62056-read\.status\.read/);
  });

  it('reads a mode A meter (300 Bd throughout, additive checksum)', async function () {
    await deploy('modeA');
    const payload = (await read()).payload as MeterPayload;
    assert.equal(payload.meter.manufacturer, 'KAM');
    assert.ok(Object.keys(payload.values).length > 0);
    assert.equal(payload.bcc?.valid, true);
  });

  it('listens to a mode D meter that pushes its telegrams', async function () {
    const meter = await meters.start(meterProfile('modeD', { push: { intervalMs: 300 } }));
    await helper.load(IEC_MODULES, readerFlow(directTcp(meter.port, { mode: 'D', listenBaud: 9600 })));
    const payload = (await read()).payload as MeterPayload;
    assert.equal(payload.meter.manufacturer, 'EBZ');
    assert.equal(payload.values['1-0:1.8.0*255'].value, 123.4567);
    assert.equal(payload.values['1-0:1.8.0*255'].name, 'Active energy import (+A), total');
  });

  it('reads registers in programming mode with the password credential', async function () {
    await deploy('programming', { address: '10067967', registers: '1.8.0, 2.8.0' }, { password: '00000000' });
    const payload = (await read()).payload as MeterPayload;
    assert.deepEqual(Object.keys(payload.values), ['1.8.0', '2.8.0']);
    assert.equal(payload.values['1.8.0'].name, 'Active energy import (+A), total');
  });

  it('reads a load profile as rows (msg.loadProfile overrides the range)', async function () {
    await deploy('programming', { address: '10067967' }, { password: '00000000' });
    const payload = (await read({ loadProfile: { from: '02403100000', to: '02403100200' } })).payload as MeterPayload;
    assert.ok(payload.loadProfile && payload.loadProfile.length > 0, 'rows');
    const [row] = payload.loadProfile;
    assert.match(row.timestamp, /^2024-03-10T/);
    assert.deepEqual(row.values.map((value) => value.code), ['1.5.0', '2.5.0']);
  });

  it('sends one message per value, filtered, with topic, unit and OBIS name', async function () {
    await deploy('modeC', { address: '12345678', output: 'values', filter: '1.8.0, 1-0:2.8.0*255' });
    const messages = await readAll(2, { keep: 'me' });
    assert.deepEqual(messages.map((msg) => msg.topic), ['12345678/1.8.0', '12345678/2.8.0']);
    assert.equal(messages[0].payload, 4521.337);
    assert.equal(messages[0].unit, 'kWh');
    assert.equal(messages[0].name, 'Active energy import (+A), total');
    assert.equal(messages[1].name, 'Active energy export (-A), total');
    assert.equal(messages[0].keep, 'me');
  });

  it('takes msg.address, msg.filter and msg.registers over the node settings', async function () {
    await deploy('modeC', { address: 'wrong', filter: '2.8.0' });
    const payload = (await read({ address: '12345678', filter: ['1.8.0'] })).payload as MeterPayload;
    assert.equal(payload.meter.address, '12345678');
    assert.deepEqual(Object.keys(payload.values), ['1.8.0']);
  });
});

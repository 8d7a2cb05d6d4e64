import assert from 'node:assert/strict';
import { helper } from './fixtures/setup';
import { send, sendExpectingCatch, useAmsWorld } from './fixtures/ams-device';

const METER = { port: 2, protocol: 'IEC62056-21', address: '947834', interval: '3M' };
const PULSE = { port: 128, protocol: 'AIN_DIN', address: '2/PULSE/REL', interval: '5M' };
const MBUS = { port: 2, protocol: 'MBUS', address: '1@2400', interval: '1D' };

describe('ams-device: every action against the simulator', function () {
  const world = useAmsWorld();
  const tableOf = (): string[] => world.sim.table().map(({ index, port, protocol, address, interval }) => `${index} ${port} ${protocol} ${address} ${interval}`);

  describe('status and capabilities', function () {
    it('status gives the switch, the retry count and the table, and keeps the rest of msg', async function () {
      world.sim.addMeter(METER);
      world.sim.addMeter(PULSE);
      world.sim.setAmsEnabled(true);
      await world.deploy({ action: 'status' });
      const out = await send({ topic: 'gateway-1', correlation: { id: 7 } });
      assert.deepEqual(out.payload, { enabled: true, retry: 0, deviceCount: 2, devices: [{ index: 1, ...METER }, { index: 2, ...PULSE }] });
      assert.equal(out.topic, 'gateway-1');
      assert.deepEqual(out.correlation, { id: 7 });
      assert.deepEqual(world.sent(), ['AT^SCAMS?']);
    });

    it('status of an empty table has deviceCount 0', async function () {
      await world.deploy({ action: 'status' });
      const out = await send();
      assert.deepEqual(out.payload, { enabled: false, retry: 0, deviceCount: 0, devices: [] });
    });

    it('capabilities lists the keywords of AT^SCAMS=?', async function () {
      await world.deploy({ action: 'capabilities' });
      const out = await send();
      const payload = out.payload as { keywords: string[]; maxDevices: number };
      assert.ok(payload.keywords.includes('DEV_ADD') && payload.keywords.includes('DIRECT_READ'));
      assert.equal(payload.maxDevices, 32);
      assert.deepEqual(world.sent(), ['AT^SCAMS=?']);
    });
  });

  describe('switch and retry', function () {
    it('enable and disable switch AMS and answer with the table read after the change', async function () {
      world.sim.addMeter(METER);
      await world.deploy({ action: 'enable' });
      const on = await send();
      assert.equal(world.sim.ams.enabled, true);
      assert.deepEqual(on.payload, { enabled: true, retry: 0, deviceCount: 1, devices: [{ index: 1, ...METER }] });
      const off = await send({ action: 'disable' });
      assert.equal(world.sim.ams.enabled, false);
      assert.equal((off.payload as { enabled: boolean }).enabled, false);
      assert.deepEqual(world.sent(), ['AT^SCAMS="ENABLE",1', 'AT^SCAMS?', 'AT^SCAMS="ENABLE",0', 'AT^SCAMS?']);
    });

    it('retry takes the number in msg.payload by default', async function () {
      await world.deploy({ action: 'retry' });
      const out = await send({ payload: 3 });
      assert.equal(world.sim.ams.retry, 3);
      assert.equal((out.payload as { retry: number }).retry, 3);
      assert.deepEqual(world.writes(), ['AT^SCAMS="RETRY",3']);
    });

    it('retry takes a fixed number from the editor, ignoring the payload', async function () {
      await world.deploy({ action: 'retry', retry: '5', retryType: 'num' });
      await send({ payload: 1732790000000 });
      assert.equal(world.sim.ams.retry, 5);
    });

    it('retry reads flow context when the typed input says so', async function () {
      await world.deploy({ action: 'retry', retry: 'amsRetry', retryType: 'flow' });
      const n = helper.getNode('n') as unknown as { context(): { flow: { set(key: string, value: unknown): void } } };
      n.context().flow.set('amsRetry', 2);
      await send();
      assert.equal(world.sim.ams.retry, 2);
    });
  });

  describe('the meter table', function () {
    it('add takes { port, protocol, address, interval } from msg.payload (any case) and answers with the new table', async function () {
      await world.deploy({ action: 'add' });
      const out = await send({ payload: { port: 2, protocol: 'mbus', address: '1@2400', interval: '1d' } });
      assert.deepEqual(tableOf(), ['1 2 MBUS 1@2400 1D']);
      assert.deepEqual((out.payload as { devices: unknown[] }).devices, [{ index: 1, ...MBUS }]);
      assert.deepEqual(world.sent(), ['AT^SCAMS="DEV_ADD",2,"MBUS","1@2400","1D"', 'AT^SCAMS?']);
    });

    it('add uses the editor fields when msg.payload is not an object', async function () {
      await world.deploy({ action: 'add', port: '2', portType: 'num', protocol: 'IEC62056-21', address: '947834', interval: '3M' });
      await send({ payload: 1732790000000 });
      assert.deepEqual(tableOf(), ['1 2 IEC62056-21 947834 3M']);
    });

    it('remove by index: a number in msg.payload (later meters move up)', async function () {
      for (const meter of [METER, PULSE, MBUS]) world.sim.addMeter(meter);
      await world.deploy({ action: 'remove' });
      const out = await send({ payload: 1 });
      assert.deepEqual(tableOf(), ['1 128 AIN_DIN 2/PULSE/REL 5M', '2 2 MBUS 1@2400 1D']);
      assert.equal((out.payload as { deviceCount: number }).deviceCount, 2);
      assert.deepEqual(world.sent(), ['AT^SCAMS="DEV_REMOVE",1', 'AT^SCAMS?']);
    });

    it('remove by index: { index } in msg.payload', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'remove' });
      await send({ payload: { index: 2 } });
      assert.deepEqual(tableOf(), ['1 2 IEC62056-21 947834 3M']);
    });

    it('remove by address: reads the table, removes that meter\'s position, reads again, in one lease', async function () {
      for (const meter of [METER, PULSE, MBUS]) world.sim.addMeter(meter);
      await world.deploy({ action: 'remove' });
      await send({ payload: { address: '2/PULSE/REL' } });
      assert.deepEqual(tableOf(), ['1 2 IEC62056-21 947834 3M', '2 2 MBUS 1@2400 1D']);
      assert.deepEqual(world.sent(), ['AT^SCAMS?', 'AT^SCAMS="DEV_REMOVE",2', 'AT^SCAMS?']);
    });

    it('remove by address narrows by port and protocol when the address is not unique', async function () {
      world.sim.addMeter({ ...METER, address: '1@2400' });
      world.sim.addMeter(MBUS);
      await world.deploy({ action: 'remove' });
      const ambiguous = await sendExpectingCatch({ payload: { address: '1@2400' } });
      assert.equal(ambiguous.error.code, 'E_BAD_ARGUMENT');
      assert.match(ambiguous.error.message, /2 meters \(positions 1, 2\)/);
      assert.deepEqual(world.writes(), [], 'nothing removed');
      await send({ payload: { address: '1@2400', port: 2, protocol: 'MBUS' } });
      assert.deepEqual(tableOf(), ['1 2 IEC62056-21 1@2400 3M']);
    });

    it('remove by address from the editor uses its address, port and protocol', async function () {
      for (const meter of [METER, MBUS]) world.sim.addMeter(meter);
      await world.deploy({ action: 'remove', removeBy: 'address', address: '947834', port: '2', portType: 'num', protocol: 'IEC62056-21' });
      await send();
      assert.deepEqual(tableOf(), ['1 2 MBUS 1@2400 1D']);
    });

    it('remove by an address that is not in the table fails with E_BAD_ARGUMENT and writes nothing', async function () {
      world.sim.addMeter(METER);
      await world.deploy({ action: 'remove' });
      const caught = await sendExpectingCatch({ payload: { address: '111' } });
      assert.equal(caught.error.code, 'E_BAD_ARGUMENT');
      assert.match(caught.error.message, /no meter .* matches address "111"/);
      assert.deepEqual(world.writes(), []);
    });

    it('a refused remove reaches Catch with E_AT_ERROR and the gateway\'s number', async function () {
      await world.deploy({ action: 'remove' });
      const caught = await sendExpectingCatch({ payload: 4 });
      assert.equal(caught.error.code, 'E_AT_ERROR');
      assert.equal(caught.error.cause?.details?.errorNumber, 5);
      assert.match(caught.error.message, /DEV_REMOVE",4 with ERROR 5/);
    });

    it('clear empties the table when "allow clear" is ticked', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'clear', allowClear: true });
      const out = await send();
      assert.deepEqual(tableOf(), []);
      assert.deepEqual(out.payload, { enabled: false, retry: 0, deviceCount: 0, devices: [] });
      assert.deepEqual(world.sent(), ['AT^SCAMS="DEV_CLEAR"', 'AT^SCAMS?']);
    });

    it('interval: { index, interval } in msg.payload changes one meter', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'interval' });
      await send({ payload: { index: 2, interval: '1h' } });
      assert.deepEqual(tableOf(), ['1 2 IEC62056-21 947834 3M', '2 128 AIN_DIN 2/PULSE/REL 1H']);
      assert.deepEqual(world.writes(), ['AT^SCAMS="DEV_INTERVAL",2,"1H"']);
    });

    it('interval: { index: "ALL" } changes every meter', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'interval' });
      await send({ payload: { index: 'ALL', interval: '15M' } });
      assert.deepEqual(world.sim.table().map((device) => device.interval), ['15M', '15M']);
      assert.deepEqual(world.writes(), ['AT^SCAMS="DEV_INTERVAL","ALL","15M"']);
    });

    it('interval from the editor: every meter (the typed input\'s "all")', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'interval', targetType: 'all', interval: '1D' });
      await send();
      assert.deepEqual(world.sim.table().map((device) => device.interval), ['1D', '1D']);
    });

    it('interval from the editor: the position from a typed input (msg.payload)', async function () {
      for (const meter of [METER, PULSE]) world.sim.addMeter(meter);
      await world.deploy({ action: 'interval', target: 'payload', targetType: 'msg', interval: '2H' });
      await send({ payload: 1 });
      assert.deepEqual(world.sim.table().map((device) => device.interval), ['2H', '5M']);
    });
  });

  describe('serial ports', function () {
    it('port-get reads a port with parity by name', async function () {
      await world.deploy({ action: 'port-get', port: '2', portType: 'num' });
      const out = await send();
      assert.deepEqual(out.payload, { port: 2, baudRate: 2400, dataBits: 7, stopBits: 1, parity: 'even' });
      assert.deepEqual(world.sent(), ['AT^SCPORT2?']);
    });

    it('port-get takes { port } from msg.payload', async function () {
      await world.deploy({ action: 'port-get' });
      const out = await send({ payload: { port: 1 } });
      assert.deepEqual(out.payload, { port: 1, baudRate: 115200, dataBits: 8, stopBits: 1, parity: 'none' });
    });

    it('port-set writes only the given fields, applies, reads back and answers with the settings', async function () {
      await world.deploy({ action: 'port-set' });
      const out = await send({ payload: { port: 2, baudRate: 9600, parity: 'none', apply: 'srestart' } });
      assert.deepEqual(out.payload, { port: 2, baudRate: 9600, dataBits: 7, stopBits: 1, parity: 'none' });
      assert.deepEqual(world.sent(), ['AT^SCPORT2="BAUDRATE",9600', 'AT^SCPORT2="PARITY",0', 'AT^SCPORT2="SRESTART"', 'AT^SCPORT2?']);
      const settings = world.sim.portSettings(2);
      assert.deepEqual(settings?.active, { BAUDRATE: 9600, DATA_BITS: 7, STOP_BITS: 1, PARITY: 0 });
      assert.deepEqual(settings?.saved, settings?.active);
    });

    it('port-set "save" persists without making the values active', async function () {
      await world.deploy({ action: 'port-set' });
      await send({ payload: { port: 2, dataBits: 8, apply: 'save' } });
      const settings = world.sim.portSettings(2);
      assert.equal(settings?.saved.DATA_BITS, 8);
      assert.equal(settings?.active.DATA_BITS, 7);
    });

    it('port-set from the editor: empty fields are left alone, apply defaults to srestart', async function () {
      await world.deploy({ action: 'port-set', port: '2', portType: 'num', baudRate: '4800', dataBits: '', stopBits: '2', parity: '' });
      await send();
      assert.deepEqual(world.sent(), ['AT^SCPORT2="BAUDRATE",4800', 'AT^SCPORT2="STOP_BITS",2', 'AT^SCPORT2="SRESTART"', 'AT^SCPORT2?']);
    });

    it('port-set fails with E_SYNC_VERIFY listing the difference when a value does not read back', async function () {
      await world.deploy({ action: 'port-set' });
      // The gateway answers OK but ignores the write: the setting command is swallowed.
      world.sim.on('command', ({ line }: { line: string }) => {
        if (line.includes('"BAUDRATE"')) setImmediate(() => world.sim.ports.get(2)?.set('BAUDRATE', 2400));
      });
      const caught = await sendExpectingCatch({ payload: { port: 2, baudRate: 19200, apply: 'save' } });
      assert.equal(caught.error.code, 'E_SYNC_VERIFY');
      assert.match(caught.error.message, /baudRate 2400 instead of 19200/);
      assert.deepEqual(caught.error.cause?.details?.differences, [{ field: 'baudRate', expected: 19200, actual: 2400 }]);
    });
  });

  describe('msg.action', function () {
    it('overrides the editor\'s action, in any case', async function () {
      world.sim.addMeter(METER);
      await world.deploy({ action: 'status' });
      const out = await send({ action: 'Enable', topic: 't' });
      assert.equal(world.sim.ams.enabled, true);
      assert.equal(out.action, 'Enable', 'msg.action is kept');
      assert.equal(out.topic, 't');
      assert.deepEqual(world.writes(), ['AT^SCAMS="ENABLE",1']);
    });
  });
});

import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import type { SmartcomClient } from '../../../src/smartcom/client';
import { expectMeterError } from '../../helpers/meter-error';
import { gatewayFixture } from './fixture';

const METER = { port: 2, protocol: 'IEC62056-21', address: '947834', interval: '3M' };
const PULSE = { port: 128, protocol: 'AIN_DIN', address: '2/PULSE/REL', interval: '5M' };
const MBUS = { port: 2, protocol: 'MBUS', address: '*15020416@2400', interval: '1M' };

describe('SmartCOM operations against the simulator (pooled connection, one lease each)', () => {
  const fixture = gatewayFixture();

  it('reads the AMS status: switch, retry and the table', async () => {
    const { sim, run } = await fixture.start();
    sim.addMeter(METER);
    sim.addMeter(PULSE);
    sim.setAmsEnabled(true);
    assert.deepEqual(await run((gateway) => gateway.amsStatus()), {
      enabled: true, retry: 0, deviceCount: 2, devices: [{ index: 1, ...METER }, { index: 2, ...PULSE }],
    });
  });

  it('reads the capabilities', async () => {
    const { run, mark, sentSince } = await fixture.start();
    const from = mark();
    const capabilities = await run((gateway) => gateway.amsCapabilities());
    assert.ok(capabilities.keywords.includes('DEV_INTERVAL') && capabilities.keywords.includes('DIRECT_READ'));
    assert.equal(capabilities.maxDevices, 32);
    assert.deepEqual(sentSince(from), ['AT^SCAMS=?']);
  });

  it('switches AMS on and off and sets the retry count', async () => {
    const { sim, run, mark, sentSince } = await fixture.start();
    const from = mark();
    await run((gateway) => gateway.setAmsEnabled(true));
    assert.equal(sim.ams.enabled, true);
    await run(async (gateway) => {
      await gateway.setAmsRetry(3);
      await gateway.setAmsEnabled(false);
    });
    assert.equal(sim.ams.enabled, false);
    assert.equal(sim.ams.retry, 3);
    assert.deepEqual(sentSince(from), ['AT^SCAMS="ENABLE",1', 'AT^SCAMS="RETRY",3', 'AT^SCAMS="ENABLE",0']);
  });

  it('adds meters at the end, removes by index (later meters move up), changes intervals and clears', async () => {
    const { sim, run, mark, sentSince } = await fixture.start();
    const from = mark();
    const table = () => sim.table().map(({ index, address, interval }) => `${index} ${address} ${interval}`);
    await run(async (gateway) => {
      for (const meter of [METER, PULSE, { ...MBUS, protocol: 'mbus', interval: '1m' }]) await gateway.addAmsDevice(meter);
    });
    assert.deepEqual(table(), ['1 947834 3M', '2 2/PULSE/REL 5M', '3 *15020416@2400 1M']);
    await run((gateway) => gateway.removeAmsDevice(1));
    assert.deepEqual(table(), ['1 2/PULSE/REL 5M', '2 *15020416@2400 1M']);
    await run((gateway) => gateway.setAmsInterval(2, '1h'));
    assert.deepEqual(table(), ['1 2/PULSE/REL 5M', '2 *15020416@2400 1H']);
    await run((gateway) => gateway.setAmsInterval('ALL', '1D'));
    assert.deepEqual(table(), ['1 2/PULSE/REL 1D', '2 *15020416@2400 1D']);
    await run((gateway) => gateway.clearAmsDevices());
    assert.deepEqual(table(), []);
    assert.deepEqual(sentSince(from), [
      'AT^SCAMS="DEV_ADD",2,"IEC62056-21","947834","3M"',
      'AT^SCAMS="DEV_ADD",128,"AIN_DIN","2/PULSE/REL","5M"',
      'AT^SCAMS="DEV_ADD",2,"MBUS","*15020416@2400","1M"',
      'AT^SCAMS="DEV_REMOVE",1',
      'AT^SCAMS="DEV_INTERVAL",2,"1H"',
      'AT^SCAMS="DEV_INTERVAL","ALL","1D"',
      'AT^SCAMS="DEV_CLEAR"',
    ]);
  });

  it('keeps the gateway\'s error number when a command is refused', async () => {
    const { run } = await fixture.start();
    const error = await expectMeterError(run((gateway) => gateway.removeAmsDevice(4)), 'E_AT_ERROR');
    assert.equal(error.details.errorNumber, 5, 'the simulator\'s "no meter at that position"');
  });

  it('reads port settings', async () => {
    const { run } = await fixture.start();
    const settings = await run((gateway) => gateway.portSettings(2));
    assert.deepEqual([settings.port, settings.baudRate, settings.dataBits, settings.stopBits, settings.parityName], [2, 2400, 7, 1, 'even']);
  });

  it('sets port settings: configured only, then saved and active with SRESTART', async () => {
    const { sim, run, mark, sentSince } = await fixture.start();
    const from = mark();
    await run((gateway) => gateway.setPortSettings(2, { baudRate: 300, dataBits: 8, parity: 'none' }));
    assert.deepEqual(sim.portSettings(2)?.configured, { BAUDRATE: 300, DATA_BITS: 8, STOP_BITS: 1, PARITY: 0 });
    assert.equal(sim.portSettings(2)?.active.BAUDRATE, 2400, 'not applied yet');
    await run((gateway) => gateway.setPortSettings(2, { stopBits: 2 }, 'srestart'));
    assert.deepEqual(sim.portSettings(2)?.active, { BAUDRATE: 300, DATA_BITS: 8, STOP_BITS: 2, PARITY: 0 });
    assert.deepEqual(sim.portSettings(2)?.saved, sim.portSettings(2)?.active);
    assert.deepEqual(sentSince(from), [
      'AT^SCPORT2="BAUDRATE",300', 'AT^SCPORT2="DATA_BITS",8', 'AT^SCPORT2="PARITY",0', 'AT^SCPORT2="STOP_BITS",2', 'AT^SCPORT2="SRESTART"',
    ]);
  });

  it('applies port settings with SAVE and RESTART separately', async () => {
    const { sim, run } = await fixture.start();
    await run((gateway) => gateway.setPortSettings(1, { baudRate: 9600 }));
    await run((gateway) => gateway.applyPortSettings(1, 'save'));
    assert.deepEqual([sim.portSettings(1)?.saved.BAUDRATE, sim.portSettings(1)?.active.BAUDRATE], [9600, 115200]);
    await run((gateway) => gateway.applyPortSettings(1, 'restart'));
    assert.equal(sim.portSettings(1)?.active.BAUDRATE, 9600);
  });

  const invalid: [string, (gateway: SmartcomClient) => Promise<unknown>][] = [
    ['a bad interval', (gateway) => gateway.addAmsDevice({ ...METER, interval: '7M' })],
    ['an address with a quote', (gateway) => gateway.addAmsDevice({ ...METER, address: '94"7834' })],
    ['an address with a line break', (gateway) => gateway.addAmsDevice({ ...METER, address: '1\r\nAT^SCAMS="DEV_CLEAR"' })],
    ['port 0', (gateway) => gateway.addAmsDevice({ ...METER, port: 0 })],
    ['an unknown protocol', (gateway) => gateway.addAmsDevice({ ...METER, protocol: 'DLMS' })],
    ['a retry of 10', (gateway) => gateway.setAmsRetry(10)],
    ['index 0', (gateway) => gateway.removeAmsDevice(0)],
    ['an interval for ALL of "2D"', (gateway) => gateway.setAmsInterval('ALL', '2D')],
    ['parity mark', (gateway) => gateway.setPortSettings(2, { baudRate: 2400, parity: 'mark' as 'odd' })],
    ['port 0 settings', (gateway) => gateway.portSettings(0)],
  ];
  for (const [name, call] of invalid) {
    it(`rejects ${name} with E_BAD_ARGUMENT and writes nothing`, async () => {
      const { sim, run, mark, sentSince } = await fixture.start();
      const from = mark();
      const error = await expectMeterError(run(call), 'E_BAD_ARGUMENT');
      assert.ok(error instanceof MeterError && typeof error.details.field === 'string', 'the error names the field');
      assert.deepEqual(sentSince(from), []);
      assert.deepEqual(sim.table(), []);
    });
  }
});

import assert from 'node:assert/strict';
import type { MeterPayload } from '../../src/meter-payload';
import { createSimulatedMeterReader } from '../../src/sim/ams-meter-reader';
import { meterProfile, type MeterSimServer } from '../../src/sim/meter';
import type { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import type { SmartcomSimulatorVariants } from '../../src/sim/smartcom/options';
import { caughtCode, directTcp, FAST_IEC_RECONNECT, gatewayProps, IEC_MODULES, read, readerFlow, startMeter } from './fixtures/iec-read';
import { helper, initHelper, startSimulator } from './fixtures/setup';

/** The values of a payload as number/text per code: what both paths must agree on. */
function valuesOf(payload: MeterPayload): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload.values).map(([code, entry]) => [code, [entry.value, entry.unit, entry.name]]));
}

const METER = { address: '12345678', profile: meterProfile('modeC') };

/** Every DIRECT_READ answer the simulator can give, and the gateway baud setting that provokes the retry. */
const VARIANTS: { name: string; variants: Partial<SmartcomSimulatorVariants>; gatewayBaud: number | '' }[] = [
  { name: '^SCAMS lines', variants: { directRead: 'scams-lines' }, gatewayBaud: 9600 },
  { name: 'a ^SCDATA record line', variants: { directRead: 'record' }, gatewayBaud: 9600 },
  { name: 'OK only, data in the record store', variants: { directRead: 'stored-only' }, gatewayBaud: '' },
  { name: 'ERROR to the baud argument, then ^SCAMS lines', variants: { directRead: 'scams-lines', directReadBaudArgument: 'rejected' }, gatewayBaud: 9600 },
];

describe('iec62056-read, gateway path: every DIRECT_READ variant gives the direct path\'s values', function () {
  let sim: SmartcomSimulator | undefined;
  let meter: MeterSimServer | undefined;
  let direct: Record<string, unknown> | undefined;

  before(initHelper);
  before(async function () {
    // The reference: the same meter profile read directly.
    helper.settings(FAST_IEC_RECONNECT);
    const started = await startMeter(METER.profile);
    meter = started.server;
    await helper.load(IEC_MODULES, readerFlow(directTcp(started.port, { address: METER.address })));
    direct = valuesOf((await read()).payload as MeterPayload);
    await helper.unload();
    await meter.stop();
  });
  beforeEach(() => {
    helper.settings(FAST_IEC_RECONNECT);
  });
  afterEach(async () => {
    await helper.unload();
    await sim?.stop();
    sim = undefined;
  });

  async function deployGateway(variants: Partial<SmartcomSimulatorVariants>, reader: Record<string, unknown>): Promise<void> {
    const started = await startSimulator({ variants, directReadMs: 20, meterReader: createSimulatedMeterReader([METER]) });
    sim = started.sim;
    const { reader: props, config } = gatewayProps(started.port, reader);
    await helper.load(IEC_MODULES, readerFlow(props, [config]));
  }

  for (const variant of VARIANTS) {
    it(`${variant.name}`, async function () {
      await deployGateway(variant.variants, { address: METER.address, gatewayBaud: variant.gatewayBaud });
      const payload = (await read()).payload as MeterPayload;
      assert.equal(payload.path, 'gateway');
      assert.equal(payload.meter.identification, 'ZMD3104100.B32');
      assert.deepEqual(valuesOf(payload), direct);
      const reads = sim?.commandLog.filter((entry) => /DIRECT_READ/i.test(entry.line)).map((entry) => entry.line.endsWith(',9600'));
      assert.deepEqual(reads, variant.variants.directReadBaudArgument === 'rejected' ? [true, false] : [variant.gatewayBaud !== '']);
    });
  }

  it('a meter the gateway cannot reach gives its AMS code (65541) to the Catch node', async function () {
    await deployGateway({ directRead: 'scams-lines' }, { address: '99999999' });
    const failure = await caughtCode();
    assert.equal(failure.code, 65541, failure.message);
    assert.match(failure.message, /Try:/);
  });

  it('per-value output through the gateway, filtered by msg.filter', async function () {
    await deployGateway({ directRead: 'record' }, { address: METER.address, output: 'values' });
    const msg = await read({ filter: '1.8.0' });
    assert.equal(msg.topic, '12345678/1.8.0');
    assert.equal(msg.payload, 4521.337);
    assert.equal(msg.unit, 'kWh');
  });
});

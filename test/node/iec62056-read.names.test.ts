import assert from 'node:assert/strict';
import { meterProfile } from '../../src/sim/meter';
import type { MeterPayload } from '../../src/meter-payload';
import { directTcp, IEC_MODULES, read, readerFlow, useMeterPerTest } from './fixtures/iec-read';
import { helper } from './fixtures/setup';

/** The names-language option and the typed inputs (meter address, filter) read per message, on the direct path. */
describe('iec62056-read: names language and typed inputs', function () {
  const meters = useMeterPerTest();

  async function deploy(props: Record<string, unknown>): Promise<void> {
    const meter = await meters.start(meterProfile('modeC'));
    await helper.load(IEC_MODULES, readerFlow(directTcp(meter.port, props)));
  }

  const cases: [string, string][] = [
    ['de', 'Wirkenergie Bezug (+A), gesamt'],
    ['cs', 'Činná energie odběr (+A), celkem'],
    ['en-US', 'Active energy import (+A), total'],
    // The default follows the runtime language; the test helper has no catalogs, so that is en-US.
    ['', 'Active energy import (+A), total'],
  ];
  for (const [language, name] of cases) {
    it(`names language "${language || 'runtime'}" gives "${name}"`, async () => {
      await deploy({ address: '12345678', namesLanguage: language });
      const payload = (await read()).payload as MeterPayload;
      assert.equal(payload.values['1.8.0'].name, name);
    });
  }

  it('an unknown names language falls back to en-US', async () => {
    await deploy({ address: '12345678', namesLanguage: 'fr' });
    const payload = (await read()).payload as MeterPayload;
    assert.equal(payload.values['1.8.0'].name, 'Active energy import (+A), total');
  });

  it('reads the meter address from msg when its type is msg (msg.address still wins)', async () => {
    await deploy({ address: 'meterId', addressType: 'msg' });
    const first = (await read({ meterId: '12345678' })).payload as MeterPayload;
    assert.equal(first.meter.address, '12345678');
    const second = (await read({ meterId: 'nobody', address: '12345678' })).payload as MeterPayload;
    assert.equal(second.meter.address, '12345678');
  });

  it('reads the filter from msg when its type is msg', async () => {
    await deploy({ address: '12345678', filter: 'wanted', filterType: 'msg' });
    const payload = (await read({ wanted: ['1.8.0', '2.8.0'] })).payload as MeterPayload;
    assert.deepEqual(Object.keys(payload.values).sort(), ['1.8.0', '2.8.0']);
    const all = (await read({})).payload as MeterPayload;
    assert.ok(Object.keys(all.values).length > 2, 'no msg property: no filter (the node text is a property name, not a list)');
  });
});

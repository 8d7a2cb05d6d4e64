import assert from 'node:assert/strict';
import type { MeterPayload } from '../../src/meter-payload';
import { defaultPool } from '../../src/pool/pool';
import { meterProfile } from '../../src/sim/meter';
import { caughtCode, FAST_IEC_RECONNECT, IEC_MODULES, read, readerFlow } from './fixtures/iec-read';
import { TAB } from './fixtures/flows';
import { RestartablePtyMeter } from './fixtures/pty-meter';
import { helper, initHelper } from './fixtures/setup';

/** Frames the meter heard, by kind (`line` = a request, `option-select`...). */
function framesHeard(meter: RestartablePtyMeter): string[] {
  return meter.simulator.log.entries.flatMap((entry) => (entry.type === 'frame' && entry.kind !== 'noise' ? [entry.kind] : []));
}

describe('iec62056-read on a serial port (socat pty)', function () {
  let meter: RestartablePtyMeter | undefined;

  before(initHelper);
  beforeEach(async () => {
    helper.settings(FAST_IEC_RECONNECT);
    meter = new RestartablePtyMeter(meterProfile('modeC'));
    await meter.plugIn();
  });
  afterEach(async () => {
    await helper.unload();
    await meter?.stop();
    meter = undefined;
  });

  function serialProps(): Record<string, unknown> {
    return { path: 'direct', transport: 'serial', serialPath: meter!.clientPath, address: '12345678' };
  }

  it('two nodes on one port, triggered at once: one open port, two complete readouts, sessions not interleaved', async function () {
    const second = [
      { id: 'r2', type: 'iec62056-read', z: TAB, name: 'second', retries: 0, timeout: 20, ...serialProps(), wires: [['out2']] },
      { id: 'out2', type: 'helper', z: TAB },
    ];
    await helper.load(IEC_MODULES, readerFlow(serialProps(), second));
    const [a, b] = await Promise.all([read({}, 'r1', 'out'), read({}, 'r2', 'out2')]);
    assert.equal((a.payload as MeterPayload).values['1.8.0'].value, 4521.337);
    assert.equal((b.payload as MeterPayload).values['1.8.0'].value, 4521.337);
    const connection = defaultPool.get(`serial:${meter!.clientPath}`);
    assert.ok(connection, 'one pooled connection for the port');
    assert.equal(connection.stats().counters.connects, 1, 'the port was opened once');
    assert.equal(connection.stats().users, 2);
    assert.deepEqual(framesHeard(meter!), ['line', 'option-select', 'line', 'option-select'], 'one whole session, then the other');
  });

  it('a port that vanishes mid-read gives a clear error; once it is back, the next read works without a redeploy', async function () {
    await helper.load(IEC_MODULES, readerFlow({ ...serialProps(), timeout: 10 }));
    assert.equal(((await read()).payload as MeterPayload).values['1.8.0'].value, 4521.337);
    meter!.simulator.setFaults({ silence: true }); // the read hangs waiting for the identification...
    const failing = caughtCode();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await meter!.unplug(); // ...and the probe is pulled meanwhile
    const failure = await failing;
    assert.equal(failure.code, 'E_CONNECTION_LOST', failure.message);
    assert.match(failure.message, /went away.*Try: Plug/s);
    meter!.simulator.setFaults({});
    await meter!.plugIn();
    assert.equal(((await read()).payload as MeterPayload).values['1.8.0'].value, 4521.337);
  });
});

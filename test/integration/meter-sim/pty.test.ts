import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { PtyMeter, startPtyMeter } from '../../../src/sim/meter/pty';
import { Collector, xor7 } from './helpers';

/** The test's side of the pty, opened like a meter's serial port. */
async function openClient(path: string): Promise<{ port: SerialPort; collector: Collector }> {
  const collector = new Collector();
  const port = await new Promise<SerialPort>((resolve, reject) => {
    const opened: SerialPort = new SerialPort({ path, baudRate: 300, dataBits: 8, parity: 'none' }, (error) => (error ? reject(error) : resolve(opened)));
  });
  port.on('data', (chunk: Buffer) => collector.push(chunk));
  return { port, collector };
}

const closePort = (port: SerialPort): Promise<void> => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));

describe('meter simulator on a socat pty pair', () => {
  let meter: PtyMeter | undefined;
  let client: SerialPort | undefined;

  afterEach(async () => {
    if (client) await closePort(client);
    await meter?.stop();
    client = undefined;
    meter = undefined;
  });

  it('answers a mode C readout through the pty, with a BCC the test verifies', async () => {
    meter = await startPtyMeter(meterProfile('modeC'), { pacing: false, reactionTimeMs: 5 });
    const opened = await openClient(meter.clientPath);
    client = opened.port;
    const c = opened.collector;
    client.write('/?12345678!\r\n');
    await c.waitForText('B32\r\n');
    assert.equal(c.received.toString('latin1'), '/LGZ5ZMD3104100.B32\r\n');
    client.write('\x06050\r\n');
    const block = await c.waitForBlock();
    assert.equal(block.bcc, xor7(block.covered));
    assert.ok(block.text.includes('1.8.0(004521.337*kWh)'));
    assert.deepEqual(meter.simulator.log.frames().map((f) => f.kind), ['line', 'option-select']);
  });

  it('paces a mode A readout through the pty (the pty itself enforces no speed)', async function () {
    this.timeout(30_000);
    meter = await startPtyMeter(meterProfile('modeA', { dataBlock: '6.8(000123,4*MWh)\r\n' }), { pacing: true, reactionTimeMs: 20 });
    const opened = await openClient(meter.clientPath);
    client = opened.port;
    client.write('/?!\r\n');
    const block = await opened.collector.waitForBlock();
    assert.equal(block.text, '6.8(000123,4*MWh)\r\n!\r\n');
    const session = [...meter.simulator.sessions][0];
    assert.deepEqual(session.pacer.schedule.map((s) => [s.bytes, s.baudRate]), [[9, 300], [25, 300]]);
  });

  it('removes the pty links when stopped', async () => {
    meter = await startPtyMeter(meterProfile('modeD', { push: { intervalMs: 50 } }), { pacing: false });
    const { clientPath, meterPath } = meter;
    assert.ok(existsSync(clientPath) && existsSync(meterPath));
    await meter.stop();
    meter = undefined;
    assert.ok(!existsSync(clientPath) && !existsSync(meterPath));
  });
});

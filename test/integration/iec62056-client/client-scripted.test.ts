import assert from 'node:assert/strict';
import { expectMeterError } from '../../helpers/meter-error';
import { Iec62056Client } from '../../../src/iec62056/client';
import type { SessionOptions } from '../../../src/iec62056/client';
import { createMemoryLinkPair, type MemoryLink } from '../../../src/transport/memory';
import { ScriptedMeter, type ScriptedMeterOptions } from './scripted-meter';

const DATA = '0.0.0(12345678)\r\n1.8.0(0001234.5*kWh)\r\n2.8.0(0000012.0*kWh)';
/** Unpaced: the scripted meter answers at once, so the client need not wait its reaction time. */
const FAST: SessionOptions = { reactionTimeMs: 0, maxReactionTimeMs: 300, charTimeoutMs: 300 };

async function setup(meter: Partial<ScriptedMeterOptions> = {}) {
  const [clientEnd, meterEnd] = createMemoryLinkPair('client-test');
  await clientEnd.open();
  await meterEnd.open();
  const scripted = new ScriptedMeter(meterEnd, { identification: '/ISK5MT174-0001', dataLines: DATA, ...meter });
  const client = new Iec62056Client(clientEnd, { ...FAST, retryPauseMs: 0 });
  return { clientEnd, meterEnd, meter: scripted, client };
}


const speedsSet = (link: MemoryLink, calls: number[]) => {
  const original = link.setBaudRate.bind(link);
  link.setBaudRate = async (rate: number) => {
    calls.push(rate);
    await original(rate);
  };
};

describe('Iec62056Client against a scripted meter (memory link)', () => {
  it('reads a mode C meter: request, option select at the offered 9600 Bd, switch, data, BCC checked', async () => {
    const { client, clientEnd, meter } = await setup();
    const speeds: number[] = [];
    speedsSet(clientEnd, speeds);
    const result = await client.readout();
    assert.deepEqual(meter.heard, ['request /?!', 'option 050']);
    assert.deepEqual(speeds, [300, 9600]);
    assert.equal(result.mode, 'C');
    assert.equal(result.baudRate, 9600);
    assert.equal(result.identification.manufacturer, 'ISK');
    assert.equal(result.bcc?.valid, true);
    assert.equal(result.readout.values['1.8.0'].values[0].value, 1234.5);
    assert.equal(result.raw[0], 0x02);
    assert.equal(result.attempts, 1);
    assert.equal(result.echoDetected, false);
  });

  it('caps the offered speed at maxBaudRate', async () => {
    const { client, meter } = await setup();
    const result = await client.readout({ maxBaudRate: 2400 });
    assert.deepEqual(meter.heard, ['request /?!', 'option 030']);
    assert.equal(result.baudRate, 2400);
  });

  it('with noBaudSwitch confirms the current speed and never calls setBaudRate', async () => {
    const { client, clientEnd, meter } = await setup();
    const speeds: number[] = [];
    speedsSet(clientEnd, speeds);
    await client.readout({ noBaudSwitch: true });
    assert.deepEqual(meter.heard, ['request /?!', 'option 000']);
    assert.deepEqual(speeds, []);
  });

  it('with fixedBaudRate 2400 (a gateway preset) answers ACK 0 3 0 and never calls setBaudRate', async () => {
    const { client, clientEnd, meter } = await setup();
    const speeds: number[] = [];
    speedsSet(clientEnd, speeds);
    const result = await client.readout({ fixedBaudRate: 2400, address: '12345678' });
    assert.deepEqual(meter.heard, ['request /?12345678!', 'option 030']);
    assert.deepEqual(speeds, []);
    assert.equal(result.baudRate, 2400);
  });

  it('reads a mode A meter without option select, at 300 Bd', async () => {
    const { client, meter } = await setup({ identification: '/KAM MC' });
    const result = await client.readout();
    assert.deepEqual(meter.heard, ['request /?!']);
    assert.equal(result.mode, 'A');
    assert.equal(result.baudRate, 300);
  });

  it('switches right after a mode B identification, without option select', async () => {
    const { client, clientEnd, meter } = await setup({ identification: '/ABCEXYZ' });
    const speeds: number[] = [];
    speedsSet(clientEnd, speeds);
    const result = await client.readout();
    assert.deepEqual(meter.heard, ['request /?!']);
    assert.deepEqual(speeds, [300, 9600]);
    assert.equal(result.mode, 'B');
  });

  it('reads a meter that advertises mode E (\\2) as mode C with ACK 0 Z 0', async () => {
    const { client, meter } = await setup({ identification: '/ISK5\\2MT382-1000' });
    const result = await client.readout();
    assert.deepEqual(meter.heard, ['request /?!', 'option 050']);
    assert.equal(result.mode, 'C');
    assert.equal(result.identification.mode, 'E');
  });

  it('drops the echo of its own messages and says so', async () => {
    const { client } = await setup({ echo: true });
    const result = await client.readout();
    assert.equal(result.echoDetected, true);
    assert.equal(result.readout.dataSets.length, 3);
  });

  it('skips noise before the identification', async () => {
    const { client } = await setup({ noise: Buffer.from([0, 0, 0x41, 0x42, 0xff]) });
    const result = await client.readout();
    assert.equal(result.identification.identification, 'MT174-0001');
  });

  it('accepts the Kamstrup 7-bit sum BCC by default, and fails with 66053 when only XOR is accepted', async () => {
    const sum = await setup({ bcc: 'sum7' });
    assert.equal((await sum.client.readout()).bcc?.algorithm, 'sum7');
    const xorOnly = await setup({ bcc: 'sum7' });
    await expectMeterError(xorOnly.client.readout({ bccAlgorithms: ['xor'], retries: 0 }), 66053);
  });

  it('fails a bad BCC with 66053 (strict), sends B0 after the error, and reports it when lenient', async () => {
    const strict = await setup({ badBccCount: 99 });
    const error = await expectMeterError(strict.client.readout({ retries: 0 }), 66053);
    assert.ok(error.hint);
    assert.equal(error.details.stage, 'data');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(strict.meter.heard, ['request /?!', 'option 050', 'B0']);
    const lenient = await setup({ badBccCount: 99 });
    const result = await lenient.client.readout({ strictBcc: false });
    assert.equal(result.bcc?.valid, false);
    assert.equal(result.readout.values['2.8.0'].values[0].value, 12);
  });

  it('retries after a transmission error one standard speed lower', async () => {
    const { client, meter } = await setup({ badBccCount: 1 });
    const result = await client.readout();
    assert.equal(result.attempts, 2);
    assert.equal(result.baudRate, 4800);
    assert.deepEqual(meter.heard, ['request /?!', 'option 050', 'B0', 'request /?!', 'option 040']);
  });

  it('makes its last retry without a baud switch', async () => {
    const { client, meter } = await setup({ badBccCount: 2 });
    const result = await client.readout({ retries: 2 });
    assert.equal(result.attempts, 3);
    assert.equal(result.baudRate, 300);
    assert.deepEqual(meter.heard.filter((entry) => entry.startsWith('option')), ['option 050', 'option 040', 'option 000']);
  });

  it('reports a silent meter with 65541 and a hint', async () => {
    const { client } = await setup({ silent: true });
    const error = await expectMeterError(client.readout({ retries: 1 }), 65541);
    assert.match(error.hint ?? '', /probe|parity/);
    assert.equal(error.details.attempts, 2);
  });

  it('reports a meter that stops inside a message with 65545 (per-character time-out)', async () => {
    const { client, meterEnd } = await setup({ silent: true });
    meterEnd.on('data', () => void meterEnd.write('/ISK5MT1'));
    await expectMeterError(client.readout({ retries: 0 }), 65545);
  });

  it('reports no data after the option select with 65543', async () => {
    const { client, meterEnd } = await setup({ silent: true });
    meterEnd.on('data', (chunk: Buffer) => {
      if (chunk[0] === 0x2f) void meterEnd.write('/ISK5MT174\r\n');
    });
    const error = await expectMeterError(client.readout({ retries: 0 }), 65543);
    assert.match(error.hint ?? '', /switchDelayMs/);
  });

  it('rejects a bad address with 65538 before writing anything', async () => {
    const { client, clientEnd } = await setup();
    await expectMeterError(client.readout({ address: 'a(b)' }), 65538);
    assert.equal(clientEnd.written.length, 0);
  });

  it('sends the wake-up NULs before the request', async () => {
    const { client, clientEnd } = await setup();
    await client.readout({ wakeUp: { nulMs: 100, pauseMs: 1 } });
    assert.deepEqual([...clientEnd.written[0]], [0, 0, 0]);
    assert.equal(clientEnd.written[1].toString('latin1'), '/?!\r\n');
  });

  it('stops at once with E_ABORTED and writes nothing more when the signal fires', async () => {
    const { client, clientEnd } = await setup({ silent: true });
    const controller = new AbortController();
    const pending = client.readout({ signal: controller.signal, maxReactionTimeMs: 10_000 });
    setImmediate(() => controller.abort());
    await expectMeterError(pending, 'E_ABORTED');
    assert.deepEqual(clientEnd.written.map((b) => b.toString('latin1')), ['/?!\r\n']);
  });
});

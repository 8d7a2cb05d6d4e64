import assert from 'node:assert/strict';
import { Pacer } from '../../../src/sim/meter/pacer';
import { meterProfile } from '../../../src/sim/meter/profiles';
import { MeterSimServer } from '../../../src/sim/meter/tcp-server';
import { RawTcpClient } from './helpers';

describe('meter simulator pacing', () => {
  it('schedules every transmission at 10 bits per character of its own baud rate, back to back', async () => {
    const writes: Buffer[] = [];
    const pacer = new Pacer((bytes) => writes.push(Buffer.from(bytes)), { enabled: true });
    const first = pacer.send(Buffer.from('/ABC5X\r\n'), 300);
    const second = pacer.send(Buffer.alloc(96, 0x41), 9600);
    await Promise.all([first, second]);
    const [a, b] = pacer.schedule;
    assert.deepEqual([a.bytes, a.baudRate, a.wireMs], [8, 300, (8 * 10 * 1000) / 300]);
    assert.deepEqual([b.bytes, b.baudRate, b.wireMs], [96, 9600, 100]);
    assert.ok(Math.abs(a.endMs - a.startMs - a.wireMs) < 1e-6, 'ends one wire time after it starts');
    assert.ok(b.startMs >= a.endMs, 'the second transmission waits for the line');
    assert.equal(Buffer.concat(writes).toString('latin1'), `/ABC5X\r\n${'A'.repeat(96)}`, 'every byte, in order');
    assert.ok(writes.length > 2, `written in batches as their time came, not at once (${writes.length} writes)`);
  });

  it('with pacing off, writes at once but still records the schedule', async () => {
    const writes: Buffer[] = [];
    const pacer = new Pacer((bytes) => writes.push(bytes), { enabled: false });
    await pacer.send(Buffer.alloc(30), 300);
    assert.equal(writes.length, 1);
    assert.equal(pacer.schedule[0].wireMs, 1000);
  });

  it('releases no byte before its scheduled time (absolute schedule, checked with a fake clock)', async () => {
    let now = 0;
    const writes: { at: number; count: number }[] = [];
    const pacer = new Pacer((bytes) => writes.push({ at: now, count: bytes.length }), { enabled: true, now: () => now, batchMs: 1 });
    const done = pacer.send(Buffer.alloc(10), 1000); // 10 ms per character
    for (now = 0; now <= 120; now += 7) await new Promise((resolve) => setTimeout(resolve, 2));
    await done;
    let total = 0;
    for (const write of writes) {
      total += write.count;
      assert.ok(total * 10 <= write.at, `${total} bytes released at ${write.at} ms`);
    }
    assert.equal(total, 10);
  });

  it('a paced mode C session sends the identification at 300 Bd and the readout at 9600 Bd as scheduled', async function () {
    this.timeout(30_000);
    const server = new MeterSimServer(meterProfile('modeC', { dataBlock: '1.8.0(1*kWh)\r\n'.repeat(20) }), { pacing: true });
    const { port } = await server.start();
    const client = await RawTcpClient.connect(port);
    try {
      const started = performance.now();
      client.send('/?!\r\n');
      await client.waitForText('B32\r\n');
      const elapsed = performance.now() - started;
      client.send('\x06050\r\n');
      await client.waitForBlock();
      const session = [...server.simulator.sessions][0];
      const [identification, readout] = session.pacer.schedule;
      assert.deepEqual([identification.bytes, identification.baudRate], [21, 300]);
      assert.equal(identification.wireMs, 700);
      assert.deepEqual([readout.bytes, readout.baudRate, readout.wireMs], [286, 9600, (286 * 10 * 1000) / 9600]);
      // The one wall-clock check, with a generous bound: reaction time plus wire time can not be beaten.
      assert.ok(elapsed >= 0.8 * (200 + identification.wireMs), `identification after ${elapsed.toFixed(0)} ms`);
      // The request's own wire time (5 characters at 300 Bd) passes before the meter has heard it and its reaction
      // time starts: a lower bound on the schedule, which late timers can only push further out.
      assert.ok(identification.startMs - started >= (5 * 10 * 1000) / 300 + 200 - 2, `identification scheduled ${(identification.startMs - started).toFixed(0)} ms after the request was sent`);
    } finally {
      await client.close();
      await server.stop();
    }
  });
});

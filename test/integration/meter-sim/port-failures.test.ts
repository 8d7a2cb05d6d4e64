import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MeterSimLogEntry } from '../../../src/sim/meter/log';
import type { MeterPort } from '../../../src/sim/meter/port';
import { meterProfile } from '../../../src/sim/meter/profiles';
import type { MeterSession } from '../../../src/sim/meter/session';
import { MeterSimulator, MeterSimulatorOptions } from '../../../src/sim/meter/simulator';
import { eventually } from './helpers';

const FAST: MeterSimulatorOptions = { pacing: false, reactionTimeMs: 2, inactivityTimeoutMs: 3000 };

/** A port the test controls: it records what the meter writes and speed changes, and can fail either. */
class ScriptedPort extends EventEmitter implements MeterPort {
  readonly written: Buffer[] = [];
  readonly speeds: number[] = [];
  failWrite: 'throw' | 'reject' | undefined;
  failSpeedChange = false;

  write(bytes: Buffer): Promise<void> | void {
    if (this.failWrite === 'throw') throw new Error('port write threw');
    if (this.failWrite === 'reject') return Promise.reject(new Error('port write rejected'));
    this.written.push(Buffer.from(bytes));
  }

  setBaudRate(baudRate: number): Promise<void> {
    this.speeds.push(baudRate);
    return this.failSpeedChange ? Promise.reject(new Error('speed change refused by the port')) : Promise.resolve();
  }

  close(): void {
    this.emit('close');
  }

  /** The master sends text (latin1). */
  send(text: string): void {
    this.emit('data', Buffer.from(text, 'latin1'));
  }

  text(): string {
    return Buffer.concat(this.written).toString('latin1');
  }
}

function isEvent(name: string): (entry: MeterSimLogEntry) => boolean {
  return (entry) => entry.type === 'event' && entry.name === name;
}

function detailOf(entry: MeterSimLogEntry): string {
  return entry.type === 'event' ? entry.detail : '';
}

describe('meter simulator on a port that fails', () => {
  let simulator: MeterSimulator | undefined;
  let port: ScriptedPort | undefined;

  function attach(profileName: string): { simulator: MeterSimulator; port: ScriptedPort; session: MeterSession } {
    simulator = new MeterSimulator(meterProfile(profileName), FAST);
    port = new ScriptedPort();
    return { simulator, port, session: simulator.attach(port) };
  }

  afterEach(() => {
    port?.close();
    simulator?.stop();
    port = undefined;
    simulator = undefined;
  });

  it('logs a write the port throws on as write-failed and goes on to finish the readout', async () => {
    const { simulator, port } = attach('modeA');
    port.failWrite = 'throw';
    port.send('/?!\r\n');
    const failed = await simulator.log.waitFor(isEvent('write-failed'));
    assert.equal(detailOf(failed), 'port write threw');
    const ended = await simulator.log.waitFor(isEvent('session-ended'));
    assert.equal(detailOf(ended), 'readout complete');
    assert.deepEqual(simulator.log.sent().map((entry) => entry.what), ['identification', 'readout']);
  });

  it('logs a write the port rejects as write-failed, then answers normally once the port works again', async () => {
    const { simulator, port } = attach('modeA');
    port.failWrite = 'reject';
    port.send('/?!\r\n');
    const failed = await simulator.log.waitFor(isEvent('write-failed'));
    assert.equal(detailOf(failed), 'port write rejected');
    await simulator.log.waitFor(isEvent('session-ended'));
    assert.equal(port.written.length, 0);
    port.failWrite = undefined;
    port.send('/?!\r\n');
    await eventually(() => simulator.log.events('session-ended').length === 2);
    assert.ok(port.text().startsWith('/'), 'the identification reached the port');
    assert.ok(port.text().includes('\x02'), 'so did the readout');
  });

  it('follows the option-selected speed on a port that changes speed, and goes back to the initial speed after', async () => {
    const { simulator, port, session } = attach('modeC');
    port.send('/?!\r\n');
    await eventually(() => session.state === 'awaiting-option');
    port.send('\x06050\r\n');
    await simulator.log.waitFor(isEvent('session-ended'));
    assert.deepEqual(port.speeds, [9600, 300]);
    assert.equal(simulator.log.sent('readout')[0].baudRate, 9600);
  });

  it('logs a speed change the port refuses as baud-change-failed; the meter still answers at the selected speed', async () => {
    const { simulator, port, session } = attach('modeC');
    port.failSpeedChange = true;
    port.send('/?!\r\n');
    await eventually(() => session.state === 'awaiting-option');
    port.send('\x06050\r\n');
    const failed = await simulator.log.waitFor(isEvent('baud-change-failed'));
    assert.equal(detailOf(failed), 'speed change refused by the port');
    await simulator.log.waitFor(isEvent('session-ended'));
    assert.equal(simulator.log.sent('readout')[0].baudRate, 9600);
  });

  it('ignores a line that is not a request (line-ignored), and answers the proper request after it', async () => {
    const { simulator, port } = attach('modeA');
    port.send('/no request here\r\n');
    const ignored = await simulator.log.waitFor(isEvent('line-ignored'));
    assert.equal(detailOf(ignored), 'not a request message');
    assert.equal(simulator.sessionsStarted, 0);
    port.send('/?!\r\n');
    await simulator.log.waitFor(isEvent('session-ended'));
    assert.equal(simulator.sessionsStarted, 1);
  });
});

import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { Iec62056Client } from '../../../src/iec62056/client';
import { type Frame, FrameReader } from '../../../src/iec62056/frame-reader';
import { CommandMessage } from '../../../src/iec62056/frames';
import { createMemoryLinkPair } from '../../../src/transport/memory';
import { type Disguise, smuggling } from '../../helpers/smuggle';
import { ScriptedMeter } from './scripted-meter';

const PASSWORD = '0000';

/** A client and a scripted meter on a memory link; `received` is every byte that reached the meter, in order. */
async function setup() {
  const [clientEnd, meterEnd] = createMemoryLinkPair('frame-text-test');
  await clientEnd.open();
  await meterEnd.open();
  const received: Buffer[] = [];
  meterEnd.on('data', (chunk: Buffer) => received.push(chunk));
  const meter = new ScriptedMeter(meterEnd, { identification: '/EMH5MCS', dataLines: '', password: PASSWORD, registers: { '1.8.0': '(0001234.5*kWh)' } });
  const client = new Iec62056Client(clientEnd, { reactionTimeMs: 0, maxReactionTimeMs: 300, charTimeoutMs: 300, retryPauseMs: 0, retries: 0 });
  return { client, meter, received: () => Buffer.concat(received) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The command frames (e.g. `P1`, `R1`, `B0`) a meter reads from these bytes, bit 7 cleared as on a 7E1 line. */
function commandsIn(bytes: Buffer): string[] {
  const reader = new FrameReader({ role: 'meter' });
  const commands: string[] = [];
  reader.on('frame', (frame: Frame) => {
    if (frame.kind !== 'command') return;
    const { message } = CommandMessage.decode(frame.bytes);
    commands.push(`${message.command}${message.type}`);
  });
  reader.write(bytes);
  return commands;
}

describe('Iec62056Client programming mode: strings that could smuggle a frame', () => {
  for (const disguise of ['latin1', '7E1'] as const satisfies readonly Disguise[]) {
    it(`refuses a password carrying a disguised W1 frame (${disguise}) before a single byte is written`, async () => {
      const { client, meter, received } = await setup();
      const crafted = smuggling('P', '1', `(${PASSWORD}`, PASSWORD, disguise);
      const error = await client.program({ password: crafted, registers: ['1.8.0'] }).catch((e: unknown) => e);
      await settle();
      // First what the meter got (had the password gone out, it would read P1 and then a W1 write): nothing.
      assert.deepEqual(commandsIn(received()), []);
      assert.deepEqual(meter.heard, []);
      assert.equal(received().length, 0);
      assert.ok(error instanceof MeterError);
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, /^the password/);
      assert.ok(!error.message.includes(crafted));
    });

    it(`refuses a register address carrying a disguised W1 frame (${disguise}) before a single byte is written`, async () => {
      const { client, meter, received } = await setup();
      const crafted = smuggling('R', '1', '1.8.0', '1.8.0', disguise);
      const error = await client.program({ password: PASSWORD, registers: ['1.8.0', crafted] }).catch((e: unknown) => e);
      await settle();
      assert.deepEqual(commandsIn(received()), []);
      assert.deepEqual(meter.heard, []);
      assert.equal(received().length, 0);
      assert.ok(error instanceof MeterError);
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, /^the register address/);
    });
  }

  it('refuses a non-ASCII register address such as "1.8.é" instead of sending it as a raw 8-bit byte', async () => {
    const { client, received } = await setup();
    const error = await client.program({ password: PASSWORD, registers: ['1.8.é'] }).catch((e: unknown) => e);
    await settle();
    assert.equal(received().length, 0);
    assert.ok(error instanceof MeterError);
    assert.equal(error.code, 'E_BAD_ARGUMENT');
  });

  it('sends an ordinary session as exactly one command frame per command: P1, R1, B0', async () => {
    const { client, received } = await setup();
    const result = await client.program({ password: PASSWORD, registers: ['1.8.0'] });
    await settle();
    assert.equal(result.passwordAccepted, true);
    assert.deepEqual(commandsIn(received()), ['P1', 'R1', 'B0']);
  });
});

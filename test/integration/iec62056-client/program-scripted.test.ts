import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { Iec62056Client } from '../../../src/iec62056/client';
import { createMemoryLinkPair } from '../../../src/transport/memory';
import { ScriptedMeter, type ScriptedMeterOptions } from './scripted-meter';

const PASSWORD = 's3cret-77';
const REGISTERS = { '1.8.0': '(0001234.5*kWh)', '2.8.0': '(0000012.0*kWh)', 'P.01': '(0240101000000)(00)(15)(1)(1.5.0)(kW)\r\n(0.5)\r\n(0.7)\r\n(0.9)' };

async function setup(meter: Partial<ScriptedMeterOptions> = {}) {
  const [clientEnd, meterEnd] = createMemoryLinkPair('program-test');
  await clientEnd.open();
  await meterEnd.open();
  const scripted = new ScriptedMeter(meterEnd, { identification: '/EMH5MCS', dataLines: '', password: PASSWORD, registers: REGISTERS, ...meter });
  const client = new Iec62056Client(clientEnd, { reactionTimeMs: 0, maxReactionTimeMs: 300, charTimeoutMs: 300, retryPauseMs: 0 });
  return { client, meter: scripted, clientEnd };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Iec62056Client programming mode against a scripted meter', () => {
  it('enters programming mode, sends the password, reads registers with R1, and ends with B0', async () => {
    const { client, meter } = await setup();
    const result = await client.program({ password: PASSWORD, registers: ['1.8.0', '2.8.0', '9.9.9'] });
    await settle();
    assert.deepEqual(meter.heard, ['request /?!', 'option 051', 'P1', 'R1 1.8.0()', 'R1 2.8.0()', 'R1 9.9.9()', 'B0']);
    assert.equal(result.operand, '12345678');
    assert.equal(result.passwordAccepted, true);
    assert.equal(result.registers[0].readout.values['1.8.0'].values[0].value, 1234.5);
    assert.equal(result.registers[1].bcc.valid, true);
    assert.equal(result.registers[2].error, 'ER03');
  });

  it('reads the P.01 load profile with R5 across partial blocks, acknowledging each one', async () => {
    const { client, meter } = await setup({ blockSize: 16 });
    const result = await client.program({ password: PASSWORD, loadProfile: { from: '02401010000', to: '' } });
    await settle();
    assert.ok(meter.heard.includes('R5 P.01(02401010000;)'));
    assert.ok(result.loadProfile);
    assert.ok(result.loadProfile.blocks > 2);
    assert.equal(meter.heard.filter((entry) => entry === 'ACK').length, result.loadProfile.blocks - 1);
    const profile = result.loadProfile.readout.loadProfiles?.[0];
    assert.equal(profile?.rows.length, 3);
    assert.equal(profile?.rows[2].values[0].value, 0.9);
    assert.equal(meter.heard.at(-1), 'B0');
  });

  it('asks for a block with a bad BCC again (NAK), a bounded number of times', async () => {
    const once = await setup({ badBccCount: 1 });
    const result = await once.client.program({ password: PASSWORD, registers: ['1.8.0'] });
    assert.equal(result.registers[0].bcc.valid, true);
    assert.ok(once.meter.heard.includes('NAK'));
    const always = await setup({ badBccCount: 99 });
    await assert.rejects(always.client.program({ password: PASSWORD, registers: ['1.8.0'], maxBlockRepeats: 2, retries: 0 }), (error: MeterError) => error.code === 66053);
    await settle();
    assert.equal(always.meter.heard.filter((entry) => entry === 'NAK').length, 2);
    assert.equal(always.meter.heard.at(-1), 'B0');
  });

  for (const wrongPassword of ['nak', 'break'] as const) {
    it(`fails a rejected password (${wrongPassword}) with E_PASSWORD_REJECTED, never showing the password, and still sends B0`, async () => {
      const { client, meter } = await setup({ wrongPassword, password: 'other' });
      const error = await client.program({ password: PASSWORD, registers: ['1.8.0'] }).then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof MeterError);
      assert.equal(error.code, 'E_PASSWORD_REJECTED');
      assert.equal(error.details.attempts, 1);
      assert.ok(!JSON.stringify(error.toJSON()).includes(PASSWORD));
      assert.ok(!error.message.includes(PASSWORD));
      await settle();
      assert.deepEqual(meter.heard, ['request /?!', 'option 051', 'P1', 'B0']);
    });
  }

  it('never puts the password into an error, even when the line echoes it and the session then fails', async () => {
    const { client } = await setup({ echo: true, password: 'other', wrongPassword: 'nak' });
    const error = await client.program({ password: PASSWORD }).catch((e: unknown) => e);
    assert.ok(error instanceof MeterError);
    assert.ok(!JSON.stringify(error.toJSON()).includes(PASSWORD));
  });

  it('refuses bad register names and load-profile bounds before writing anything', async () => {
    const { client, clientEnd } = await setup();
    await assert.rejects(client.program({ registers: ['1.8(0)'] }), (e: MeterError) => e.code === 'E_BAD_ARGUMENT');
    await assert.rejects(client.program({ loadProfile: { from: '2401010000', to: '' } }), (e: MeterError) => e.code === 'E_BAD_ARGUMENT');
    assert.equal(clientEnd.written.length, 0);
  });
});

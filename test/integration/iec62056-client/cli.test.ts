import assert from 'node:assert/strict';
import { parseReadCommand, runReadCommand } from '../../../bin/iec62056-read';
import type { ProgramResult, ReadoutResult } from '../../../src/iec62056/client';
import { MeterSimServer, meterProfile } from '../../../src/sim/meter';
import { SIM_OPTIONS } from './sim-fixtures';

describe('iec62056-read (command line)', () => {
  it('turns options into a serial 7E1 endpoint and a readout', () => {
    const command = parseReadCommand(['--serial', '/dev/ttyUSB0', '--max-baud', '4800', '--mode', 'C']);
    assert.deepEqual(command.endpoint, { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 300, dataBits: 7, parity: 'even', stopBits: 1 });
    assert.equal(command.action, 'readout');
    assert.equal(command.options.maxBaudRate, 4800);
  });

  it('takes the password from IEC_PASSWORD and switches to programming mode for registers or a load profile', () => {
    const command = parseReadCommand(['--tcp', 'gw:4001', '--registers', '1.8.0, 2.8.0', '--load-profile', '02401010000,'], { IEC_PASSWORD: 'pw' });
    assert.equal(command.action, 'program');
    assert.deepEqual(command.endpoint, { kind: 'tcp', host: 'gw', port: 4001 });
    assert.equal(command.options.password, 'pw');
    assert.deepEqual(command.options.registers, ['1.8.0', '2.8.0']);
    assert.deepEqual(command.options.loadProfile, { from: '02401010000', to: '' });
  });

  it('rejects a missing or doubled endpoint and bad numbers with E_BAD_ARGUMENT', () => {
    for (const argv of [[], ['--serial', 'a', '--tcp', 'b:1'], ['--tcp', 'nohost'], ['--serial', 'a', '--max-baud', 'fast']]) {
      assert.throws(() => parseReadCommand(argv), (error: { code?: unknown }) => error.code === 'E_BAD_ARGUMENT');
    }
  });

  it('takes the answer bounds: --max-answer-bytes, --max-blocks, --listen-timeout', () => {
    const command = parseReadCommand(['--tcp', 'gw:4001', '--max-answer-bytes', '4096', '--max-blocks', '8', '--listen-timeout', '5000']);
    assert.equal(command.options.maxAnswerBytes, 4096);
    assert.equal(command.options.maxPartialBlocks, 8);
    assert.equal(command.options.listenTimeoutMs, 5000);
  });

  it('with the default --mode auto reads a push (mode D) meter over TCP as mode D, speed unknown (it used to hang)', async function () {
    this.timeout(30_000);
    const server = new MeterSimServer(meterProfile('modeD', { push: { intervalMs: 200 } }), SIM_OPTIONS);
    const { port } = await server.start();
    try {
      const result = (await runReadCommand(parseReadCommand(['--tcp', `127.0.0.1:${port}`]))) as ReadoutResult;
      assert.equal(result.mode, 'D');
      assert.equal(result.baudRate, null);
      assert.equal(result.identification.manufacturer, 'EBZ');
    } finally {
      await server.stop();
    }
  });

  it('reads registers from a simulated meter over TCP', async () => {
    const profile = meterProfile('programming');
    const server = new MeterSimServer(profile, SIM_OPTIONS);
    const { port } = await server.start();
    try {
      const command = parseReadCommand(['--tcp', `127.0.0.1:${port}`, '--address', profile.address, '--registers', '1.8.0'], { IEC_PASSWORD: profile.programming?.password });
      const result = (await runReadCommand(command)) as ProgramResult;
      assert.equal(result.passwordAccepted, true);
      assert.ok(result.registers[0].readout.values['1.8.0']);
    } finally {
      await server.stop();
    }
  });
});

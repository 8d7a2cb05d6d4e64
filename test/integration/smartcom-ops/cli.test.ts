import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SmartcomSimulator } from '../../../src/sim/smartcom';
import type { AmsTable } from '../../../src/smartcom/scams';

/** The built command line, relative to this test's built file. */
const CLI = path.resolve(__dirname, '../../../bin/smartcom.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process (asynchronously: the simulator runs in this process). */
function smartcom(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('smartcom command line (child process against the simulator)', () => {
  let sim: SmartcomSimulator;
  let tcp: string;
  let dir: string;
  beforeEach(async () => {
    sim = new SmartcomSimulator({ clock: { speed: 0 }, login: { username: 'admin', password: 's3cret' } });
    tcp = `127.0.0.1:${(await sim.start()).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'smartcom-cli-'));
  });
  afterEach(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const login = ['--login', 'admin'];
  const env = { SMARTCOM_PASSWORD: 's3cret' };

  it('syncs a table file, then reads the table back as JSON', async () => {
    sim.addMeter({ port: 2, protocol: 'IEC62056-21', address: 'OLD', interval: '1M' });
    const file = path.join(dir, 'table.json');
    writeFileSync(file, JSON.stringify([
      { port: 2, protocol: 'IEC62056-21', address: '947834', interval: '15m' },
      { port: 128, protocol: 'AIN_DIN', address: '2/PULSE/REL', interval: '1H' },
    ]));
    const dry = await smartcom(['--tcp', tcp, ...login, 'ams', 'sync', '--file', file, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(JSON.parse(dry.stdout).steps.length, 3);
    assert.equal(sim.table().length, 1, 'a dry run changes nothing');

    const sync = await smartcom(['--tcp', tcp, ...login, 'ams', 'sync', '--file', file], env);
    assert.equal(sync.code, 0, sync.stderr);
    assert.deepEqual(sim.table().map((entry) => entry.address), ['947834', '2/PULSE/REL']);

    const status = await smartcom(['--tcp', tcp, ...login, 'ams', 'status'], env);
    assert.equal(status.code, 0, status.stderr);
    const table = JSON.parse(status.stdout) as AmsTable;
    assert.deepEqual(table.devices.map((device) => `${device.index} ${device.address} ${device.interval}`), ['1 947834 15M', '2 2/PULSE/REL 1H']);
  });

  it('syncs the output of "ams status" back unchanged (indexes ignored), sending only the read', async () => {
    sim.addMeter({ port: 2, protocol: 'MBUS', address: '1@2400', interval: '1D' });
    const status = await smartcom(['--tcp', tcp, ...login, 'ams', 'status'], env);
    const file = path.join(dir, 'status.json');
    writeFileSync(file, status.stdout);
    const logged = sim.commandLog.length;
    const sync = await smartcom(['--tcp', tcp, ...login, 'ams', 'sync', '--file', file], env);
    assert.equal(sync.code, 0, sync.stderr);
    assert.deepEqual(JSON.parse(sync.stdout).steps, []);
    assert.deepEqual(sim.commandLog.slice(logged).map((entry) => entry.line), ['ATE0', 'AT^SCAMS?']);
  });

  it('fails with exit status 1 and the error code as JSON on stderr', async () => {
    const refused = await smartcom(['--tcp', tcp, ...login, 'port', 'set', '2', '--parity', 'mark'], env);
    assert.equal(refused.code, 1);
    assert.equal(JSON.parse(refused.stderr).error.code, 'E_BAD_ARGUMENT');
    const noPassword = await smartcom(['--tcp', tcp, ...login, 'ams', 'status']);
    assert.equal(noPassword.code, 1);
    assert.equal(JSON.parse(noPassword.stderr).error.code, 'E_LOGIN_FAILED');
  });
});

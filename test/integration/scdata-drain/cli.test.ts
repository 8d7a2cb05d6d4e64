import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SmartcomSimulator } from '../../../src/sim/smartcom';
import { range, storeRecords } from './helpers';

const CLI = path.resolve(__dirname, '../../../bin/smartcom.js');

function smartcom(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('smartcom data (command line against the simulator)', () => {
  let sim: SmartcomSimulator;
  let tcp: string;
  let dir: string;
  beforeEach(async () => {
    sim = new SmartcomSimulator({ clock: { speed: 0 } });
    tcp = `127.0.0.1:${(await sim.start()).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'smartcom-data-'));
  });
  afterEach(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts, reads the free space and the oldest n without deleting', async () => {
    storeRecords(sim, 3);
    assert.deepEqual(JSON.parse((await smartcom(['--tcp', tcp, 'data', 'count'])).stdout), { count: 3 });
    assert.deepEqual(JSON.parse((await smartcom(['--tcp', tcp, 'data', 'space'])).stdout), { freeBytes: 997 * 512 });
    const oldest = JSON.parse((await smartcom(['--tcp', tcp, 'data', 'oldest', '2'])).stdout) as { sequence: number }[];
    assert.deepEqual(oldest.map((record) => record.sequence), [1, 2]);
    assert.equal(sim.records().length, 3);
  });

  it('drains into a JSON Lines file (appending), deleting only what was written', async () => {
    storeRecords(sim, 12);
    const file = path.join(dir, 'records.jsonl');
    writeFileSync(file, '{"earlier":true}\n');
    const run = await smartcom(['--tcp', tcp, 'data', 'drain', '--out', file, '--batch', '5']);
    assert.equal(run.code, 0, run.stderr);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { sequence?: number });
    assert.equal(lines.length, 13);
    assert.deepEqual(lines.slice(1).map((record) => record.sequence), range(1, 12));
    assert.equal(JSON.parse(run.stdout).deleted, 12);
    assert.equal(sim.records().length, 0);
  });

  it('deletes nothing when the file cannot be written', async () => {
    storeRecords(sim, 2);
    const run = await smartcom(['--tcp', tcp, 'data', 'drain', '--out', path.join(dir, 'missing', 'records.jsonl')]);
    assert.equal(run.code, 1);
    assert.equal(sim.records().length, 2);
  });
});

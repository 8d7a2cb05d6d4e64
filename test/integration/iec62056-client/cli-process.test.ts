import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MeterSimServer, meterProfile } from '../../../src/sim/meter';
import { unusedPort } from '../../unit/transport/line-server';
import { SIM_OPTIONS } from './sim-fixtures';

/** The built command, relative to this test's built file. */
const CLI = path.resolve(__dirname, '../../../bin/iec62056-read.js');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs iec62056-read with its stdout a real pipe (`| cat`), the way a shell script uses it: a pipe
 * takes 64 KiB at a time, so output still queued when the process exits is lost.
 */
function readThroughPipe(args: string[]): Promise<Finished> {
  const command = `"${process.execPath}" "${CLI}" ${args.map((arg) => `'${arg}'`).join(' ')} | cat; exit \${PIPESTATUS[0]}`;
  const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

describe('iec62056-read (as a process, stdout a pipe)', function () {
  this.timeout(60_000);

  it('prints the whole JSON of a large readout (far beyond 64 KiB) and exits 0', async () => {
    const server = new MeterSimServer(meterProfile('iskraLarge'), SIM_OPTIONS);
    const { port } = await server.start();
    try {
      const run = await readThroughPipe(['--tcp', `127.0.0.1:${port}`, '--no-baud-switch']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.length > 128 * 1024, `expected a large result, got ${run.stdout.length} characters`);
      const result = JSON.parse(run.stdout) as { identification?: unknown };
      assert.ok(result.identification, 'the parsed JSON is the readout');
    } finally {
      await server.stop();
    }
  });

  it('exits non-zero with the error on stderr when the meter cannot be reached or the arguments are bad', async () => {
    const refused = await readThroughPipe(['--tcp', `127.0.0.1:${await unusedPort()}`]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /E_CONNECT_FAILED/);
    assert.equal(refused.stdout, '');
    const bad = await readThroughPipe(['--tcp', 'no-port']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /E_BAD_ARGUMENT/);
  });
});

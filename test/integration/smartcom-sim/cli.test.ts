import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { RawClient } from './raw-client';

/** The built CLI, relative to this test's built file (dist/ or any other --outDir). */
const CLI = path.resolve(__dirname, '../../../bin/smartcom-sim.js');

interface RunningCli {
  child: ChildProcess;
  output: () => string;
  waitForOutput: (pattern: RegExp) => Promise<RegExpExecArray>;
}

function runCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const waitForOutput = (pattern: RegExp): Promise<RegExpExecArray> => new Promise((resolve, reject) => {
    const check = (): void => {
      const match = pattern.exec(output);
      if (match) {
        listeners.delete(check);
        resolve(match);
      }
    };
    child.once('exit', () => {
      check();
      reject(new Error(`exited before printing ${pattern}: ${output}`));
    });
    listeners.add(check);
    check();
  });
  return { child, output: () => output, waitForOutput };
}

describe('smartcom-sim command line', () => {
  const children: ChildProcess[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it('prints where it listens (--port 0 = a free port), answers AT commands and logs them', async () => {
    const cli = runCli(['--port', '0', '--no-echo']);
    children.push(cli.child);
    const [, port] = await cli.waitForOutput(/listening on 127\.0\.0\.1:(\d+)/);
    const client = await RawClient.connect(Number(port));
    clients.push(client);
    assert.equal(await client.command('AT'), 'OK\r\n');
    assert.equal(await client.command('AT^SCAMS="RETRY",42'), 'ERROR\r\n');
    await cli.waitForOutput(/#1 AT\^SCAMS="RETRY",42 -> ERROR \(RETRY must be 0-9, got 42\)/);
    assert.match(cli.output(), /#1 AT -> OK/);
  });

  it('seeds the table, asks for a login and uses the chosen line ending', async () => {
    const cli = runCli(['--port', '0', '--login', 'Admin:2n', '--line-ending', 'lf', '--seed-table', '--speed', '0', '--quiet']);
    children.push(cli.child);
    const [, port] = await cli.waitForOutput(/listening on 127\.0\.0\.1:(\d+)/);
    const client = await RawClient.connect(Number(port));
    clients.push(client);
    await client.waitFor(/^Login:\n/);
    client.write('Admin\r2n\r');
    await client.waitFor(/^Password:\nOK\n/);
    assert.equal(await client.command('AT^SCAMS?'), 'AT^SCAMS?\n^SCAMS: "ENABLE",1\n^SCAMS: "RETRY",0\n^SCAMS: "DEV_CNT",3\n'
      + '^SCAMS: 1> 2,"IEC62056-21","947834","1M"\n^SCAMS: 2> 2,"IEC62056-21","869551","3M"\n^SCAMS: 3> 2,"IEC62056-21","000000","5M"\nOK\n');
    assert.doesNotMatch(cli.output(), /AT\^SCAMS\?/, '--quiet logs no commands');
  });

  it('prints --help and exits 0', async () => {
    const cli = runCli(['--help']);
    children.push(cli.child);
    const [code] = await once(cli.child, 'exit');
    assert.equal(code, 0);
    assert.match(cli.output(), /Usage: smartcom-sim/);
    assert.match(cli.output(), /--seed-table/);
  });

  it('exits 1 with a message on a bad option value', async () => {
    const cli = runCli(['--port', 'abc']);
    children.push(cli.child);
    const [code] = await once(cli.child, 'exit');
    assert.equal(code, 1);
    assert.match(cli.output(), /--port must be a whole number/);
  });
});

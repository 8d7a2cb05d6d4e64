import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RawTcpClient, xor7 } from './helpers';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'meter-sim.js');

function run(args: string[]): { child: ChildProcess; firstLine: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`meter-sim exited with ${code}: ${output}`)));
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, firstLine, output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

describe('meter-sim command line', () => {
  it('prints help', async () => {
    const { child, firstLine } = run(['--help']);
    assert.match(await firstLine, /^Usage: meter-sim/);
    await stop(child);
  });

  it('serves a profile on a TCP port with an address and a fault', async () => {
    const { child, firstLine } = run(['--port', '0', '--profile', 'modeC', '--address', '4711', '--no-pacing', '--reaction-ms', '5', '--fault', 'echo']);
    let client: RawTcpClient | undefined;
    try {
      const match = /listening on (\S+):(\d+)/.exec(await firstLine);
      assert.ok(match);
      client = await RawTcpClient.connect(Number(match[2]), match[1]);
      client.send('/?4711!\r\n');
      await client.waitForText('B32\r\n');
      assert.equal(client.received.toString('latin1'), '/?4711!\r\n/LGZ5ZMD3104100.B32\r\n', 'echo, then the identification');
      client.send('\x06050\r\n');
      const block = await client.waitForBlock();
      assert.equal(block.bcc, xor7(block.covered));
    } finally {
      await client?.close();
      await stop(child);
    }
  });

  it('fails with a hint on an unknown fault', async () => {
    const { child, output } = run(['--port', '0', '--fault', 'smoke']);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(output(), /unknown meter fault "smoke"[\s\S]*hint: Use one of: silence/);
  });
});

/**
 * A real Node-RED (the devDependency) in a child process, with this package linked into a temporary user
 * directory as `npm install <path>` would, for tests that drive the editor in a browser.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface RunningNodeRed {
  url: string;
  userDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function prepareUserDir(flows: unknown[], port: number): string {
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'smartcom-editor-'));
  mkdirSync(path.join(userDir, 'node_modules', '@meterflow'), { recursive: true });
  symlinkSync(repoRoot, path.join(userDir, 'node_modules', '@meterflow', 'node-red-smartcom'), 'dir');
  writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({ name: 'editor-test', private: true }));
  writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows));
  const settings = { uiHost: '127.0.0.1', uiPort: port, flowFile: 'flows.json', credentialSecret: false, editorTheme: { tours: false }, telemetry: { enabled: false }, diagnostics: { enabled: false } };
  writeFileSync(path.join(userDir, 'settings.js'), `module.exports = ${JSON.stringify(settings)};\n`);
  return userDir;
}

async function waitForEditor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Node-RED exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/nodes`, { headers: { Accept: 'application/json' } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Node-RED did not start within 60 s:\n${output()}`);
}

export interface StartOptions {
  /** The Node-RED command line to run (its red.js); the installed node-red's by default. */
  redJs?: string;
}

export async function startNodeRed(flows: unknown[], options: StartOptions = {}): Promise<RunningNodeRed> {
  const port = await freePort();
  const userDir = prepareUserDir(flows, port);
  const redJs = options.redJs ?? require.resolve('node-red/red.js');
  const child = spawn(process.execPath, [redJs, '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(userDir, { recursive: true, force: true });
  };
  try {
    await waitForEditor(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, userDir, stop };
}

/**
 * `npm start`'s program (dist/bin/demo.js) as a child process on free loopback ports and a temporary user
 * directory, with its whole output kept for assertions. Every wait is bounded and generous: the demo builds
 * nothing, but Node-RED and the dashboard take seconds to load on a busy 2-core machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const demoJs = path.resolve(__dirname, '..', '..', '..', 'bin', 'demo.js');

export interface DemoPorts {
  nodeRed: number;
  smartcom: number;
  meter: number;
}

export interface RunningDemo {
  child: ChildProcess;
  ports: DemoPorts;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  cleanUp(): Promise<void>;
}

export function freePort(): Promise<number> {
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

/** True when something accepts a TCP connection on the port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` every 500 ms until it returns a value (not undefined) or `limitMs` passes. */
export async function waitFor<T>(what: string, limitMs: number, check: () => Promise<T | undefined>, context: () => string): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs / 1000} s\n--- demo output ---\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startDemo(): Promise<RunningDemo> {
  const ports = { nodeRed: await freePort(), smartcom: await freePort(), meter: await freePort() };
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'smartcom-demo-'));
  const env = {
    ...process.env,
    NODE_RED_PORT: String(ports.nodeRed),
    SMARTCOM_SIM_PORT: String(ports.smartcom),
    METER_SIM_PORT: String(ports.meter),
    SMARTCOM_DEMO_DIR: userDir,
  };
  const child = spawn(process.execPath, [demoJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += `[stderr] ${chunk.toString()}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // SIGINT first: the demo then stops its Node-RED child, which a SIGKILL of the demo would leave running.
  const cleanUp = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(userDir, { recursive: true, force: true });
  };
  return { child, ports, url: `http://127.0.0.1:${ports.nodeRed}`, output: () => log, exited, cleanUp };
}

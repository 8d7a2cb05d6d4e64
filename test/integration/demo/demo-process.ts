/**
 * `npm start`'s program (dist/bin/demo.js) as a child process on free loopback ports and a temporary user
 * directory, with its whole output kept for assertions. Every wait is bounded and generous: the demo builds
 * nothing, but Node-RED and the dashboard take seconds to load on a busy 2-core machine.
 * With `{ command: 'npm start' }` it runs the real command in the repository root instead (the start-up
 * benchmark, bench/demo-start-bench.ts), in a process group of its own: npm, its shell, the demo and Node-RED,
 * which cleanUp() stops as Ctrl-C in a terminal would, by a SIGINT to the whole group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository root, from dist/test/integration/demo/. */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const demoJs = path.join(repoRoot, 'dist', 'bin', 'demo.js');

export interface DemoPorts {
  nodeRed: number;
  smartcom: number;
  meter: number;
}

export interface StartDemoOptions {
  /** 'demo.js' (the default): `node dist/bin/demo.js`. 'npm start': `npm start` in the repository root, in a process group of its own. */
  command?: 'demo.js' | 'npm start';
}

/** How the demo went away in cleanUp(). */
export interface DemoStop {
  /** From the SIGINT until the child (and with 'npm start' every process of its group) was gone; 0 if it had exited already. */
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** SIGKILL was needed: the SIGINT did not end it within the grace time. */
  killed: boolean;
}

export interface RunningDemo {
  child: ChildProcess;
  ports: DemoPorts;
  url: string;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  output(): string;
  exited: Promise<number | null>;
  cleanUp(): Promise<DemoStop>;
}

/** After a SIGINT the demo (and with 'npm start' its process group) has this long to be gone before SIGKILL. */
const STOP_GRACE_MS = 30_000;

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

/** Polls `check` every `intervalMs` until it returns a value (not undefined) or `limitMs` passes. */
export async function waitFor<T>(what: string, limitMs: number, check: () => Promise<T | undefined>, context: () => string, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs / 1000} s\n--- demo output ---\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** True while some process of the group `pgid` exists (signal 0 only checks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(limitMs: number, done: () => boolean): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const viaNpm = options.command === 'npm start';
  const ports = { nodeRed: await freePort(), smartcom: await freePort(), meter: await freePort() };
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'smartcom-demo-'));
  const env = {
    ...process.env,
    NODE_RED_PORT: String(ports.nodeRed),
    SMARTCOM_SIM_PORT: String(ports.smartcom),
    METER_SIM_PORT: String(ports.meter),
    SMARTCOM_DEMO_DIR: userDir,
  };
  const spawnedAt = performance.now();
  const child = viaNpm
    ? spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, [demoJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += `[stderr] ${chunk.toString()}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pgid = child.pid;
  // 'npm start': the whole group, as a terminal's Ctrl-C does (npm passes a signal on to its shell only, not to the demo).
  const signal = (name: NodeJS.Signals): void => {
    if (!viaNpm || pgid === undefined) {
      child.kill(name);
      return;
    }
    try {
      process.kill(-pgid, name);
    } catch {
      // the group is gone already
    }
  };
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const everyoneGone = (): boolean => gone() && (!viaNpm || pgid === undefined || !groupAlive(pgid));
  // SIGINT first: the demo then stops its Node-RED child, which a SIGKILL of the demo would leave running.
  const cleanUp = async (): Promise<DemoStop> => {
    const start = performance.now();
    let killed = false;
    if (!everyoneGone()) {
      signal('SIGINT');
      if (!(await until(STOP_GRACE_MS, everyoneGone))) {
        killed = true;
        signal('SIGKILL');
        if (!(await until(10_000, everyoneGone))) throw new Error(`the demo (pid ${pgid}) is still there after SIGKILL`);
      }
    }
    await exited;
    rmSync(userDir, { recursive: true, force: true });
    return { ms: performance.now() - start, code: child.exitCode, signal: child.signalCode, killed };
  };
  return { child, ports, url: `http://127.0.0.1:${ports.nodeRed}`, spawnedAt, output: () => log, exited, cleanUp };
}

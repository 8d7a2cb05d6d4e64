/**
 * Node-RED (the devDependency) as a child process on the demo's user directory. Its log is passed through line by
 * line; once it listens, `onReady` runs (the demo prints the addresses then, not before they answer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { demoDir } from './config';

export interface NodeRedChild {
  child: ChildProcess;
  /** Resolves with the exit code once the process has gone. */
  exited: Promise<number>;
  /** SIGINT (Node-RED stops its flows and closes its ports), SIGKILL after graceMs if it hangs. */
  stop(graceMs?: number): Promise<number>;
}

export function startNodeRed(settingsFile: string, onReady: () => void): NodeRedChild {
  const redJs = require.resolve('node-red/red.js');
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'no-git-suffix.js'), '-r', path.join(__dirname, 'exit-with-parent.js'), redJs, '--userDir', demoDir, '--settings', settingsFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let ready = false;
  const pass = (stream: NodeJS.ReadableStream, out: NodeJS.WritableStream): void => {
    createInterface({ input: stream }).on('line', (line) => {
      out.write(`${line}\n`);
      if (!ready && line.includes('Server now running at')) {
        ready = true;
        onReady();
      }
    });
  };
  if (child.stdout) pass(child.stdout, process.stdout);
  if (child.stderr) pass(child.stderr, process.stderr);
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const stop = async (graceMs = 15_000): Promise<number> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return { child, exited, stop };
}

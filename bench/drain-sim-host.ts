/**
 * Where the drain benchmark's SmartCOM simulator runs: in this process, or in a child process of its
 * own. A real gateway is another device, so its work never competes with the client's for one thread;
 * the child process is the closer picture. Both ours and the raw replay use the same host kind.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SmartcomSimulator } from '../src/sim/smartcom';
import { fixedDataLines, FIXED_IDENTIFICATION } from '../src/sim/smartcom/fixed-meter';

export interface BenchSimulator {
  readonly port: number;
  /** The command lines the simulator received so far. */
  commandLines(): Promise<string[]>;
  stop(): Promise<void>;
}

export type SimHostKind = 'in-process' | 'child-process';

/** A simulator with `records` stored IEC 62056-21 records, echo off until the client switches it on. */
export async function filledSimulatorHere(records: number): Promise<{ sim: SmartcomSimulator; port: number }> {
  const sim = new SmartcomSimulator({ clock: { speed: 0 }, capacity: records + 100, echo: false });
  const data = `${fixedDataLines('947834').join('\r\n')}\r\n`;
  for (let i = 0; i < records; i++) sim.storeRecord({ protocol: 'IEC62056-21', index: 1, errorCode: 0, identification: FIXED_IDENTIFICATION, data });
  return { sim, port: (await sim.start()).port };
}

export async function startBenchSimulator(kind: SimHostKind, records: number): Promise<BenchSimulator> {
  if (kind === 'child-process') return startInChild(records);
  const { sim, port } = await filledSimulatorHere(records);
  return { port, commandLines: async () => sim.commandLog.map((entry) => entry.line), stop: () => sim.stop() };
}

/** The child's answers: each request gets exactly one reply message, in order. */
type ChildReply = { port: number } | { lines: string[] } | { stopped: true };

async function startInChild(records: number): Promise<BenchSimulator> {
  const child = fork(path.join(__dirname, 'drain-sim-child.js'), [String(records)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ask = (request?: string): Promise<ChildReply> => replyOf(child, request);
  const first = (await ask()) as { port: number };
  return {
    port: first.port,
    commandLines: async () => ((await ask('lines')) as { lines: string[] }).lines,
    stop: async () => {
      await ask('stop');
      child.disconnect();
    },
  };
}

/** Sends `request` (if any) and resolves with the next message; a child that dies or stays silent 30 s fails it. */
function replyOf(child: ChildProcess, request?: string): Promise<ChildReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('drain bench: the simulator child did not answer within 30 s')), 30_000);
    const onMessage = (message: unknown): void => done(() => resolve(message as ChildReply));
    const onExit = (code: number | null): void => fail(new Error(`drain bench: the simulator child exited (${code})`));
    function done(then: () => void): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      then();
    }
    function fail(error: Error): void {
      done(() => reject(error));
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
    if (request) child.send(request);
  });
}

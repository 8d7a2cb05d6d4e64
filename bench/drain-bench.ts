/**
 * Drain throughput through the whole stack (pooled connection, AT channel with echo on, record parser,
 * drainRecords with its confirm-and-delete lease) against the SmartCOM simulator, compared with the
 * simulator's own rate for the SAME command lines: a raw TCP client replays, on a fresh simulator with
 * the same records, every line our connection sent: first (untimed) the connection's set-up (ATE1, AT:
 * so the simulator echoes for the raw client too, as it does for ours), then (timed) the drain's lines,
 * each sent when the previous one's final result arrived. The records' `readout` is parsed lazily and
 * the bench's deliver does not read it, so no IEC parsing is timed (the raw client parses nothing either).
 * Untimed warm-up rounds first: a drain is only 163 commands, and measured drain by drain our process
 * keeps getting faster for about twenty drains (V8 optimizes the many small functions of the pool, the
 * AT channel and the parsers only after some hundreds of calls each). The raw client's few lines are hot
 * at once. Node-RED runs for days, so the steady state is the fair figure; each simulator is a fresh
 * process (cold) for both sides alike.
 *
 * The headline runs the simulator in a process of its own, as a gateway is a device of its own; the
 * same figure with the simulator sharing our thread is reported beside it (there the simulator's and
 * our work add up on one core, which no real installation has). Target: ours / raw >= 0.9.
 */
import { connect } from 'node:net';
import type { AtChannel } from '../src/at/channel';
import { createAtDriver } from '../src/at/driver';
import { Connection } from '../src/pool/connection';
import { drainRecords } from '../src/smartcom/drain';
import { startBenchSimulator, type SimHostKind } from './drain-sim-host';

export interface DrainFigures {
  oursPerSecond: number;
  rawPerSecond: number;
  ratio: number;
  oursMs: number[];
  rawMs: number[];
}

export interface DrainBenchmarkResult extends DrainFigures {
  records: number;
  batchSize: number;
  rounds: number;
  /** The same measurement with the simulator in this process (sharing the client's thread). */
  inProcess: DrainFigures;
  notes: string;
}

const RECORDS = 2000;
const BATCH = 50;
const ROUNDS = 9;
/** Untimed rounds before the timed ones (JIT warm-up of our process: see above). */
const WARMUP_ROUNDS = 15;

/** Ours: one drain of RECORDS records; returns the wall time, the connection's set-up lines and the drain's lines. */
async function oursOnce(host: SimHostKind): Promise<{ ms: number; setup: string[]; lines: string[] }> {
  const sim = await startBenchSimulator(host, RECORDS);
  const { port } = sim;
  const connection = new Connection<AtChannel>({
    endpoint: { kind: 'tcp', host: '127.0.0.1', port }, driver: createAtDriver({ loginTimeoutMs: 5000, commandTimeoutMs: 5000, loginQuietMs: 0 }),
    queueLimit: 10, reconnect: { initialDelayMs: 50, maxDelayMs: 200, factor: 2, jitter: 0 }, keepAliveMs: 0, connectTimeoutMs: 5000,
  });
  connection.addUser('bench');
  await connection.lease(async () => undefined, { timeoutMs: 5000 });
  const from = (await sim.commandLines()).length;
  const start = performance.now();
  const result = await drainRecords(connection, () => undefined, { batchSize: BATCH });
  const ms = performance.now() - start;
  if (result.deleted !== RECORDS) throw new Error(`drain bench: deleted ${result.deleted} of ${RECORDS}`);
  const logged = await sim.commandLines();
  const setup = logged.slice(0, from);
  const lines = logged.slice(from);
  await connection.closeAllUsers();
  await sim.stop();
  return { ms, setup, lines };
}

/**
 * The simulator's own rate: the same lines from a raw socket, each sent when the previous one's final
 * result arrived; the set-up lines (echo on) go first and are not timed, as ours are not.
 */
async function rawOnce(host: SimHostKind, setup: readonly string[], lines: readonly string[]): Promise<number> {
  const sim = await startBenchSimulator(host, RECORDS);
  const socket = connect(sim.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let buffered = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    if (/(^|\n)(OK|ERROR[^\r\n]*)\r\n$/.test(buffered)) {
      buffered = '';
      waiting?.();
    }
  });
  const replay = async (each: readonly string[]): Promise<void> => {
    for (const line of each) {
      await new Promise<void>((resolve) => {
        waiting = resolve;
        socket.write(`${line}\r`);
      });
    }
  };
  await replay(setup);
  const start = performance.now();
  await replay(lines);
  const ms = performance.now() - start;
  socket.destroy();
  await sim.stop();
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternating rounds of ours and the raw replay, with the simulator on the given host kind. */
async function measure(host: SimHostKind): Promise<DrainFigures & { commands: number }> {
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  let commands = 0;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const run = await oursOnce(host);
    const raw = await rawOnce(host, run.setup, run.lines);
    commands = run.lines.length;
    if (round < WARMUP_ROUNDS) continue;
    oursMs.push(run.ms);
    rawMs.push(raw);
  }
  const oursPerSecond = RECORDS / (median(oursMs) / 1000);
  const rawPerSecond = RECORDS / (median(rawMs) / 1000);
  return { oursPerSecond, rawPerSecond, ratio: oursPerSecond / rawPerSecond, oursMs, rawMs, commands };
}

const msList = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(' ');

export async function runDrainBenchmark(): Promise<DrainBenchmarkResult> {
  const { commands, ...child } = await measure('child-process');
  const { commands: _sameLines, ...inProcess } = await measure('in-process');
  return {
    records: RECORDS, batchSize: BATCH, rounds: ROUNDS, ...child, inProcess,
    notes: `${commands} command lines per drain (ATI4, MESS_CNT, then per round GET_OLDEST n / GET_SPACE, GET_OLDEST 1, DEL_OLDEST n), ` +
      `echo on for both (the raw client first replays the connection's ATE1 and AT, untimed); ${WARMUP_ROUNDS} untimed warm-up rounds. ` +
      `Wall ms per drain, simulator in its own process: ours ${msList(child.oursMs)}, raw ${msList(child.rawMs)}; ` +
      `simulator in our process: ours ${msList(inProcess.oursMs)}, raw ${msList(inProcess.rawMs)}.`,
  };
}

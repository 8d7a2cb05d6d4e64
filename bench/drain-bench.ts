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
 * A third replay shows how far the target can be reached at all on the machine: the raw replay plus the
 * least any drain must do with an answer (find each record's sequence number, one regex over the text).
 * Its ratio to the raw replay is a ceiling for ours: a client cannot do less and still know what it read.
 * Further replays wait (spinning) 10, 20 and 40 us after each answer: they show how much turnaround per
 * command a client may take before its rate falls below the target.
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
  /** The raw replay that also finds every record's sequence number in each answer (the least a drain must do). */
  floorPerSecond: number;
  /** floor / raw: the best ratio any client doing that minimum reached here. */
  floorRatio: number;
  floorMs: number[];
  /** The raw replay waiting `delayUs` (busy) after each answer before its next line: how much client turnaround the rate takes. */
  tolerance: { delayUs: number; ratio: number }[];
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
async function rawOnce(host: SimHostKind, setup: readonly string[], lines: readonly string[], onAnswer?: (text: string) => void): Promise<number> {
  const sim = await startBenchSimulator(host, RECORDS);
  const socket = connect(sim.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let buffered = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    if (/(^|\n)(OK|ERROR[^\r\n]*)\r\n$/.test(buffered)) {
      onAnswer?.(buffered);
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

/** A stored record's sequence number, as the simulator writes records (the floor replay's only work). */
const SEQUENCE = /\^SCDATA: "AMS",\d+,(\d+),/g;

/** The raw replay finding every record's sequence number; fails unless it found at least every record once. */
async function floorOnce(host: SimHostKind, setup: readonly string[], lines: readonly string[]): Promise<number> {
  let found = 0;
  let sum = 0;
  const ms = await rawOnce(host, setup, lines, (text) => {
    for (const match of text.matchAll(SEQUENCE)) {
      found++;
      sum += Number(match[1]);
    }
  });
  if (found < RECORDS || !(sum > 0)) throw new Error(`drain bench: the floor replay found ${found} sequence numbers, expected at least ${RECORDS}`);
  return ms;
}

/** The raw replay with a client that takes `delayUs` (spinning, as work would) after each answer before its next line. */
function delayedOnce(host: SimHostKind, setup: readonly string[], lines: readonly string[], delayUs: number): Promise<number> {
  return rawOnce(host, setup, lines, () => {
    const until = performance.now() + delayUs / 1000;
    while (performance.now() < until);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternating rounds of ours and the raw replay, with the simulator on the given host kind. */
/** Client turnarounds (us) tried by the tolerance replays (simulator in its own process only). */
const TOLERANCE_DELAYS_US = [10, 20, 40];

async function measure(host: SimHostKind, delaysUs: readonly number[] = []): Promise<DrainFigures & { commands: number }> {
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  const floorMs: number[] = [];
  const delayedMs = delaysUs.map((): number[] => []);
  let commands = 0;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const run = await oursOnce(host);
    const raw = await rawOnce(host, run.setup, run.lines);
    const floor = await floorOnce(host, run.setup, run.lines);
    const delayed: number[] = [];
    for (const delayUs of delaysUs) delayed.push(await delayedOnce(host, run.setup, run.lines, delayUs));
    commands = run.lines.length;
    if (round < WARMUP_ROUNDS) continue;
    oursMs.push(run.ms);
    rawMs.push(raw);
    floorMs.push(floor);
    delayed.forEach((ms, index) => delayedMs[index].push(ms));
  }
  const oursPerSecond = RECORDS / (median(oursMs) / 1000);
  const rawPerSecond = RECORDS / (median(rawMs) / 1000);
  const floorPerSecond = RECORDS / (median(floorMs) / 1000);
  return {
    oursPerSecond, rawPerSecond, ratio: oursPerSecond / rawPerSecond, oursMs, rawMs, commands,
    floorPerSecond, floorRatio: floorPerSecond / rawPerSecond, floorMs,
    tolerance: delaysUs.map((delayUs, index) => ({ delayUs, ratio: median(rawMs) / median(delayedMs[index]) })),
  };
}

const msList = (values: number[]): string => values.map((ms) => ms.toFixed(0)).join(' ');

export async function runDrainBenchmark(): Promise<DrainBenchmarkResult> {
  const { commands, ...child } = await measure('child-process', TOLERANCE_DELAYS_US);
  const { commands: _sameLines, ...inProcess } = await measure('in-process');
  return {
    records: RECORDS, batchSize: BATCH, rounds: ROUNDS, ...child, inProcess,
    notes: `${commands} command lines per drain (ATI4, MESS_CNT, then per round GET_OLDEST n / GET_SPACE, GET_OLDEST 1, DEL_OLDEST n), ` +
      `echo on for both (the raw client first replays the connection's ATE1 and AT, untimed); ${WARMUP_ROUNDS} untimed warm-up rounds. ` +
      `Wall ms per drain, simulator in its own process: ours ${msList(child.oursMs)}, raw ${msList(child.rawMs)}, floor ${msList(child.floorMs)}; ` +
      `simulator in our process: ours ${msList(inProcess.oursMs)}, raw ${msList(inProcess.rawMs)}, floor ${msList(inProcess.floorMs)}.`,
  };
}

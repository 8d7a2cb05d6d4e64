/**
 * Drain throughput through the whole stack (pooled connection, AT channel, record parser with
 * parseReadout of every IEC record, drainRecords with its confirm-and-delete lease) against the
 * SmartCOM simulator, compared with the simulator's own rate for the SAME command lines: a raw
 * TCP client replays the lines our drain sent, on a fresh simulator with the same records, waiting
 * only for each final OK. Target: ours / raw >= 0.9.
 */
import { connect } from 'node:net';
import type { AtChannel } from '../src/at/channel';
import { createAtDriver } from '../src/at/driver';
import { Connection } from '../src/pool/connection';
import { SmartcomSimulator } from '../src/sim/smartcom';
import { fixedDataLines, FIXED_IDENTIFICATION } from '../src/sim/smartcom/fixed-meter';
import { drainRecords } from '../src/smartcom/drain';

export interface DrainBenchmarkResult {
  records: number;
  batchSize: number;
  oursPerSecond: number;
  rawPerSecond: number;
  ratio: number;
  rounds: number;
  notes: string;
}

const RECORDS = 2000;
const BATCH = 50;
const ROUNDS = 5;

async function filledSimulator(): Promise<{ sim: SmartcomSimulator; port: number }> {
  const sim = new SmartcomSimulator({ clock: { speed: 0 }, capacity: RECORDS + 100, echo: false });
  const data = `${fixedDataLines('947834').join('\r\n')}\r\n`;
  for (let i = 0; i < RECORDS; i++) sim.storeRecord({ protocol: 'IEC62056-21', index: 1, errorCode: 0, identification: FIXED_IDENTIFICATION, data });
  return { sim, port: (await sim.start()).port };
}

/** Ours: one drain of RECORDS records; returns the wall time and the command lines it sent. */
async function oursOnce(): Promise<{ ms: number; lines: string[] }> {
  const { sim, port } = await filledSimulator();
  const connection = new Connection<AtChannel>({
    endpoint: { kind: 'tcp', host: '127.0.0.1', port }, driver: createAtDriver({ loginTimeoutMs: 5000, commandTimeoutMs: 5000, loginQuietMs: 0 }),
    queueLimit: 10, reconnect: { initialDelayMs: 50, maxDelayMs: 200, factor: 2, jitter: 0 }, keepAliveMs: 0, connectTimeoutMs: 5000,
  });
  connection.addUser('bench');
  await connection.lease(async () => undefined, { timeoutMs: 5000 });
  const from = sim.commandLog.length;
  const start = performance.now();
  const result = await drainRecords(connection, () => undefined, { batchSize: BATCH });
  const ms = performance.now() - start;
  if (result.deleted !== RECORDS) throw new Error(`drain bench: deleted ${result.deleted} of ${RECORDS}`);
  const lines = sim.commandLog.slice(from).map((entry) => entry.line);
  await connection.closeAllUsers();
  await sim.stop();
  return { ms, lines };
}

/** The simulator's own rate: the same lines from a raw socket, each sent when the previous one's OK arrived. */
async function rawOnce(lines: readonly string[]): Promise<number> {
  const { sim, port } = await filledSimulator();
  const socket = connect(port, '127.0.0.1');
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
  const start = performance.now();
  for (const line of lines) {
    await new Promise<void>((resolve) => {
      waiting = resolve;
      socket.write(`${line}\r`);
    });
  }
  const ms = performance.now() - start;
  socket.destroy();
  await sim.stop();
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runDrainBenchmark(): Promise<DrainBenchmarkResult> {
  const ours: number[] = [];
  const raw: number[] = [];
  let commands = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const run = await oursOnce();
    ours.push(run.ms);
    raw.push(await rawOnce(run.lines));
    commands = run.lines.length;
  }
  const oursPerSecond = RECORDS / (median(ours) / 1000);
  const rawPerSecond = RECORDS / (median(raw) / 1000);
  return {
    records: RECORDS, batchSize: BATCH, oursPerSecond, rawPerSecond, ratio: oursPerSecond / rawPerSecond, rounds: ROUNDS,
    notes: `${commands} command lines per drain (ATI4, MESS_CNT, then per round GET_OLDEST n / GET_SPACE, GET_OLDEST 1, DEL_OLDEST n). ` +
      `Wall ms per drain, ours: ${ours.map((ms) => ms.toFixed(0)).join(' ')}; raw replay: ${raw.map((ms) => ms.toFixed(0)).join(' ')}.`,
  };
}

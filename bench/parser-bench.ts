/*
 * Parser throughput: our parseReadout against smartmeter-obis's D0 parsing, on the same bytes, in one run.
 *
 * Fairness rules (both directions): the same Buffers go to both parsers; both are warmed up for the same time
 * before anything is timed; both do their full parse, smartmeter-obis through the checkMessage/handleMessage
 * entry points its transports call, with logging off (debug 0) and a store callback that only counts; no
 * output inside a timed loop. The timing is split into rounds that alternate which parser goes first, so a
 * burst of load on a busy machine hits both; the figures are the medians over the rounds, and the ratio is
 * the median of the per-round ratios.
 *
 * Our headline figure is parseReadout walking `dataSets` (the full ordered result, as this benchmark has always
 * measured it). `values`, the by-address map, is built on first read; smartmeter-obis's only output is such a
 * map, so the figure with `values` read is measured and reported too (fields *WithValues*, and the notes).
 */
import { parseReadout } from '../src/iec62056/readout';
import { buildCorpus, CorpusEntry } from './corpus/telegrams';

/** The part of smartmeter-obis's D0Protocol (lib/protocols/D0Protocol.js, untyped JS) this benchmark drives. */
interface D0ProtocolInstance {
  communicationState: number;
  checkMessage(message: Buffer): boolean;
  handleMessage(message: Buffer): Buffer | null;
}
type D0ProtocolConstructor = new (
  options: Record<string, unknown>,
  store: (error: Error | null, data: Record<string, unknown> | null) => void,
) => D0ProtocolInstance;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module ships no types; the shape is declared above
const D0Protocol = require('smartmeter-obis/lib/protocols/D0Protocol') as D0ProtocolConstructor;

export interface ParserBenchmarkResult {
  /** Median over the rounds: parseReadout, result walked through `dataSets` (`values` not read, so not built). */
  oursMBps: number;
  /** Median over the rounds: parseReadout and one read of `values`, which builds the whole by-address map. */
  oursWithValuesMBps: number;
  obisMBps: number;
  /** Median of the per-round ratios ours / smartmeter-obis. */
  ratio: number;
  /** The same with `values` read. */
  withValuesRatio: number;
  /** Bytes in one pass over the corpus. */
  bytes: number;
  /** Timed passes over the corpus by our parser (headline variant), all rounds. */
  iterations: number;
  obisIterations: number;
  rounds: number;
  /** One line per corpus telegram (what each parser found) and how the comparison was made. */
  notes: string;
}

const noop = (): void => undefined;

/** What a smartmeter-obis store callback saw: stored results (maps of OBIS entries) and errors. */
const obisCounts = { results: 0, errors: 0, entries: 0 };
let countEntries = false;

function store(error: Error | null, data: Record<string, unknown> | null): void {
  if (error) obisCounts.errors++;
  else if (data) {
    obisCounts.results++;
    if (countEntries) obisCounts.entries += Object.keys(data).length; // only in the untimed notes pass
  }
}

/**
 * One telegram through smartmeter-obis the way its transports drive it: checkMessage + handleMessage for the
 * identification (state 2 after a request, 0 for a push), then the data message (regex + prepareResult).
 * Returns the number of results stored (1 when the data message was parsed).
 */
function parseWithSmartmeterObis(bytes: Buffer, push: boolean): number {
  const before = obisCounts.results;
  const protocol = new D0Protocol({ transportSerialBaudrate: 300, debug: 0, logger: noop }, store);
  protocol.communicationState = push ? 0 : 2;
  if (!protocol.checkMessage(bytes)) return 0;
  const rest = protocol.handleMessage(bytes);
  if (rest === null) return 0;
  if (protocol.communicationState === 3) protocol.checkMessage(rest); // the ACK step: data is already there
  protocol.handleMessage(rest);
  return obisCounts.results - before;
}

function parseOnly(bytes: Buffer): number {
  return parseReadout(bytes).dataSets.length;
}

/** Parse and read one entry of `values`, which builds the whole map. */
function parseWithValues(bytes: Buffer): number {
  const readout = parseReadout(bytes);
  const first = readout.dataSets[0];
  return first !== undefined && readout.values[first.address] === first ? readout.dataSets.length : -1;
}

interface Timing {
  seconds: number;
  passes: number;
  sink: number;
}

type Parse = (entry: CorpusEntry) => number;

/** Whole passes over the corpus until `seconds` have gone by. */
function timePasses(corpus: readonly CorpusEntry[], parse: Parse, seconds: number): Timing {
  let sink = 0;
  const start = process.hrtime.bigint();
  const target = BigInt(Math.round(seconds * 1e9));
  let passes = 0;
  let elapsed = 0n;
  while (elapsed < target) {
    for (let k = 0; k < corpus.length; k++) sink += parse(corpus[k]);
    passes++;
    elapsed = process.hrtime.bigint() - start;
  }
  return { seconds: Number(elapsed) / 1e9, passes, sink };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const isPush = (entry: CorpusEntry): boolean => entry.bytes.indexOf(0x02) < 0;

function describeCorpus(corpus: readonly CorpusEntry[]): string[] {
  countEntries = true;
  const notes = corpus.map((entry) => {
    const readout = parseReadout(entry.bytes);
    const integrity = readout.bcc ? `BCC ${readout.bcc.valid ? 'ok' : 'BAD'}` : readout.crc ? `CRC ${readout.crc.valid ? 'ok' : 'BAD'}` : 'no checksum';
    const entriesBefore = obisCounts.entries;
    const stored = parseWithSmartmeterObis(entry.bytes, isPush(entry));
    return (
      `${entry.name}: ${entry.bytes.length} B, ours ${readout.dataSets.length} data sets (${integrity}, ${readout.diagnostics.length} diagnostics), ` +
      `smartmeter-obis ${stored === 1 ? obisCounts.entries - entriesBefore : 'no'} OBIS entries (it merges duplicate codes)`
    );
  });
  countEntries = false;
  return notes;
}

/**
 * @param targetSeconds timed seconds per parser variant, split over `rounds` rounds (plus the same warm-up each).
 */
export async function runParserBenchmark(targetSeconds = 2, rounds = 9): Promise<ParserBenchmarkResult> {
  const corpus = buildCorpus();
  const bytes = corpus.reduce((total, entry) => total + entry.bytes.length, 0);
  const notes = describeCorpus(corpus);
  const variants: Parse[] = [(entry) => parseOnly(entry.bytes), (entry) => parseWithValues(entry.bytes), (entry) => parseWithSmartmeterObis(entry.bytes, isPush(entry))];
  await new Promise((resolve) => setImmediate(resolve));
  const warmUp = variants.map((parse) => timePasses(corpus, parse, Math.max(0.3, targetSeconds / 4)));
  const timings: Timing[][] = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that neither parser always runs right after the other's garbage.
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const v of order) timings[v].push(timePasses(corpus, variants[v], targetSeconds / rounds));
  }
  const mbps = (t: Timing): number => (bytes * t.passes) / t.seconds / 1e6;
  const [ours, withValues, obis] = timings.map((runs) => runs.map(mbps));
  const ratios = ours.map((value, round) => value / obis[round]);
  const withValuesRatios = withValues.map((value, round) => value / obis[round]);
  const sinks = timings.map((runs, v) => runs.reduce((sum, t) => sum + t.sink, warmUp[v].sink));
  notes.push(
    'Ours also checks the BCC/CRC, strips parity, keeps duplicates and builds load profiles; smartmeter-obis does none of these.',
    'smartmeter-obis is driven through checkMessage/handleMessage as its transports do (identification, then data message).',
    `Reading \`values\` (the by-address map, built on first read) as well: ${median(withValues).toFixed(1)} MB/s, ${median(withValuesRatios).toFixed(1)}x smartmeter-obis.`,
    `Per-round MB/s, ours: ${ours.map((v) => v.toFixed(0)).join(' ')}; with values: ${withValues.map((v) => v.toFixed(0)).join(' ')}; smartmeter-obis: ${obis.map((v) => v.toFixed(1)).join(' ')}.`,
    `Result sinks (anti dead-code): ours ${sinks[0]} / ${sinks[1]}, smartmeter-obis ${sinks[2]} results, ${obisCounts.errors} errors.`,
  );
  return {
    oursMBps: median(ours),
    oursWithValuesMBps: median(withValues),
    obisMBps: median(obis),
    ratio: median(ratios),
    withValuesRatio: median(withValuesRatios),
    bytes,
    iterations: timings[0].reduce((sum, t) => sum + t.passes, 0),
    obisIterations: timings[2].reduce((sum, t) => sum + t.passes, 0),
    rounds,
    notes: notes.join('; '),
  };
}

if (require.main === module) {
  runParserBenchmark().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/*
 * Parser throughput: our parseReadout against smartmeter-obis's D0 parsing, on the same bytes, in one run.
 * Each parser is warmed up, then timed over whole passes of the corpus until about one second has gone by.
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
  oursMBps: number;
  obisMBps: number;
  /** oursMBps / obisMBps */
  ratio: number;
  /** Bytes in one pass over the corpus. */
  bytes: number;
  /** Timed passes over the corpus by our parser. */
  iterations: number;
  obisIterations: number;
  /** One line per corpus telegram (what each parser found) and how the comparison was made. */
  notes: string;
}

const noop = (): void => undefined;

/**
 * One telegram through smartmeter-obis the way its transports drive it: checkMessage + handleMessage for the
 * identification (state 2 after a request, 0 for a push), then the data message (regex + prepareResult).
 * Returns the number of OBIS entries it stored.
 */
function parseWithSmartmeterObis(bytes: Buffer, push: boolean): number {
  let stored = 0;
  const protocol = new D0Protocol({ transportSerialBaudrate: 300, debug: 0, logger: noop }, (error, data) => {
    if (!error && data) stored += Object.keys(data).length;
  });
  protocol.communicationState = push ? 0 : 2;
  if (!protocol.checkMessage(bytes)) return 0;
  const rest = protocol.handleMessage(bytes);
  if (rest === null) return 0;
  if (protocol.communicationState === 3) protocol.checkMessage(rest); // the ACK step: data is already there
  protocol.handleMessage(rest);
  return stored;
}

function parseWithOurs(bytes: Buffer): number {
  return parseReadout(bytes).dataSets.length;
}

interface Timing {
  seconds: number;
  passes: number;
  sink: number;
}

function timePasses(corpus: readonly CorpusEntry[], parse: (entry: CorpusEntry) => number, targetSeconds: number): Timing {
  let sink = 0;
  for (let warm = 0; warm < 200; warm++) for (const entry of corpus) sink += parse(entry);
  const start = process.hrtime.bigint();
  const target = BigInt(Math.round(targetSeconds * 1e9));
  let passes = 0;
  let elapsed = 0n;
  while (elapsed < target) {
    for (const entry of corpus) sink += parse(entry);
    passes++;
    elapsed = process.hrtime.bigint() - start;
  }
  return { seconds: Number(elapsed) / 1e9, passes, sink };
}

const isPush = (entry: CorpusEntry): boolean => entry.bytes.indexOf(0x02) < 0;

export async function runParserBenchmark(targetSeconds = 1): Promise<ParserBenchmarkResult> {
  const corpus = buildCorpus();
  const bytes = corpus.reduce((total, entry) => total + entry.bytes.length, 0);
  const notes: string[] = [];
  for (const entry of corpus) {
    const readout = parseReadout(entry.bytes);
    const integrity = readout.bcc ? `BCC ${readout.bcc.valid ? 'ok' : 'BAD'}` : readout.crc ? `CRC ${readout.crc.valid ? 'ok' : 'BAD'}` : 'no checksum';
    notes.push(
      `${entry.name}: ${entry.bytes.length} B, ours ${readout.dataSets.length} data sets (${integrity}, ${readout.diagnostics.length} diagnostics), ` +
        `smartmeter-obis ${parseWithSmartmeterObis(entry.bytes, isPush(entry))} OBIS entries (it merges duplicate codes)`,
    );
  }
  await new Promise((resolve) => setImmediate(resolve));
  const ours = timePasses(corpus, (entry) => parseWithOurs(entry.bytes), targetSeconds);
  const obis = timePasses(corpus, (entry) => parseWithSmartmeterObis(entry.bytes, isPush(entry)), targetSeconds);
  const oursMBps = (bytes * ours.passes) / ours.seconds / 1e6;
  const obisMBps = (bytes * obis.passes) / obis.seconds / 1e6;
  notes.push(
    'Ours also checks the BCC/CRC, strips parity, keeps duplicates and builds load profiles; smartmeter-obis does none of these.',
    'smartmeter-obis is driven through checkMessage/handleMessage as its transports do (identification, then data message).',
    `Result sinks (anti dead-code): ours ${ours.sink}, smartmeter-obis ${obis.sink}.`,
  );
  return { oursMBps, obisMBps, ratio: oursMBps / obisMBps, bytes, iterations: ours.passes, obisIterations: obis.passes, notes: notes.join('; ') };
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

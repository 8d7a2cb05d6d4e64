/**
 * `npm run bench`: runs every benchmark and writes bench/results.md with the figures, the command and the machine.
 * Targets (from the issues): parser >= 50 MB/s and >= 10x smartmeter-obis; readout wall time <= 1.05x the protocol minimum;
 * drain records/s >= 0.9x the simulator's own rate for the same command lines.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFrameReaderBenchmark } from './frame-reader-bench';
import { runDrainBenchmark } from './drain-bench';
import { runParserBenchmark } from './parser-bench';
import { runReadoutBenchmark } from './readout-bench';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'MISSES target';
}

async function main(): Promise<void> {
  const parser = await runParserBenchmark();
  const readout = await runReadoutBenchmark();
  const frameReader = runFrameReaderBenchmark();
  const drain = await runDrainBenchmark();
  const drainOk = drain.ratio >= 0.9;
  const parserOk = parser.oursMBps >= 50 && parser.ratio >= 10;
  const parserWithValuesOk = parser.oursWithValuesMBps >= 50 && parser.withValuesRatio >= 10;
  const readoutOk = readout.ratio <= 1.05;
  const lines = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` (which runs \`node dist/bench/run.js\`) on ${new Date().toISOString()}.`,
    `Machine: ${machine()}.`,
    '',
    '## Parser throughput (`parseReadout` vs smartmeter-obis, same bytes, one run)',
    '',
    `Medians of ${parser.rounds} alternating rounds over a ${parser.bytes}-byte corpus. Target: >= 50 MB/s and >= 10x smartmeter-obis.`,
    '',
    '| parser | MB/s | ratio | target |',
    '|---|---|---|---|',
    `| parseReadout, result used through \`dataSets\` | ${parser.oursMBps.toFixed(1)} | ${parser.ratio.toFixed(1)}x | ${verdict(parserOk)} |`,
    `| parseReadout, and the by-address \`values\` map read as well | ${parser.oursWithValuesMBps.toFixed(1)} | ${parser.withValuesRatio.toFixed(1)}x | ${verdict(parserWithValuesOk)} |`,
    `| smartmeter-obis (checkMessage/handleMessage) | ${parser.obisMBps.toFixed(2)} | 1x | |`,
    '',
    '`values` is built on first read, so a caller that only walks `dataSets` does not pay for it; smartmeter-obis',
    'always builds its by-code map. Both rows are the same run.',
    '',
    parser.notes ? `Notes: ${parser.notes}` : '',
    '',
    '## Readout efficiency (mode C, 300 Bd then 9600 Bd, paced meter simulator over TCP)',
    '',
    `Data message: ${readout.bytes} bytes. Wall time ${readout.wallMs.toFixed(0)} ms; protocol minimum ${readout.minimumMs.toFixed(0)} ms`,
    `(every byte's wire time at its baud rate plus the mandated reaction times).`,
    `Ratio: ${readout.ratio.toFixed(3)}. Target: <= 1.05: ${verdict(readoutOk)}.`,
    readout.notes ? `Notes: ${readout.notes}` : '',
    '',
    `## FrameReader on one long data message in ${frameReader.chunk}-byte chunks`,
    '',
    'The reader does linear work: MB/s should be about flat across frame sizes, and bytes looked at per byte about 1.',
    '',
    '| frame | frames fed | MB/s | bytes looked at per byte |',
    '|---|---|---|---|',
    ...frameReader.rows.map((row) => `| ${row.frameBytes / 1000} kB | ${row.frames} | ${row.MBps.toFixed(1)} | ${row.scannedPerByte.toFixed(3)} |`),
    '',
    '## Record drain (drainRecords through the pooled connection against the SmartCOM simulator)',
    '',
    `${drain.records} IEC 62056-21 records, ${drain.batchSize} per round, medians of ${drain.rounds} alternating runs.`,
    `Ours: ${drain.oursPerSecond.toFixed(0)} records/s. The simulator's own rate for the same command lines (a raw socket`,
    `replaying them, waiting only for each OK): ${drain.rawPerSecond.toFixed(0)} records/s.`,
    `Ratio: ${drain.ratio.toFixed(3)}. Target: >= 0.9: ${verdict(drainOk)}.`,
    `Notes: ${drain.notes}`,
    '',
  ];
  const file = path.resolve(__dirname, '..', '..', 'bench', 'results.md');
  writeFileSync(file, lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\nwritten to ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

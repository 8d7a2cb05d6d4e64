/**
 * `npm run bench`: runs every benchmark and writes bench/results.md with the figures, the command and the machine.
 * `npm run bench -- demo-start drain` (or `node dist/bench/run.js demo-start drain`) runs only the sections named and
 * prints them, leaving bench/results.md alone.
 * Targets (from the issues): parser >= 50 MB/s and >= 10x smartmeter-obis; readout wall time <= 1.05x the protocol minimum;
 * drain records/s >= 0.9x the simulator's own rate for the same command lines; `npm start` <= 60 s to a meter value on
 * the dashboard.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFrameReaderBenchmark } from './frame-reader-bench';
import { runDemoStartBenchmark } from './demo-start-bench';
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

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** One section of bench/results.md: its name on the command line and how to measure it into markdown lines. */
interface Section {
  name: string;
  run(): Promise<string[]>;
}

const SECTIONS: readonly Section[] = [
  {
    name: 'parser',
    run: async () => {
      const parser = await runParserBenchmark();
      const parserOk = parser.oursMBps >= 50 && parser.ratio >= 10;
      const parserWithValuesOk = parser.oursWithValuesMBps >= 50 && parser.withValuesRatio >= 10;
      return [
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
      ];
    },
  },
  {
    name: 'readout',
    run: async () => {
      const readout = await runReadoutBenchmark();
      const readoutOk = readout.ratio <= 1.05;
      return [
        '## Readout efficiency (mode C, 300 Bd then 9600 Bd, paced meter simulator over TCP)',
        '',
        `Data message: ${readout.bytes} bytes. Wall time ${readout.wallMs.toFixed(0)} ms; protocol minimum ${readout.minimumMs.toFixed(0)} ms`,
        `(every byte's wire time at its baud rate plus the mandated reaction times).`,
        `Ratio: ${readout.ratio.toFixed(3)}. Target: <= 1.05: ${verdict(readoutOk)}.`,
        readout.notes ? `Notes: ${readout.notes}` : '',
        '',
      ];
    },
  },
  {
    name: 'frame-reader',
    run: async () => {
      const frameReader = runFrameReaderBenchmark();
      return [
        `## FrameReader on one long data message in ${frameReader.chunk}-byte chunks`,
        '',
        'The reader does linear work: MB/s should be about flat across frame sizes, and bytes looked at per byte about 1.',
        '',
        '| frame | frames fed | MB/s | bytes looked at per byte |',
        '|---|---|---|---|',
        ...frameReader.rows.map((row) => `| ${row.frameBytes / 1000} kB | ${row.frames} | ${row.MBps.toFixed(1)} | ${row.scannedPerByte.toFixed(3)} |`),
        '',
      ];
    },
  },
  {
    name: 'drain',
    run: async () => {
      const drain = await runDrainBenchmark();
      const drainOk = drain.ratio >= 0.9;
      return [
        '## Record drain (drainRecords through the pooled connection against the SmartCOM simulator)',
        '',
        `${drain.records} IEC 62056-21 records, ${drain.batchSize} per round, medians of ${drain.rounds} alternating runs.`,
        'The simulator runs in a process of its own, as a gateway is a device of its own.',
        `Ours: ${drain.oursPerSecond.toFixed(0)} records/s. The simulator's own rate for the same command lines (a raw socket`,
        `replaying them, waiting only for each OK): ${drain.rawPerSecond.toFixed(0)} records/s.`,
        `Ratio: ${drain.ratio.toFixed(3)}. Target: >= 0.9: ${verdict(drainOk)}.`,
        `Ceiling on this machine: the same raw replay that also finds each record's sequence number in every answer (one regex,`,
        `the least a drain must do to know what it read): ${drain.floorPerSecond.toFixed(0)} records/s, ratio ${drain.floorRatio.toFixed(3)} to the raw replay.`,
        `How much client turnaround the rate takes: the raw replay waiting after each answer before its next line gives`,
        `${drain.tolerance.map((entry) => `ratio ${entry.ratio.toFixed(3)} at ${entry.delayUs} us`).join(', ')}.`,
        `With the simulator in our own process (its work and ours on one thread): ours ${drain.inProcess.oursPerSecond.toFixed(0)} records/s,`,
        `raw ${drain.inProcess.rawPerSecond.toFixed(0)} records/s, ratio ${drain.inProcess.ratio.toFixed(3)}, ceiling ${drain.inProcess.floorRatio.toFixed(3)} (shown for comparison; not the target's setting).`,
        `Notes: ${drain.notes}`,
        '',
      ];
    },
  },
  {
    name: 'demo-start',
    run: async () => {
      const demo = await runDemoStartBenchmark();
      const demoOk = demo.slowestValueMs <= demo.targetMs;
      return [
        '## Time to first value of the live demo (`npm start` until a meter value is on the dashboard)',
        '',
        `The real \`npm start\` in the repository root (dist/ already built, as after \`npm install\`), ${demo.runs.length} runs, each on`,
        'free loopback ports with a fresh Node-RED user directory (a first start). Wall time from the spawn; the headless',
        'chromium is started before it and opens the dashboard as soon as that answers.',
        '',
        '| milestone | median | runs |',
        '|---|---|---|',
        `| editor answers 200 at \`/\` | ${seconds(demo.editorMs)} s | ${demo.runs.map((run) => seconds(run.editorMs)).join(' ')} |`,
        `| dashboard answers 200 at \`/dashboard/meters\` | ${seconds(demo.dashboardMs)} s | ${demo.runs.map((run) => seconds(run.dashboardMs)).join(' ')} |`,
        `| a meter value (kWh) shown on the dashboard | ${seconds(demo.valueMs)} s | ${demo.runs.map((run) => seconds(run.valueMs)).join(' ')} |`,
        '',
        `Target: <= ${demo.targetMs / 1000} s to a meter value on the dashboard, in every run (slowest ${seconds(demo.slowestValueMs)} s): ${verdict(demoOk)}.`,
        `Notes: stopped by SIGINT to npm's process group (Ctrl-C) in ${demo.runs.map((run) => `${seconds(run.stopMs)} s`).join(', ')}`,
        `(${[...new Set(demo.runs.map((run) => run.exit))].join(', ')}); nothing left listening. npm start rebuilt: ${demo.runs.map((run) => (run.rebuilt ? 'yes' : 'no')).join(', ')}.`,
        `First value shown: "${demo.runs[0].firstText}".`,
        '',
      ];
    },
  },
];

/** `node dist/bench/run.js [section ...]`: the named sections only (printed; bench/results.md is written by a full run). */
function chosenSections(names: readonly string[]): readonly Section[] {
  const unknown = names.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark section ${unknown.join(', ')}; the sections are: ${SECTIONS.map((section) => section.name).join(', ')}`);
  return names.length === 0 ? SECTIONS : SECTIONS.filter((section) => names.includes(section.name));
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const sections = chosenSections(names);
  const body: string[] = [];
  for (const section of sections) body.push(...(await section.run()));
  const every = sections.length === SECTIONS.length;
  const command = every ? '`npm run bench` (which runs `node dist/bench/run.js`)' : `\`node dist/bench/run.js ${names.join(' ')}\``;
  const lines = [
    '# Benchmark results',
    '',
    `Produced by ${command} on ${new Date().toISOString()}.`,
    `Machine: ${machine()}.`,
    '',
    ...body,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const file = path.resolve(__dirname, '..', '..', 'bench', 'results.md');
  if (every) {
    writeFileSync(file, lines.join('\n'));
    process.stdout.write(`written to ${file}\n`);
  } else {
    process.stdout.write(`(some sections only: ${file} is left as it is; it is written when every section runs)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

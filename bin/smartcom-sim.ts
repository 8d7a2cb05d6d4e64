#!/usr/bin/env node
/**
 * smartcom-sim: runs the 2N SmartCOM PRO simulator on a TCP port so flows can be built and tried
 * with no hardware. Prints where it listens, then one line per command and answer.
 */
import { parseArgs } from 'node:util';
import { MeterError } from '../src/errors';
import {
  createFixedMeterReader, type SimLineEnding, type ResponseLogEntry, SmartcomSimulator, type SimRecord,
} from '../src/sim/smartcom';
import { exitAfterOutput } from './exit-after-output';

const HELP = `Usage: smartcom-sim [options]

A 2N SmartCOM PRO gateway simulator speaking the AT interface (AT^SCPORTn, AT^SCAMS, AT^SCDATA)
over TCP. Connect with the SmartCOM nodes, or by hand: nc 127.0.0.1 2323

Options:
  --port <n>             TCP port (default 2323; 0 = any free port)
  --host <address>       address to listen on (default 127.0.0.1)
  --login <user:pass>    ask for a login (Login:/Password:) before accepting commands
  --no-echo              new connections start with echo off (the real unit echoes)
  --line-ending <style>  crlf (default), lf or cr
  --speed <n>            simulated seconds per real second for the AMS scheduler (default 1; 60 = a minute per second)
  --capacity <n>         records kept in the ring buffer (default 1000; the oldest is overwritten)
  --seed-table           start with AMS on and two meters in the table (947834 every 1M, 869551 every 3M)
                         plus an absent one (000000 every 5M, stores error 65541)
  --quiet                do not log commands
  -h, --help             show this text
`;

const LINE_ENDINGS: Readonly<Record<string, SimLineEnding>> = { crlf: '\r\n', lf: '\n', cr: '\r' };

function parseCommandLine() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '2323' },
      host: { type: 'string', default: '127.0.0.1' },
      login: { type: 'string' },
      'no-echo': { type: 'boolean', default: false },
      'line-ending': { type: 'string', default: 'crlf' },
      speed: { type: 'string', default: '1' },
      capacity: { type: 'string', default: '1000' },
      'seed-table': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
}

function wholeNumber(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw usage(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

function login(text: string | undefined): { username: string; password: string } | undefined {
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  if (colon < 1) throw usage('--login must look like user:password');
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function buildSimulator(values: ReturnType<typeof parseCommandLine>): SmartcomSimulator {
  const lineEnding = LINE_ENDINGS[values['line-ending'].toLowerCase()];
  if (!lineEnding) throw usage('--line-ending must be crlf, lf or cr');
  const speed = Number(values.speed);
  if (!Number.isFinite(speed) || speed < 0) throw usage('--speed must be a number of 0 or more');
  return new SmartcomSimulator({
    host: values.host,
    port: wholeNumber(values.port, 'port'),
    login: login(values.login),
    echo: !values['no-echo'],
    lineEnding,
    capacity: wholeNumber(values.capacity, 'capacity'),
    clock: { speed },
    meterReader: createFixedMeterReader({ absent: [ABSENT_ADDRESS] }),
  });
}

/** The address the CLI's fixed meter treats as absent (its reads store error 65541). */
const ABSENT_ADDRESS = '000000';

function seedTable(simulator: SmartcomSimulator): void {
  simulator.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '1M' });
  simulator.addMeter({ port: 2, protocol: 'IEC62056-21', address: '869551', interval: '3M' });
  simulator.addMeter({ port: 2, protocol: 'IEC62056-21', address: ABSENT_ADDRESS, interval: '5M' });
  simulator.setAmsEnabled(true);
}

function usage(message: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', message, { hint: 'Run smartcom-sim --help for the options.' });
}

function stamp(simulator: SmartcomSimulator): string {
  return new Date(simulator.clock.now()).toISOString().slice(11, 19);
}

function logTraffic(simulator: SmartcomSimulator): void {
  simulator.on('connection', (info: { id: number; remoteAddress?: string; remotePort?: number }) => {
    console.log(`${stamp(simulator)} #${info.id} connected from ${info.remoteAddress}:${info.remotePort}`);
  });
  simulator.on('disconnect', (info: { id: number }) => console.log(`${stamp(simulator)} #${info.id} closed`));
  simulator.on('response', (entry: ResponseLogEntry) => {
    const outcome = entry.ok ? 'OK' : `ERROR${entry.reason ? ` (${entry.reason})` : ''}`;
    console.log(`${stamp(simulator)} #${entry.connection} ${entry.line} -> ${outcome}`);
  });
  simulator.on('record', (record: SimRecord) => {
    console.log(`${stamp(simulator)} AMS record seq ${record.seq} meter ${record.index} error ${record.errorCode}`);
  });
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const simulator = buildSimulator(values);
  if (values['seed-table']) seedTable(simulator);
  if (!values.quiet) logTraffic(simulator);
  const { host, port } = await simulator.start();
  console.log(`smartcom-sim listening on ${host}:${port}`);
  const shutdown = (): void => {
    void simulator.stop().then(() => exitAfterOutput(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`smartcom-sim: ${message}`);
  exitAfterOutput(1);
});

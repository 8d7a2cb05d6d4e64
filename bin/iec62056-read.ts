#!/usr/bin/env node
/**
 * iec62056-read: read an IEC 62056-21 meter once and print the result as JSON.
 *   iec62056-read --serial /dev/ttyUSB0 [--address A] [--max-baud 9600]
 *   iec62056-read --tcp 192.168.1.50:4001 --address 12345678 --no-baud-switch
 *   IEC_PASSWORD=00000000 iec62056-read --serial /dev/ttyUSB0 --registers 1.8.0,2.8.0 --load-profile 02401010000,
 */
import { parseArgs } from 'node:util';
import { isMeterError, MeterError } from '../src/errors';
import { Iec62056Client, type ClientMode, type ListenOptions, type ProgramOptions } from '../src/iec62056/client';
import { createLink } from '../src/transport/create-link';
import type { Endpoint } from '../src/transport/link';
import { exitAfterOutput } from './exit-after-output';

const USAGE = `Usage: iec62056-read (--serial <path> | --tcp <host:port>) [options]

Reads an IEC 62056-21 meter once (readout, mode D push, or programming-mode registers) and prints JSON.

Options:
  --serial <path>          serial port or optical probe (opened 7E1 at 300 Bd)
  --tcp <host:port>        TCP serial tunnel or gateway port
  --address <addr>         device address (required on RS-485 and gateways)
  --mode <m>               auto (default), A, B, C, D (listen for pushed telegrams), E
  --max-baud <n>           cap the speed the meter offers
  --no-baud-switch         stay at the start speed (gateways, tunnels)
  --fixed-baud <n>         the line runs at this speed and is never changed
  --password <p>           programming-mode password (or the IEC_PASSWORD environment variable)
  --registers <a,b,...>    read these registers in programming mode (R1)
  --load-profile <from,to> read the P.01 load profile (ZYYMMDDhhmm bounds, either may be empty)
  --wake-up                send the battery-meter wake-up sequence first
  --timeout <ms>           per-character time-out (default 1500)
  --max-answer-bytes <n>   most bytes one answer may bring (default 65536; more fails with 66050)
  --max-blocks <n>         most partial blocks in one answer (default 64)
  --listen-timeout <ms>    mode D: how long a telegram may take to start (default 30000)
  --retries <n>            extra attempts after a transmission error (default 2)
  --help                   show this help
`;

export interface ReadCommand {
  endpoint: Endpoint;
  action: 'readout' | 'listen' | 'program';
  options: ProgramOptions & ListenOptions;
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new MeterError('E_BAD_ARGUMENT', `--${name} must be a whole number >= 0, got ${JSON.stringify(value)}`);
  return parsed;
}

function endpointOf(serial: string | undefined, tcp: string | undefined, startBaud: number): Endpoint {
  if ((serial === undefined) === (tcp === undefined)) throw new MeterError('E_BAD_ARGUMENT', 'give exactly one of --serial <path> or --tcp <host:port>');
  if (serial !== undefined) return { kind: 'serial', path: serial, baudRate: startBaud, dataBits: 7, parity: 'even', stopBits: 1 };
  const match = /^(.+):(\d+)$/.exec(tcp ?? '');
  if (!match) throw new MeterError('E_BAD_ARGUMENT', `--tcp must be host:port, got ${JSON.stringify(tcp)}`);
  return { kind: 'tcp', host: match[1], port: Number(match[2]) };
}

/** Turns the command line (and IEC_PASSWORD) into what to do; throws E_BAD_ARGUMENT for bad input. */
export function parseReadCommand(argv: string[], env: NodeJS.ProcessEnv = {}): ReadCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      serial: { type: 'string' }, tcp: { type: 'string' }, address: { type: 'string' }, mode: { type: 'string' },
      'max-baud': { type: 'string' }, 'no-baud-switch': { type: 'boolean' }, 'fixed-baud': { type: 'string' },
      password: { type: 'string' }, registers: { type: 'string' }, 'load-profile': { type: 'string' },
      'wake-up': { type: 'boolean' }, timeout: { type: 'string' }, retries: { type: 'string' },
      'max-answer-bytes': { type: 'string' }, 'max-blocks': { type: 'string' }, 'listen-timeout': { type: 'string' },
    },
    strict: true,
  });
  const mode = (values.mode ?? 'auto') as ClientMode;
  const fixedBaudRate = whole(values['fixed-baud'], 'fixed-baud');
  const options: ProgramOptions & ListenOptions = {
    address: values.address, mode, maxBaudRate: whole(values['max-baud'], 'max-baud'), fixedBaudRate,
    noBaudSwitch: values['no-baud-switch'], wakeUp: values['wake-up'], charTimeoutMs: whole(values.timeout, 'timeout'),
    retries: whole(values.retries, 'retries'), password: values.password ?? env.IEC_PASSWORD,
    maxAnswerBytes: whole(values['max-answer-bytes'], 'max-answer-bytes'), maxPartialBlocks: whole(values['max-blocks'], 'max-blocks'),
    listenTimeoutMs: whole(values['listen-timeout'], 'listen-timeout'),
  };
  if (values.registers !== undefined) options.registers = values.registers.split(',').map((r) => r.trim()).filter((r) => r.length > 0);
  if (values['load-profile'] !== undefined) {
    const [from = '', to = ''] = values['load-profile'].split(',');
    options.loadProfile = { from: from.trim(), to: to.trim() };
  }
  const action = options.registers !== undefined || options.loadProfile !== undefined ? 'program' : mode === 'D' ? 'listen' : 'readout';
  const startBaud = fixedBaudRate ?? (mode === 'D' ? 2400 : 300);
  return { endpoint: endpointOf(values.serial, values.tcp, startBaud), action, options };
}

/** Buffers as latin1 text, so that the JSON shows the telegram rather than an array of numbers. */
function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('latin1');
  }
  return value;
}

export async function runReadCommand(command: ReadCommand): Promise<unknown> {
  const link = createLink(command.endpoint);
  await link.open();
  try {
    const client = new Iec62056Client(link);
    if (command.action === 'program') return await client.program(command.options);
    if (command.action === 'listen') return await client.listen(command.options);
    return await client.readout(command.options);
  } finally {
    await link.close();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const result = await runReadCommand(parseReadCommand(argv, process.env));
    process.stdout.write(`${JSON.stringify(result, jsonReplacer, 2)}\n`);
    return 0;
  } catch (error) {
    if (isMeterError(error)) {
      process.stderr.write(`error ${error.code}: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    }
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then(exitAfterOutput);
}

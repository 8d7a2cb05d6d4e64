import { parseArgs } from 'node:util';
import { MeterError } from '../../src/errors';
import type { Endpoint } from '../../src/transport/link';

/** The command line, parsed once: where to connect, and the command group, action and its words. */
export interface SmartcomArgs {
  endpoint: Endpoint;
  login: string | undefined;
  timeoutMs: number;
  /** `ams`, `port`, `data`. */
  group: string;
  action: string;
  words: string[];
  flags: SmartcomFlags;
}

export interface SmartcomFlags {
  yes: boolean;
  file: string | undefined;
  dryRun: boolean;
  noPause: boolean;
  baud: string | undefined;
  dataBits: string | undefined;
  stopBits: string | undefined;
  parity: string | undefined;
  apply: string | undefined;
  /** data drain: the JSON Lines file, records per round, at most this many. */
  out: string | undefined;
  batch: string | undefined;
  max: string | undefined;
}

export function usageError(message: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', message, { hint: 'Run smartcom --help for the usage.' });
}

/** A whole number written in decimal, or E_BAD_ARGUMENT naming `what`. */
export function wholeNumber(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d+$/.test(text)) throw usageError(`${what} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

export function parseSmartcomArgs(argv: string[]): SmartcomArgs {
  const { values, positionals } = parseOptions(argv);
  const [group, action, ...words] = positionals;
  if (group === undefined || action === undefined) throw usageError('name a command, e.g. "ams status" or "port get 2"');
  return {
    endpoint: tcpEndpoint(values.tcp),
    login: values.login,
    timeoutMs: values.timeout === undefined ? 10_000 : wholeNumber(values.timeout, '--timeout'),
    group,
    action,
    words,
    flags: {
      yes: values.yes === true, file: values.file, dryRun: values['dry-run'] === true, noPause: values['no-pause'] === true,
      baud: values.baud, dataBits: values['data-bits'], stopBits: values['stop-bits'], parity: values.parity, apply: values.apply,
      out: values.out, batch: values.batch, max: values.max,
    },
  };
}

const OPTIONS = {
  tcp: { type: 'string' }, login: { type: 'string' }, timeout: { type: 'string' },
  yes: { type: 'boolean' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'no-pause': { type: 'boolean' },
  baud: { type: 'string' }, 'data-bits': { type: 'string' }, 'stop-bits': { type: 'string' }, parity: { type: 'string' },
  apply: { type: 'string' },
  out: { type: 'string' }, batch: { type: 'string' }, max: { type: 'string' },
} as const;

/** node:util's parseArgs, its errors (unknown option, missing value) turned into E_BAD_ARGUMENT. */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

function tcpEndpoint(tcp: string | undefined): Endpoint {
  const match = /^(.+):(\d{1,5})$/.exec(tcp ?? '');
  if (!match) throw usageError(`--tcp must be host:port, got ${JSON.stringify(tcp)}`);
  return { kind: 'tcp', host: match[1], port: Number(match[2]) };
}

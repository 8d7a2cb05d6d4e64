#!/usr/bin/env node
/**
 * smartcom: talk to a 2N SmartCOM PRO's AT interface from a shell; every answer is printed as JSON.
 *   SMARTCOM_PASSWORD=... smartcom --tcp 192.168.1.20:23 --login admin ams status
 *   smartcom --tcp 127.0.0.1:2323 ams sync --file table.json --dry-run
 */
import { MeterError, isMeterError } from '../src/errors';
import { parseSmartcomArgs, usageError, type SmartcomArgs } from './smartcom/args';
import { runAmsCommand } from './smartcom/ams';
import { gatewayPassword } from './smartcom/password';
import { runDataCommand } from './smartcom/data';
import { runPortCommand } from './smartcom/port';
import { withGateway } from './smartcom/session';
import type { SmartcomClient } from '../src/smartcom/client';

const USAGE = `Usage: smartcom --tcp <host:port> [--login <user>] [--timeout <ms>] <command>

AMS:
  ams status | capabilities | enable | disable
  ams retry <0-9>
  ams add <port> <protocol> <address> <interval>     e.g. ams add 2 IEC62056-21 947834 15M
  ams remove <index>                                 later meters move up one position
  ams clear --yes
  ams interval <index|ALL> <interval>
  ams sync --file <table.json> [--dry-run] [--no-pause]
Serial ports:
  port get <n>
  port set <n> [--baud <bps>] [--data-bits 7|8] [--stop-bits 1|2] [--parity none|even|odd] [--apply save|restart|srestart]
  port apply <n> save|restart|srestart
Stored records:
  data count | space | oldest <n> | filtered <filter>
  data drain --out <records.jsonl> [--batch <n>] [--max <n>]
                                                     appends one JSON line per record, fsyncs, then deletes exactly those

The password comes from SMARTCOM_PASSWORD, or is asked for when stdin is a terminal; never from the command line.
Errors are printed to stderr as JSON { "error": { code, message, hint, details } }; the exit status is then 1.
`;

/** One runner per command group; a new group (e.g. data) adds a line here. */
const GROUPS: Record<string, (client: SmartcomClient, args: SmartcomArgs) => Promise<unknown>> = {
  ams: (client, args) => runAmsCommand(client, args.action, args.words, args.flags),
  port: (client, args) => runPortCommand(client, args.action, args.words, args.flags),
  data: (client, args) => runDataCommand(client, args),
};

export async function runSmartcom(argv: string[], env: NodeJS.ProcessEnv): Promise<unknown> {
  const args = parseSmartcomArgs(argv);
  const group = GROUPS[args.group];
  if (!group) throw usageError(`unknown command group ${JSON.stringify(args.group)}; use ams, port or data`);
  const password = await gatewayPassword(env, args.login);
  return withGateway({ endpoint: args.endpoint, username: args.login, password, timeoutMs: args.timeoutMs }, (client) => group(client, args));
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.length === 0) {
    process.stdout.write(USAGE);
    return;
  }
  try {
    process.stdout.write(`${JSON.stringify(await runSmartcom(argv, process.env), null, 2)}\n`);
  } catch (error) {
    const failure = isMeterError(error) ? error : new MeterError('E_PROTOCOL', error instanceof Error ? error.message : String(error));
    process.stderr.write(`${JSON.stringify({ error: failure.toJSON() }, null, 2)}\n`);
    // exitCode, not exit(): a large JSON on a pipe is still being written and must not be cut off.
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));

/** Routes one command line to its handler and turns argument failures into ERROR results. */
import { isAtError } from './args';
import { parseCommandLine, type ParsedCommand } from './command-line';
import type { ConnectionState, GatewayContext } from './context';
import { type CommandResult, fail, ok, SimErrorNumber } from './formatter';
import { handleScams } from './handlers/scams';
import { handleScdata } from './handlers/scdata';
import { handleScport } from './handlers/scport';

/** A result plus, for ERROR, why (for logs; the wire only shows the result code). */
export type DispatchResult = CommandResult & { reason?: string };

export async function dispatch(ctx: GatewayContext, connection: ConnectionState, line: string): Promise<DispatchResult> {
  const command = parseCommandLine(line);
  try {
    if (command.kind === 'invalid') return { ...fail(SimErrorNumber.SYNTAX), reason: command.reason };
    if (command.kind === 'basic') return basicCommand(ctx, connection, command.body);
    return await extendedCommand(ctx, command);
  } catch (error) {
    if (!isAtError(error)) throw error;
    return { ...fail(error.details.atError as SimErrorNumber), reason: error.message };
  }
}

function basicCommand(ctx: GatewayContext, connection: ConnectionState, body: string): DispatchResult {
  switch (body) {
    case '':
      return ok();
    case 'E':
    case 'E0':
      connection.echo = false;
      return ok();
    case 'E1':
      connection.echo = true;
      return ok();
    case 'I':
    case 'I0':
      return ok([ctx.options.model]);
    case 'I3':
      return ok([ctx.options.firmware]);
    case 'I4':
      return ok([ctx.options.serialNumber]);
    case 'Z':
      // Reset to the connection defaults; on a unit with a login, ATZ also logs out (as on the AT API).
      connection.echo = ctx.options.echo;
      return { ...ok(), logout: ctx.options.login !== undefined };
    default:
      return { ...fail(SimErrorNumber.UNKNOWN_COMMAND), reason: `unknown command AT${body}` };
  }
}

function extendedCommand(ctx: GatewayContext, command: Extract<ParsedCommand, { kind: 'extended' }>): CommandResult | Promise<CommandResult> {
  if (/^SCPORT\d+$/.test(command.name)) return handleScport(ctx, command);
  if (command.name === 'SCAMS') return handleScams(ctx, command);
  if (command.name === 'SCDATA') return handleScdata(ctx, command);
  return { ...fail(SimErrorNumber.UNKNOWN_COMMAND), reason: `unknown command AT^${command.name}` } as DispatchResult;
}

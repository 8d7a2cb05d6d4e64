/** AT^SCPORTn: serial port parameters (set, query, test) and SAVE / RESTART / SRESTART. */
import { expectArgCount, integerArg, keywordOf, reject } from '../args';
import type { ParsedCommand } from '../command-line';
import type { GatewayContext } from '../context';
import { type CommandResult, ok, quote, SimErrorNumber } from '../formatter';
import { isPortParameter, PORT_PARAMETERS, PORT_VALUE_CHOICES, type SerialPortState } from '../port-settings';

type Extended = Extract<ParsedCommand, { kind: 'extended' }>;

const PORT_ACTIONS = ['SAVE', 'RESTART', 'SRESTART'] as const;

export function handleScport(ctx: GatewayContext, command: Extended): CommandResult {
  const portNumber = Number(command.name.slice('SCPORT'.length));
  const port = ctx.ports.get(portNumber);
  if (!port) reject(SimErrorNumber.UNKNOWN_COMMAND, `there is no serial port ${portNumber}`);
  const prefix = `^SCPORT${portNumber}: `;
  switch (command.mode) {
    case 'query':
      return ok(PORT_PARAMETERS.map((parameter) => `${prefix}${quote(parameter)},${port.configured[parameter]}`));
    case 'test':
      return ok([
        ...PORT_PARAMETERS.map((parameter) => `${prefix}${quote(parameter)},${PORT_VALUE_CHOICES[parameter].join('|')}`),
        ...PORT_ACTIONS.map((action) => `${prefix}${quote(action)}`),
      ]);
    case 'set':
      return setPort(port, command);
    case 'exec':
      return reject(SimErrorNumber.SYNTAX, `${command.name} needs ?, =? or =<arguments>`);
  }
}

function setPort(port: SerialPortState, command: Extended): CommandResult {
  const keyword = keywordOf(command.args);
  if (isPortParameter(keyword)) {
    expectArgCount(command.args, 2, 2, keyword);
    const value = integerArg(command.args, 1, 0, Number.MAX_SAFE_INTEGER, keyword);
    if (!port.set(keyword, value)) {
      reject(SimErrorNumber.BAD_VALUE, `${keyword} must be one of ${PORT_VALUE_CHOICES[keyword].join(', ')}`);
    }
    return ok();
  }
  expectArgCount(command.args, 1, 1, keyword);
  if (keyword === 'SAVE') port.save();
  else if (keyword === 'RESTART') port.restart();
  else if (keyword === 'SRESTART') {
    port.save();
    port.restart();
  } else reject(SimErrorNumber.BAD_VALUE, `unknown ${command.name} keyword ${keyword}`);
  return ok();
}

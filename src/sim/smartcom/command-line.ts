/**
 * Splits one received AT command line into its parts. Commands are case-insensitive; string
 * arguments keep their case (meter addresses). Quoted strings have no escapes (none documented).
 */
export interface CommandArg {
  quoted: boolean;
  value: string;
}

export type ParsedCommand =
  /** `AT`, `ATE0`, `ATI3`, `ATZ`: `body` is what follows AT, upper case, spaces removed. */
  | { kind: 'basic'; body: string }
  /** `AT^SCAMS?` (query), `AT^SCAMS=?` (test), `AT^SCAMS="ENABLE",1` (set), `AT^SCAMS` (exec). */
  | { kind: 'extended'; name: string; mode: 'query' | 'test' | 'set' | 'exec'; args: CommandArg[] }
  | { kind: 'invalid'; reason: string };

export function parseCommandLine(line: string): ParsedCommand {
  const text = line.trim();
  if (!/^AT/i.test(text)) return { kind: 'invalid', reason: 'not an AT command' };
  const rest = text.slice(2);
  if (!rest.startsWith('^')) return { kind: 'basic', body: rest.replace(/\s+/g, '').toUpperCase() };

  const name = /^\^([A-Z]+[0-9]*)/i.exec(rest);
  if (!name) return { kind: 'invalid', reason: 'no command name after ^' };
  const tail = rest.slice(name[0].length).trim();
  const upperName = name[1].toUpperCase();
  if (tail === '') return { kind: 'extended', name: upperName, mode: 'exec', args: [] };
  if (tail === '?') return { kind: 'extended', name: upperName, mode: 'query', args: [] };
  if (/^=\s*\?$/.test(tail)) return { kind: 'extended', name: upperName, mode: 'test', args: [] };
  if (!tail.startsWith('=')) return { kind: 'invalid', reason: `unexpected text after ${upperName}` };
  const args = parseArguments(tail.slice(1));
  if (typeof args === 'string') return { kind: 'invalid', reason: args };
  return { kind: 'extended', name: upperName, mode: 'set', args };
}

/** Comma-separated arguments, each a "quoted string" or a bare token; returns a reason on bad syntax. */
export function parseArguments(text: string): CommandArg[] | string {
  const args: CommandArg[] = [];
  let position = 0;
  for (;;) {
    while (text[position] === ' ') position++;
    let arg: CommandArg;
    if (text[position] === '"') {
      const close = text.indexOf('"', position + 1);
      if (close < 0) return 'unterminated quoted string';
      arg = { quoted: true, value: text.slice(position + 1, close) };
      position = close + 1;
      while (text[position] === ' ') position++;
    } else {
      const comma = text.indexOf(',', position);
      const end = comma < 0 ? text.length : comma;
      const value = text.slice(position, end).trim();
      if (value === '' || value.includes('"')) return 'empty or malformed argument';
      arg = { quoted: false, value };
      position = end;
    }
    args.push(arg);
    if (position >= text.length) return args;
    if (text[position] !== ',') return 'text after a quoted string';
    position++;
  }
}

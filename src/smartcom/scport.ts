import { afterPrefix, parseError, splitFields } from './fields';

/** The answer to `AT^SCPORTn?` (one `^SCPORTn: "KEYWORD",value` line per parameter). */
export interface PortSettings {
  /** The port number taken from the line prefix (`^SCPORT2:` -> 2). */
  port: number | undefined;
  baudRate: number | undefined;
  dataBits: number | undefined;
  stopBits: number | undefined;
  /** The gateway's parity code: 0 none, 1 even (the code for odd is not documented). */
  parity: number | undefined;
  /** 'none' / 'even' for the documented codes, undefined otherwise. */
  parityName: 'none' | 'even' | undefined;
  /** Every parameter as printed, keyword upper-cased (also the ones not known here). */
  values: Record<string, number | string>;
}

const PORT_PREFIX = /^\s*\^SCPORT(\d+):\s*/i;
const KNOWN: Record<string, 'baudRate' | 'dataBits' | 'stopBits' | 'parity'> = {
  BAUDRATE: 'baudRate',
  DATA_BITS: 'dataBits',
  STOP_BITS: 'stopBits',
  PARITY: 'parity',
};

/** Reads `AT^SCPORTn?` lines; lines of other commands are ignored, a malformed `^SCPORTn:` line is an E_PARSE. */
export function parsePortSettings(lines: readonly string[]): PortSettings {
  const settings: PortSettings = {
    port: undefined, baudRate: undefined, dataBits: undefined, stopBits: undefined, parity: undefined, parityName: undefined, values: {},
  };
  for (const line of lines) {
    const prefix = PORT_PREFIX.exec(line);
    if (!prefix) continue;
    const port = Number(prefix[1]);
    if (settings.port !== undefined && settings.port !== port) throw parseError(`lines of two ports (${settings.port} and ${port})`, line);
    settings.port = port;
    readParameter(settings, afterPrefix(line, '\\^SCPORT\\d+') ?? '', line);
  }
  if (settings.parity !== undefined) settings.parityName = settings.parity === 0 ? 'none' : settings.parity === 1 ? 'even' : undefined;
  return settings;
}

function readParameter(settings: PortSettings, rest: string, line: string): void {
  const fields = splitFields(rest, line);
  if (fields.length !== 2 || !fields[0].quoted || fields[0].value === '') throw parseError('expected "KEYWORD",value', line);
  const keyword = fields[0].value.toUpperCase();
  const raw = fields[1];
  const value = !raw.quoted && /^-?\d+$/.test(raw.value) ? Number(raw.value) : raw.value;
  settings.values[keyword] = value;
  const known = KNOWN[keyword];
  if (known === undefined) return;
  if (typeof value !== 'number') throw parseError(`${keyword} must be an integer`, line);
  settings[known] = value;
}

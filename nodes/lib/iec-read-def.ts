/**
 * The iec62056-read node's properties as the editor stores them (strings or numbers), checked once and
 * turned into library options. Every failure is E_BAD_ARGUMENT naming the property.
 */
import { MeterError } from '../../src/errors';
import type { ClientMode, EchoHandling, LoadProfileRange } from '../../src/iec62056/client';
import type { MeterEndpointSpec, MeterReadRequest } from '../../src/meter-read';
import type { MeterPath } from '../../src/meter-payload';
import { splitObisList } from '../../src/obis';
import { isLiteralList } from './iec-read-typed';
import type { NodeDef } from './red';

export interface IecReadDef extends NodeDef {
  path?: string;
  connection?: string;
  gatewayPort?: string | number;
  gatewayBaud?: string | number;
  address?: string;
  /** str (the default), msg, flow, global or env: where the address comes from. */
  addressType?: string;
  transport?: string;
  serialPath?: string;
  dataBits?: string | number;
  parity?: string;
  stopBits?: string | number;
  host?: string;
  port?: string | number;
  mode?: string;
  maxBaud?: string | number;
  switchDelay?: string | number;
  fixedBaud?: string | number;
  noBaudSwitch?: boolean;
  wakeUp?: boolean;
  echo?: string;
  listenBaud?: string | number;
  registers?: string;
  /** obis (a literal list, the default), msg, flow or global. */
  registersType?: string;
  readCommand?: string;
  loadProfileFrom?: string;
  loadProfileTo?: string;
  retries?: string | number;
  timeout?: string | number;
  output?: string;
  filter?: string;
  /** obis (a literal list, the default), msg, flow or global. */
  filterType?: string;
  /** '' (runtime language) or an OBIS locale tag for the `name` fields. */
  namesLanguage?: string;
}

export type OutputMode = 'payload' | 'values';

export interface IecReadSettings {
  path: MeterPath;
  address: string;
  gateway: { port: number; baudRate: number | undefined };
  /** Undefined when the direct path is not set up (a gateway-only node). */
  endpoint: MeterEndpointSpec | undefined;
  /** The client options (no address, password or registers: those come per message). */
  request: MeterReadRequest;
  registers: string[];
  loadProfile: LoadProfileRange | undefined;
  timeoutMs: number;
  output: OutputMode;
  filter: string[];
}

const MODES: readonly string[] = ['auto', 'A', 'B', 'C', 'D', 'E'];

export function settingsFromDef(def: IecReadDef): IecReadSettings {
  const path = oneOf(def.path ?? 'direct', ['gateway', 'direct'], 'path') as MeterPath;
  return {
    path,
    address: (def.address ?? '').trim(),
    gateway: { port: whole(def.gatewayPort, 2, 'gatewayPort', 1, 1000) as number, baudRate: whole(def.gatewayBaud, undefined, 'gatewayBaud', 300, 115200) },
    endpoint: endpointFromDef(def, path === 'direct'),
    request: requestFromDef(def),
    registers: isLiteralList(def.registersType) ? splitObisList(def.registers ?? '') : [],
    loadProfile: loadProfileFromDef(def),
    timeoutMs: (whole(def.timeout, 120, 'timeout', 1, 3600) as number) * 1000,
    output: oneOf(def.output ?? 'payload', ['payload', 'values'], 'output') as OutputMode,
    filter: isLiteralList(def.filterType) ? splitObisList(def.filter ?? '') : [],
  };
}

function endpointFromDef(def: IecReadDef, required: boolean): MeterEndpointSpec | undefined {
  const transport = def.transport ?? 'serial';
  if (transport === 'tcp') {
    const host = (def.host ?? '').trim();
    if (host === '') return missing(required, 'host');
    return { kind: 'tcp', host, port: whole(def.port, undefined, 'port', 1, 65535) ?? (missing(required, 'port') as never) };
  }
  if (transport !== 'serial') throw bad('transport', `must be "serial" or "tcp", not "${transport}"`);
  const path = (def.serialPath ?? '').trim();
  if (path === '') return missing(required, 'serialPath');
  const parity = oneOf(def.parity ?? 'even', ['none', 'even', 'odd'], 'parity') as 'none' | 'even' | 'odd';
  return { kind: 'serial', path, parity, dataBits: whole(def.dataBits, 7, 'dataBits', 7, 8) as 7 | 8, stopBits: whole(def.stopBits, 1, 'stopBits', 1, 2) as 1 | 2 };
}

function requestFromDef(def: IecReadDef): MeterReadRequest {
  const request: MeterReadRequest = {
    mode: oneOf(def.mode ?? 'auto', MODES, 'mode') as ClientMode,
    echo: oneOf(def.echo ?? 'auto', ['auto', 'on', 'off'], 'echo') as EchoHandling,
    readCommand: oneOf(def.readCommand ?? 'R1', ['R1', 'R5'], 'readCommand') as 'R1' | 'R5',
    noBaudSwitch: def.noBaudSwitch === true,
    wakeUp: def.wakeUp === true,
  };
  const numbers: [keyof MeterReadRequest, number | undefined][] = [
    ['maxBaudRate', whole(def.maxBaud, undefined, 'maxBaud', 300, 115200)],
    ['switchDelayMs', whole(def.switchDelay, undefined, 'switchDelay', 0, 10000)],
    ['fixedBaudRate', whole(def.fixedBaud, undefined, 'fixedBaud', 300, 115200)],
    ['listenBaudRate', whole(def.listenBaud, undefined, 'listenBaud', 300, 115200)],
    ['retries', whole(def.retries, undefined, 'retries', 0, 9)],
  ];
  for (const [key, value] of numbers) if (value !== undefined) (request as Record<string, unknown>)[key] = value;
  return request;
}

function loadProfileFromDef(def: IecReadDef): LoadProfileRange | undefined {
  const from = (def.loadProfileFrom ?? '').trim();
  const to = (def.loadProfileTo ?? '').trim();
  return from === '' && to === '' ? undefined : { from, to };
}

function missing(required: boolean, property: string): undefined {
  if (required) throw bad(property, 'is required for the direct path');
  return undefined;
}

/** A whole number in [min, max]; blank gives the fallback. */
export function whole(value: string | number | undefined, fallback: number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw bad(name, `must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function oneOf(value: string, choices: readonly string[], name: string): string {
  if (!choices.includes(value)) throw bad(name, `must be one of ${choices.join(', ')}, not "${value}"`);
  return value;
}

export function bad(property: string, problem: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', `iec62056-read: ${property} ${problem}`, {
    details: { property },
    hint: `Open the iec62056-read node and correct "${property}" (or the msg property that overrides it).`,
  });
}

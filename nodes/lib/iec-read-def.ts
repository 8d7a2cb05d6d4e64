/**
 * The iec62056-read node's properties as the editor stores them (strings or numbers), checked once and
 * turned into library options. Every failure is E_BAD_ARGUMENT naming the property, worded from the node's
 * catalog (`iec62056-read.errors.invalid.*`) so a German or Czech runtime reports it in its language.
 */
import { MeterError } from '../../src/errors';
import type { ClientMode, EchoHandling, LoadProfileRange } from '../../src/iec62056/client';
import type { MeterEndpointSpec, MeterReadRequest } from '../../src/meter-read';
import type { MeterPath } from '../../src/meter-payload';
import { splitObisList } from '../../src/obis';
import { isLiteralList } from './iec-read-typed';
import type { NodeDef, Translate } from './red';

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

/** `t` is the node's catalog (RED._), for the wording of a refusal. */
export function settingsFromDef(def: IecReadDef, t: Translate): IecReadSettings {
  const path = oneOf(t, def.path ?? 'direct', ['gateway', 'direct'], 'path') as MeterPath;
  return {
    path,
    address: (def.address ?? '').trim(),
    gateway: { port: whole(t, def.gatewayPort, 2, 'gatewayPort', 1, 1000) as number, baudRate: whole(t, def.gatewayBaud, undefined, 'gatewayBaud', 300, 115200) },
    endpoint: endpointFromDef(def, path === 'direct', t),
    request: requestFromDef(def, t),
    registers: isLiteralList(def.registersType) ? splitObisList(def.registers ?? '') : [],
    loadProfile: loadProfileFromDef(def),
    timeoutMs: (whole(t, def.timeout, 120, 'timeout', 1, 3600) as number) * 1000,
    output: oneOf(t, def.output ?? 'payload', ['payload', 'values'], 'output') as OutputMode,
    filter: isLiteralList(def.filterType) ? splitObisList(def.filter ?? '') : [],
  };
}

function endpointFromDef(def: IecReadDef, required: boolean, t: Translate): MeterEndpointSpec | undefined {
  const transport = def.transport ?? 'serial';
  if (transport === 'tcp') {
    const host = (def.host ?? '').trim();
    if (host === '') return missing(t, required, 'host');
    return { kind: 'tcp', host, port: whole(t, def.port, undefined, 'port', 1, 65535) ?? (missing(t, required, 'port') as never) };
  }
  if (transport !== 'serial') throw bad(t, 'transport', t('iec62056-read.errors.invalid.transport', { value: transport }));
  const path = (def.serialPath ?? '').trim();
  if (path === '') return missing(t, required, 'serialPath');
  const parity = oneOf(t, def.parity ?? 'even', ['none', 'even', 'odd'], 'parity') as 'none' | 'even' | 'odd';
  return { kind: 'serial', path, parity, dataBits: whole(t, def.dataBits, 7, 'dataBits', 7, 8) as 7 | 8, stopBits: whole(t, def.stopBits, 1, 'stopBits', 1, 2) as 1 | 2 };
}

function requestFromDef(def: IecReadDef, t: Translate): MeterReadRequest {
  const request: MeterReadRequest = {
    mode: oneOf(t, def.mode ?? 'auto', MODES, 'mode') as ClientMode,
    echo: oneOf(t, def.echo ?? 'auto', ['auto', 'on', 'off'], 'echo') as EchoHandling,
    readCommand: oneOf(t, def.readCommand ?? 'R1', ['R1', 'R5'], 'readCommand') as 'R1' | 'R5',
    noBaudSwitch: def.noBaudSwitch === true,
    wakeUp: def.wakeUp === true,
  };
  const numbers: [keyof MeterReadRequest, number | undefined][] = [
    ['maxBaudRate', whole(t, def.maxBaud, undefined, 'maxBaud', 300, 115200)],
    ['switchDelayMs', whole(t, def.switchDelay, undefined, 'switchDelay', 0, 10000)],
    ['fixedBaudRate', whole(t, def.fixedBaud, undefined, 'fixedBaud', 300, 115200)],
    ['listenBaudRate', whole(t, def.listenBaud, undefined, 'listenBaud', 300, 115200)],
    ['retries', whole(t, def.retries, undefined, 'retries', 0, 9)],
  ];
  for (const [key, value] of numbers) if (value !== undefined) (request as Record<string, unknown>)[key] = value;
  return request;
}

function loadProfileFromDef(def: IecReadDef): LoadProfileRange | undefined {
  const from = (def.loadProfileFrom ?? '').trim();
  const to = (def.loadProfileTo ?? '').trim();
  return from === '' && to === '' ? undefined : { from, to };
}

function missing(t: Translate, required: boolean, property: string): undefined {
  if (required) throw bad(t, property, t('iec62056-read.errors.invalid.required-direct'));
  return undefined;
}

/** A whole number in [min, max]; blank gives the fallback. */
export function whole(t: Translate, value: string | number | undefined, fallback: number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw bad(t, name, t('iec62056-read.errors.invalid.whole-number', { min, max, value: String(value) }));
  return n;
}

function oneOf(t: Translate, value: string, choices: readonly string[], name: string): string {
  if (!choices.includes(value)) throw bad(t, name, t('iec62056-read.errors.invalid.one-of', { choices: choices.join(', '), value }));
  return value;
}

/** E_BAD_ARGUMENT `iec62056-read: <property> <problem>` (problem already in the runtime's language), with the catalog's hint. */
export function bad(t: Translate, property: string, problem: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', `iec62056-read: ${property} ${problem}`, {
    details: { property },
    hint: t('iec62056-read.errors.invalid.hint', { property }),
  });
}

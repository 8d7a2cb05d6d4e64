import { MeterError } from '../errors';
import { Iec62056Client, type ClientMode, type EchoHandling, type LoadProfileRange, type ProgramOptions, type ProgramResult, type ReadoutResult } from '../iec62056/client';
import type { ByteLink } from '../transport/link';

/**
 * One direct meter read: every option of Iec62056Client in one object. What runs follows from it:
 * registers or a load profile -> programming mode; mode D -> listen for a push; else a readout (A, B, C, E).
 */
export interface MeterReadRequest {
  mode?: ClientMode;
  address?: string;
  /** Cap on the speed a mode C meter offers. */
  maxBaudRate?: number;
  /** Switch-over delay after the option select (default: half the meter's reaction time). */
  switchDelayMs?: number;
  /** The line stays at this speed (gateways, tunnels, ports preset by the meter). */
  fixedBaudRate?: number;
  /** Never switch the speed (stay at 300; mode D: the push speed). */
  noBaudSwitch?: boolean;
  /** Battery meters: NULs before the request. */
  wakeUp?: boolean;
  echo?: EchoHandling;
  /** Programming-mode password (P1). A credential: never logged, never in an error. */
  password?: string;
  /** Registers read one by one in programming mode (R1). */
  registers?: readonly string[];
  /** R1 (default) or R5 for the register reads. */
  readCommand?: 'R1' | 'R5';
  /** P.01 load profile range (programming mode, R5). */
  loadProfile?: LoadProfileRange;
  /** Mode D: the push speed (default 2400; many meters push at 9600) and how long to wait for a telegram. */
  listenBaudRate?: number;
  listenTimeoutMs?: number;
  charTimeoutMs?: number;
  maxReactionTimeMs?: number;
  /** Our pause before each message; only lower it for simulated meters. */
  reactionTimeMs?: number;
  retries?: number;
  retryPauseMs?: number;
}

export type MeterReadAction = 'readout' | 'listen' | 'program';
export type MeterReadResult = ReadoutResult | ProgramResult;

export function readAction(request: MeterReadRequest): MeterReadAction {
  if ((request.registers?.length ?? 0) > 0 || request.loadProfile !== undefined) return 'program';
  return request.mode === 'D' ? 'listen' : 'readout';
}

/** The speed a serial line starts at for this request (the endpoint's baud rate). */
export function startBaudRate(request: MeterReadRequest): number {
  if (request.fixedBaudRate !== undefined) return request.fixedBaudRate;
  return readAction(request) === 'listen' ? (request.listenBaudRate ?? 2400) : 300;
}

/** Runs one session on `link` (which the caller holds alone, e.g. in a pool lease); `signal` stops it. */
export async function runMeterRead(link: ByteLink, request: MeterReadRequest, signal?: AbortSignal): Promise<MeterReadResult> {
  const client = new Iec62056Client(link, request.retryPauseMs === undefined ? {} : { retryPauseMs: request.retryPauseMs });
  const options = clientOptions(request, signal);
  const action = readAction(request);
  if (action === 'program') return client.program(options);
  if (action === 'listen') {
    return client.listen({ ...options, ...given({ baudRate: request.listenBaudRate, listenTimeoutMs: request.listenTimeoutMs }) });
  }
  if (request.password) {
    // A password only means something in programming mode; say so rather than silently ignore it.
    throw new MeterError('E_BAD_ARGUMENT', 'a password is only used in programming mode: give registers or a load profile to read');
  }
  return client.readout(options);
}

/** The client's options: only what was given, so the client's defaults apply to the rest. */
function clientOptions(request: MeterReadRequest, signal: AbortSignal | undefined): ProgramOptions {
  return given<ProgramOptions>({
    mode: request.mode, address: request.address, maxBaudRate: request.maxBaudRate, switchDelayMs: request.switchDelayMs,
    fixedBaudRate: request.fixedBaudRate, noBaudSwitch: request.noBaudSwitch, wakeUp: request.wakeUp, echo: request.echo,
    password: request.password || undefined, registers: request.registers, readCommand: request.readCommand, loadProfile: request.loadProfile,
    charTimeoutMs: request.charTimeoutMs, maxReactionTimeMs: request.maxReactionTimeMs, reactionTimeMs: request.reactionTimeMs,
    retries: request.retries, signal,
  });
}

/** A copy without the undefined entries. */
function given<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

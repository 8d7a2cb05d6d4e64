import { MeterError } from '../../errors';
import type { BccAlgorithm } from '../bcc';
import { REACTION_TIME_MS } from '../constants';
import { RequestMessage } from '../request';

export type ClientMode = 'auto' | 'A' | 'B' | 'C' | 'D' | 'E';
export type EchoHandling = 'auto' | 'on' | 'off';

/** Options shared by readout(), listen() and program(). */
export interface SessionOptions {
  /** Device address for the request `/?address!` (required on RS-485 and gateways). Validated: code 65538. */
  address?: string;
  /** The request character, `?` by default (`#` for some heat meters). */
  requestChar?: string;
  /** 'auto' follows the identification's baud character; a letter forces that mode ('E' reads as mode C). */
  mode?: ClientMode;
  /** Caps the speed the meter offers in mode C/E. */
  maxBaudRate?: number;
  /**
   * The line runs at this speed and it is never changed (gateways, TCP tunnels, ports preset to e.g. 2400):
   * the option select confirms it (`ACK 0 Z 0`, Z = this speed) and setBaudRate is never called.
   */
  fixedBaudRate?: number;
  /** Like fixedBaudRate at the start speed (300 Bd; 2400 in mode D): never switch, never call setBaudRate. */
  noBaudSwitch?: boolean;
  /**
   * Wait after the option select has left the wire before changing the UART speed. Default: half the
   * meter's reaction time (100 ms, or 10 ms for a 20 ms meter), so it stays below the reaction time while
   * leaving USB converters a margin. Values at or above the reaction time lose the first bytes of the answer.
   */
  switchDelayMs?: number;
  /** Battery meters: send NULs at 300 Bd, then pause, before the request. `true` uses the defaults below. */
  wakeUp?: boolean | WakeUpOptions;
  /** Drop a received frame equal to what we just sent (optical heads and RS-485 adapters echo). */
  echo?: EchoHandling;
  /** Longest silence between two characters of one message (IEC 62056-21 ta <= 1500 ms). */
  charTimeoutMs?: number;
  /** Longest wait for the first character of an answer after our message left the wire (tr max). */
  maxReactionTimeMs?: number;
  /**
   * Pause before each of our messages. Default: the identification says (200 ms, 20 ms for a lower-case
   * third letter). Only lower it for simulated meters that do not need it.
   */
  reactionTimeMs?: number;
  /** Extra attempts after a transmission failure; each steps the speed down one standard rate, the last one stays at the start speed. */
  retries?: number;
  /** BCC algorithms accepted: 'xor' (standard) and 'sum7' (some Kamstrup meters). */
  bccAlgorithms?: readonly BccAlgorithm[];
  /** true: a BCC mismatch fails (66053); false: it is reported in the result. */
  strictBcc?: boolean;
  /** The lease signal: aborting stops the session at once (E_ABORTED) and nothing more is written. */
  signal?: AbortSignal;
  /**
   * Most bytes one answer may bring (a readout data message with all its partial blocks, a programming-mode
   * answer, a mode D telegram), noise and stray frames included. More fails with 66050. Default 64 KiB, about
   * seven times a large readout (an Iskra MT174's is 9.5 kB). It also sets how long an answer may take: twice its
   * wire time at the line speed (64 KiB: 137 s at 9600 Bd, 73 min at 300 Bd), see sessionBound().
   */
  maxAnswerBytes?: number;
  /**
   * Most partial blocks (EOT) one answer may come in; one more fails with 66050. Default 64. Each block costs
   * up to a reaction time of ours and tr max (1.5 s) of the meter's, so it adds to the answer's deadline.
   */
  maxPartialBlocks?: number;
}

export interface WakeUpOptions {
  /** How long NULs are sent at 300 Bd (2.1-2.3 s in the standard). */
  nulMs?: number;
  /** Silence after the NULs before the request (1.5-1.7 s). */
  pauseMs?: number;
}

export interface ListenOptions extends SessionOptions {
  /** Mode D speed, 2400 by default (many push meters use 9600). */
  baudRate?: number;
  /**
   * How long to wait for a push telegram to start (noise does not count). Default 30 s. Also used when automatic
   * mode finds a push meter behind a request.
   */
  listenTimeoutMs?: number;
}

export interface LoadProfileRange {
  /** `ZYYMMDDhhmm` (Z: 0 normal time, 1 summer time, 2 UTC), or '' for an open start. */
  from: string;
  to: string;
}

export interface ProgramOptions extends SessionOptions {
  /** P1 password. A credential: never logged, never put into an error. */
  password?: string;
  /** Registers read one by one, e.g. ['1.8.0', '2.8.0']. */
  registers?: readonly string[];
  /** R1 (ASCII data) or R5 (formatted, OBIS). */
  readCommand?: 'R1' | 'R5';
  /** P.01 load profile for this range, read with R5. */
  loadProfile?: LoadProfileRange;
  /** How many times one block with a bad BCC is asked for again (NAK) before failing. */
  maxBlockRepeats?: number;
}

export interface ResolvedSessionOptions {
  request: RequestMessage;
  mode: ClientMode;
  maxBaudRate: number;
  /** The speed the line starts at and, when `switching` is false, keeps. */
  startBaudRate: number;
  /** false: never call setBaudRate. */
  switching: boolean;
  /** The caller's fixedBaudRate: the speed the line is declared to run at. */
  fixedBaudRate: number | undefined;
  switchDelayMs: number | undefined;
  wakeUp: Required<WakeUpOptions> | undefined;
  echo: EchoHandling;
  charTimeoutMs: number;
  maxReactionTimeMs: number;
  reactionTimeMs: number | undefined;
  retries: number;
  bccAlgorithms: readonly BccAlgorithm[];
  strictBcc: boolean;
  signal: AbortSignal | undefined;
  maxAnswerBytes: number;
  maxPartialBlocks: number;
}

export const DEFAULTS = {
  charTimeoutMs: 1500,
  maxReactionTimeMs: 1500,
  retries: 2,
  wakeUpNulMs: 2200,
  wakeUpPauseMs: 1600,
  listenTimeoutMs: 30_000,
  modeDBaudRate: 2400,
  maxBlockRepeats: 3,
  maxAnswerBytes: 64 * 1024,
  maxPartialBlocks: 64,
} as const;

/** Upper limit of maxAnswerBytes: the client keeps one answer in memory. */
const MAX_ANSWER_BYTES_LIMIT = 64 * 1024 * 1024;

/** Default switch-over delay: half the reaction time, so the UART is switched before the meter answers. */
export function defaultSwitchDelayMs(reactionTimeMs: number): number {
  return Math.max(0, Math.floor(reactionTimeMs / 2));
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new MeterError('E_BAD_ARGUMENT', `${name} must be a number >= 0, got ${String(value)}`);
  return value;
}

function positiveInteger(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new MeterError('E_BAD_ARGUMENT', `${name} must be a whole number from 1 to ${max}, got ${String(value)}`);
  return value;
}

function resolveWakeUp(wakeUp: SessionOptions['wakeUp']): Required<WakeUpOptions> | undefined {
  if (!wakeUp) return undefined;
  const given = wakeUp === true ? {} : wakeUp;
  return {
    nulMs: nonNegative('wakeUp.nulMs', given.nulMs, DEFAULTS.wakeUpNulMs),
    pauseMs: nonNegative('wakeUp.pauseMs', given.pauseMs, DEFAULTS.wakeUpPauseMs),
  };
}

/** Validates the options (address: 65538; the rest: E_BAD_ARGUMENT) and fills in the defaults. */
export function resolveSessionOptions(options: SessionOptions, startBaudRate = 300): ResolvedSessionOptions {
  const request = new RequestMessage(options.address ?? '', options.requestChar ?? '?');
  const mode = options.mode ?? 'auto';
  if (!['auto', 'A', 'B', 'C', 'D', 'E'].includes(mode)) throw new MeterError('E_BAD_ARGUMENT', `mode must be auto, A, B, C, D or E, got ${JSON.stringify(mode)}`);
  const echo = options.echo ?? 'auto';
  if (!['auto', 'on', 'off'].includes(echo)) throw new MeterError('E_BAD_ARGUMENT', `echo must be auto, on or off, got ${JSON.stringify(echo)}`);
  const fixed = options.fixedBaudRate;
  if (fixed !== undefined && (!Number.isInteger(fixed) || fixed <= 0)) throw new MeterError('E_BAD_ARGUMENT', `fixedBaudRate must be a positive integer, got ${String(fixed)}`);
  const bccAlgorithms = options.bccAlgorithms ?? ['xor', 'sum7'];
  if (bccAlgorithms.length === 0 || bccAlgorithms.some((a) => a !== 'xor' && a !== 'sum7')) {
    throw new MeterError('E_BAD_ARGUMENT', 'bccAlgorithms must list xor and/or sum7');
  }
  const retries = nonNegative('retries', options.retries, DEFAULTS.retries);
  return {
    request,
    mode,
    maxBaudRate: nonNegative('maxBaudRate', options.maxBaudRate, Number.POSITIVE_INFINITY),
    startBaudRate: fixed ?? startBaudRate,
    switching: fixed === undefined && options.noBaudSwitch !== true,
    fixedBaudRate: fixed,
    switchDelayMs: options.switchDelayMs === undefined ? undefined : nonNegative('switchDelayMs', options.switchDelayMs, 0),
    wakeUp: resolveWakeUp(options.wakeUp),
    echo,
    charTimeoutMs: nonNegative('charTimeoutMs', options.charTimeoutMs, DEFAULTS.charTimeoutMs),
    maxReactionTimeMs: nonNegative('maxReactionTimeMs', options.maxReactionTimeMs, DEFAULTS.maxReactionTimeMs),
    reactionTimeMs: options.reactionTimeMs === undefined ? undefined : nonNegative('reactionTimeMs', options.reactionTimeMs, REACTION_TIME_MS),
    retries: Math.floor(retries),
    bccAlgorithms,
    strictBcc: options.strictBcc ?? true,
    signal: options.signal,
    maxAnswerBytes: positiveInteger('maxAnswerBytes', options.maxAnswerBytes, DEFAULTS.maxAnswerBytes, MAX_ANSWER_BYTES_LIMIT),
    maxPartialBlocks: positiveInteger('maxPartialBlocks', options.maxPartialBlocks, DEFAULTS.maxPartialBlocks, Number.MAX_SAFE_INTEGER),
  };
}

/** P.01 bounds: `ZYYMMDDhhmm` or empty. */
export function validateLoadProfileBound(name: string, value: string): void {
  if (value !== '' && !/^[012]\d{10}$/.test(value)) {
    throw new MeterError('E_BAD_ARGUMENT', `load profile ${name} must be ZYYMMDDhhmm (Z = 0 normal time, 1 summer time, 2 UTC) or empty, got ${JSON.stringify(value)}`);
  }
}

/**
 * How long each phase of a session may take, and the worst case of a whole session. Every wait of the client
 * is cut by one of these deadlines; they are fixed when a phase starts and bytes that are not progress (noise,
 * stray ACK/NAK, echoes) never move them. The standard bounds the gaps (tr, ta <= 1500 ms) but not the length
 * of a message, so the length is capped (`maxAnswerBytes`) and its time follows from the line speed.
 */
import { REACTION_TIME_MS, wireTimeMs } from '../constants';
import { DEFAULTS, type ListenOptions, type ProgramOptions, resolveSessionOptions, type ResolvedSessionOptions } from './options';

/**
 * Bytes the identification phase may bring: `/XXXZ`, a few `\W`, 32 identification characters and CR LF are
 * about 45; the rest allows an echoed request and noise before the `/`.
 */
export const IDENTIFICATION_MAX_BYTES = 128;

/** A message may come at half the line speed (meters pause between lines) and still be in time. */
export const PACING_ALLOWANCE = 2;

/** Added to the computed worst case of a session: timer and I/O latency on a busy machine. */
const LATENCY_FACTOR = 1.1;
const LATENCY_MS = 1000;

/** Our longest message apart from commands: the option select `ACK V Z Y CR LF` (6) and the break (5). */
const SHORT_MESSAGE_BYTES = 6;

/** The identification phase: the first byte within tr max, then a short line (at the start speed). */
export function identificationPhaseMs(options: ResolvedSessionOptions, baudRate: number): number {
  return options.maxReactionTimeMs + options.charTimeoutMs + wireTimeMs(IDENTIFICATION_MAX_BYTES, baudRate);
}

/**
 * One answer (a readout data message, a programming-mode answer): the first byte within tr max, at most
 * maxAnswerBytes at half the line speed, and for each partial block or repeat our ACK/NAK and the meter's
 * reaction to it.
 */
export function answerPhaseMs(options: ResolvedSessionOptions, baudRate: number, maxRepeats: number): number {
  const roundTrip = ourReactionMs(options) + wireTimeMs(1, baudRate) + options.maxReactionTimeMs;
  return options.maxReactionTimeMs + options.charTimeoutMs + PACING_ALLOWANCE * wireTimeMs(options.maxAnswerBytes, baudRate)
    + (options.maxPartialBlocks + maxRepeats) * roundTrip;
}

/** Mode D: a telegram must start within listenTimeoutMs and is then an answer of at most maxAnswerBytes. */
export function listenPhaseMs(options: ResolvedSessionOptions, listenTimeoutMs: number, baudRate: number): number {
  return listenTimeoutMs + options.charTimeoutMs + PACING_ALLOWANCE * wireTimeMs(options.maxAnswerBytes, baudRate);
}

/** The longest pause before one of our messages: the option, or the standard's 200 ms (the longest id says). */
function ourReactionMs(options: ResolvedSessionOptions): number {
  return options.reactionTimeMs ?? REACTION_TIME_MS;
}

/** Options that decide the worst case of a session; the same objects readout(), listen() and program() take. */
export type SessionBoundOptions = ProgramOptions & ListenOptions & { retryPauseMs?: number };
export type SessionKind = 'readout' | 'listen' | 'program';

/** The retry pause when none is given: the longest reaction time, so the meter drops the failed session. */
export const DEFAULT_RETRY_PAUSE_MS = 1500;

/**
 * The worst-case duration of a session (ms) with these options: every attempt with each phase at its deadline,
 * the retry pauses, plus 10% and 1 s for latency. The client uses it as the session's overall deadline
 * (E_TIMEOUT); it is a safety net, the phase deadlines end a session first.
 */
export function sessionBound(options: SessionBoundOptions, kind: SessionKind = options.mode === 'D' ? 'listen' : 'readout'): number {
  const listening = kind === 'listen';
  const resolved = resolveSessionOptions(options, listening ? options.baudRate ?? DEFAULTS.modeDBaudRate : 300);
  const computed = listening ? listenAttemptMs(resolved, options) : attemptsMs(resolved, options, kind);
  return Math.ceil(computed * LATENCY_FACTOR + LATENCY_MS);
}

function listenAttemptMs(resolved: ResolvedSessionOptions, options: SessionBoundOptions): number {
  return listenPhaseMs(resolved, options.listenTimeoutMs ?? DEFAULTS.listenTimeoutMs, resolved.startBaudRate);
}

function attemptsMs(resolved: ResolvedSessionOptions, options: SessionBoundOptions, kind: 'readout' | 'program'): number {
  const attempt = signOnMs(resolved) + (kind === 'program' ? programMs(resolved, options) : readoutMs(resolved, options));
  const pause = options.retryPauseMs ?? DEFAULT_RETRY_PAUSE_MS;
  return (resolved.retries + 1) * attempt + resolved.retries * pause;
}

/** Wake-up, request, identification, option select and switch-over, all at the start speed (the slowest). */
function signOnMs(resolved: ResolvedSessionOptions): number {
  const baud = resolved.startBaudRate;
  const wakeUp = resolved.wakeUp ? resolved.wakeUp.nulMs + wireTimeMs(1, baud) + resolved.wakeUp.pauseMs : 0;
  const request = wireTimeMs(resolved.request.encode().length, baud);
  const select = ourReactionMs(resolved) + wireTimeMs(SHORT_MESSAGE_BYTES, baud) + (resolved.switchDelayMs ?? ourReactionMs(resolved));
  return wakeUp + request + identificationPhaseMs(resolved, baud) + select;
}

/** The data message at the slowest speed it can come at (the start speed), a push telegram in automatic mode, the break after a failure. */
function readoutMs(resolved: ResolvedSessionOptions, options: SessionBoundOptions): number {
  const baud = resolved.startBaudRate;
  const push = resolved.mode === 'auto' ? listenPhaseMs(resolved, options.listenTimeoutMs ?? DEFAULTS.listenTimeoutMs, baud) : 0;
  return answerPhaseMs(resolved, baud, 0) + push + messageMs(resolved, SHORT_MESSAGE_BYTES);
}

/** P0, the password, each register, the load profile and the break: each our message, then its answer. */
function programMs(resolved: ResolvedSessionOptions, options: SessionBoundOptions): number {
  const baud = resolved.startBaudRate;
  const repeats = options.maxBlockRepeats ?? DEFAULTS.maxBlockRepeats;
  let total = answerPhaseMs(resolved, baud, 0);
  if (options.password !== undefined) total += messageMs(resolved, options.password.length + 8) + answerPhaseMs(resolved, baud, 0);
  const reads = [...(options.registers ?? []), ...(options.loadProfile ? [`P.01(${options.loadProfile.from};${options.loadProfile.to})`] : [])];
  for (const read of reads) total += messageMs(resolved, read.length + 10) + answerPhaseMs(resolved, baud, repeats);
  return total + messageMs(resolved, SHORT_MESSAGE_BYTES);
}

/** One of our messages: the reaction time before it and its wire time at the start speed. */
function messageMs(resolved: ResolvedSessionOptions, bytes: number): number {
  return ourReactionMs(resolved) + wireTimeMs(bytes, resolved.startBaudRate);
}

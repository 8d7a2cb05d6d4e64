import { MeterError } from '../../errors';
import type { ByteLink } from '../../transport/link';
import { stepDownBaudRate } from '../baud';
import { DEFAULT_RETRY_PAUSE_MS, sessionBound } from './bounds';
import { now, sessionDeadline, sleep } from './clock';
import { isRetryable } from './failures';
import { DEFAULTS, type ListenOptions, type ProgramOptions, resolveSessionOptions, type ResolvedSessionOptions } from './options';
import { endWithBreak, runProgram, validateProgramOptions } from './programming';
import { runListen, runReadout } from './readout-run';
import type { ProgramResult, ReadoutResult } from './results';
import { type AttemptPlan, Session } from './session';

export interface ClientDefaults extends ListenOptions {
  /** Pause between attempts (default 1.5 s, the longest reaction time). */
  retryPauseMs?: number;
}

/**
 * IEC 62056-21 master over any ByteLink (serial port, optical probe, TCP serial tunnel). One session at a
 * time: the caller (the pool's lease) serialises sessions on a link.
 *
 *   readout()  modes A, B, C (E advertised: read as C); D is passed on to listen()
 *   listen()   mode D: wait for a pushed telegram
 *   program()  programming mode: password, R1/R5 register reads, P.01 load profile; always ends with B0
 *
 * A failed attempt that may be a transmission problem (time-outs, BCC) is retried: each retry caps the speed
 * one standard rate below the one that failed, and the last retry does not switch at all.
 *
 * Every wait is bounded: each phase (identification, data message, each programming-mode answer, a push
 * telegram) has a deadline and a byte budget fixed when it starts, and the whole session ends by
 * sessionBound(options) (E_TIMEOUT, a safety net), with or without the caller's signal.
 */
export class Iec62056Client {
  constructor(
    readonly link: ByteLink,
    private readonly defaults: ClientDefaults = {},
  ) {}

  /** Modes A, B, C, E; mode D (given, or found in automatic mode: a meter that pushes) reads a push telegram. */
  async readout(options: ListenOptions = {}): Promise<ReadoutResult> {
    const merged = { ...this.defaults, ...options };
    if (merged.mode === 'D') return this.listen(merged);
    const resolved = resolveSessionOptions(merged);
    const listenTimeoutMs = merged.listenTimeoutMs ?? DEFAULTS.listenTimeoutMs;
    return withDeadline(resolved, sessionBound(merged, 'readout'), (bounded) =>
      this.withAttempts(bounded, merged.retryPauseMs, (session, startedAt, attempt) => runReadout(session, startedAt, attempt, listenTimeoutMs)));
  }

  /** Mode D. The result's baudRate is null over TCP unless baudRate or fixedBaudRate says the speed. */
  async listen(options: ListenOptions = {}): Promise<ReadoutResult> {
    const merged: ListenOptions = { ...this.defaults, ...options, mode: 'D' };
    const resolved = resolveSessionOptions(merged, merged.baudRate ?? DEFAULTS.modeDBaudRate);
    return withDeadline(resolved, sessionBound(merged, 'listen'), async (bounded) => {
      const session = new Session(this.link, bounded, { capBaudRate: bounded.startBaudRate, switching: false });
      try {
        await session.prepare();
        return await runListen(session, merged.listenTimeoutMs ?? DEFAULTS.listenTimeoutMs, merged.baudRate ?? merged.fixedBaudRate);
      } finally {
        session.close();
      }
    });
  }

  async program(options: ProgramOptions = {}): Promise<ProgramResult> {
    const merged = { ...this.defaults, ...options };
    validateProgramOptions(merged);
    const resolved = resolveSessionOptions(merged);
    return withDeadline(resolved, sessionBound(merged, 'program'), (bounded) =>
      this.withAttempts(bounded, merged.retryPauseMs, (session, startedAt, attempt) => runProgram(session, merged, startedAt, attempt), false));
  }

  private async withAttempts<T>(
    options: ResolvedSessionOptions,
    retryPauseMs: number | undefined,
    run: (session: Session, firstStartedAt: number, attempt: number) => Promise<T>,
    breakOnError = true,
  ): Promise<T> {
    const firstStartedAt = now();
    let capBaudRate = Number.POSITIVE_INFINITY;
    for (let attempt = 1; ; attempt++) {
      const plan: AttemptPlan = { capBaudRate, switching: attempt === 1 || attempt <= options.retries };
      const session = new Session(this.link, options, plan);
      try {
        await session.prepare();
        return await run(session, firstStartedAt, attempt);
      } catch (error) {
        session.state = 'failed';
        if (breakOnError && session.requestSent) await endWithBreak(session);
        if (!isRetryable(error) || attempt > options.retries) throw withAttempts(error, attempt);
        // Step down from the speed that failed; a failure before any switch keeps the cap.
        if (session.baudRate !== options.startBaudRate) capBaudRate = stepDownBaudRate(session.baudRate) ?? options.startBaudRate;
      } finally {
        session.close();
      }
      await sleep(retryPauseMs ?? DEFAULT_RETRY_PAUSE_MS, options.signal, 'request');
    }
  }
}

/** Runs a session with its overall deadline: the options it gets carry a signal that fires at `boundMs`. */
async function withDeadline<T>(options: ResolvedSessionOptions, boundMs: number, run: (bounded: ResolvedSessionOptions) => Promise<T>): Promise<T> {
  const deadline = sessionDeadline(boundMs, options.signal);
  try {
    return await run({ ...options, signal: deadline.signal });
  } finally {
    deadline.clear();
  }
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof MeterError) error.details.attempts = attempts;
  return error;
}

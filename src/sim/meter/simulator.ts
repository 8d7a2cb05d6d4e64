import { EventEmitter } from 'node:events';
import { REACTION_TIME_MS } from '../../iec62056/constants';
import { MeterFaults, validateFaults } from './faults';
import { MeterSimLog } from './log';
import type { MeterPort } from './port';
import { MeterProfile, registersOf, validateProfile } from './profile';
import { MeterSession, MeterSessionContext } from './session';

export interface MeterSimulatorOptions {
  /** Send bytes at the line speed (default true). Turn off for in-memory links where nothing limits the speed. */
  pacing?: boolean;
  /** Overrides the profile's reaction time (default: the profile's, normally 200 ms). */
  reactionTimeMs?: number;
  /** Silence after which a started session drops back to waiting for a request. Default 3000 ms. */
  inactivityTimeoutMs?: number;
  faults?: MeterFaults;
  /** Log entries kept (oldest dropped first). Default 10000. */
  maxLogEntries?: number;
}

export const DEFAULT_INACTIVITY_TIMEOUT_MS = 3000;

/**
 * One simulated meter: a profile, faults that can be switched at run time, registers (W1 writes persist across
 * sessions) and one log. Every connection attached gets its own `MeterSession`. Events: 'session' (MeterSession).
 */
export class MeterSimulator extends EventEmitter implements MeterSessionContext {
  readonly profile: MeterProfile;
  readonly log: MeterSimLog;
  readonly registers: Map<string, string>;
  readonly pacing: boolean;
  readonly reactionTimeMs: number;
  readonly inactivityTimeoutMs: number;
  readonly sessions = new Set<MeterSession>();
  private faults_: MeterFaults = {};
  private connections = 0;
  private sessionCount = 0;

  constructor(profile: MeterProfile, options: MeterSimulatorOptions = {}) {
    super();
    validateProfile(profile);
    this.profile = profile;
    this.log = new MeterSimLog(options.maxLogEntries);
    this.log.on('entry', (entry: { type: string }) => {
      if (entry.type === 'session') this.sessionCount++;
    });
    this.registers = registersOf(profile);
    this.pacing = options.pacing ?? true;
    this.reactionTimeMs = options.reactionTimeMs ?? profile.reactionTimeMs ?? REACTION_TIME_MS;
    this.inactivityTimeoutMs = options.inactivityTimeoutMs ?? DEFAULT_INACTIVITY_TIMEOUT_MS;
    this.setFaults(options.faults ?? {});
  }

  get faults(): Readonly<MeterFaults> {
    return this.faults_;
  }

  /** Replaces the active faults (an empty object clears them). Applies to every session from its next step. */
  setFaults(faults: MeterFaults): void {
    validateFaults(faults);
    this.faults_ = { ...faults };
    this.log.add({ type: 'event', connection: 0, name: 'faults', detail: JSON.stringify(this.faults_) });
  }

  /** Number of requests answered (sessions started) so far, over all connections. */
  get sessionsStarted(): number {
    return this.sessionCount;
  }

  /** The speed of the most recently attached live session (the initial speed when there is none). */
  get currentBaudRate(): number {
    let last: MeterSession | undefined;
    for (const session of this.sessions) last = session;
    return last?.baudRate ?? this.profile.push?.baudRate ?? this.profile.initialBaudRate;
  }

  /** Runs a meter session on a port (an accepted socket, a serial port, one end of a memory link pair). */
  attach(port: MeterPort): MeterSession {
    const session = new MeterSession(this, port, ++this.connections);
    this.sessions.add(session);
    port.on('close', () => this.sessions.delete(session));
    this.emit('session', session);
    return session;
  }

  /** Stops every session's timers and pending bytes. Ports are closed by whoever opened them. */
  stop(): void {
    for (const session of this.sessions) session.close();
    this.sessions.clear();
  }
}

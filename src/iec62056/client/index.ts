/** The IEC 62056-21 master: readouts (modes A-E), mode D listening, programming mode. */
export { Iec62056Client, type ClientDefaults } from './client';
export type { ClientMode, EchoHandling, ListenOptions, LoadProfileRange, ProgramOptions, SessionOptions, WakeUpOptions } from './options';
export { defaultSwitchDelayMs } from './options';
export { sessionBound, type SessionBoundOptions, type SessionKind } from './bounds';
export type { ProgramResult, ReadoutResult, RegisterResult, SessionFacts, SessionTimings } from './results';
export { chooseBaudRate } from './session';

// The IEC 62056-21 meter simulator: profiles, faults, sessions, and the TCP / pty / serial transports.
export * from './faults';
export * from './load-profile';
export * from './log';
export * from './pacer';
export * from './port';
export * from './profile';
export * from './profiles';
export * from './programming';
export * from './push';
export * from './pty';
export * from './serial-port';
export * from './session';
export * from './simulator';
export * from './socket-port';
export * from './tcp-server';

import type { EventEmitter } from 'node:events';
import { MeterError } from '../errors';

/**
 * The small part of the `serialport` package we use, as structural types of our own, so that
 * the package stays an optional dependency and `SerialPortMock` can be injected in tests.
 */
export interface SerialPortLike extends EventEmitter {
  readonly isOpen: boolean;
  open(callback?: (error: Error | null) => void): void;
  write(data: Buffer, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback?: (error: Error | null) => void): void;
  update(options: { baudRate: number }, callback?: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
}

export interface SerialPortOpenSettings {
  path: string;
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  autoOpen: false;
}

export interface SerialPortInfoLike {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
}

export interface SerialPortClass {
  new (options: SerialPortOpenSettings): SerialPortLike;
  list(): Promise<SerialPortInfoLike[]>;
}

let loaded: SerialPortClass | undefined;

/** True once the `serialport` package has been required (a TCP-only user never gets here). */
export function isSerialPortLoaded(): boolean {
  return loaded !== undefined;
}

type ModuleLoader = (id: string) => unknown;

/**
 * Requires `serialport` on first use; a missing or broken native module becomes E_SERIAL_UNAVAILABLE.
 * `requireModule` is injected by tests to simulate a missing package.
 */
export function loadSerialPort(requireModule?: ModuleLoader): SerialPortClass {
  // The cache serves the real package only; an injected loader is always asked (tests run in one process).
  if (loaded && requireModule === undefined) return loaded;
  let mod: { SerialPort?: SerialPortClass };
  try {
    // A lazy require on purpose: the native module is optional and must not load for TCP-only use.
    mod = (requireModule ?? require)('serialport') as { SerialPort?: SerialPortClass };
  } catch (error) {
    throw new MeterError('E_SERIAL_UNAVAILABLE', `the serialport package cannot be loaded: ${(error as Error).message}`, {
      cause: error,
      hint: 'Install it next to this package (npm install serialport) and check that its native module built for this Node.js version.',
    });
  }
  if (typeof mod.SerialPort !== 'function') {
    throw new MeterError('E_SERIAL_UNAVAILABLE', 'the serialport package does not export SerialPort', {
      hint: 'Install serialport version 10 or later.',
    });
  }
  if (requireModule === undefined) loaded = mod.SerialPort;
  return mod.SerialPort;
}

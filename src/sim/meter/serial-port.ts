import { EventEmitter } from 'node:events';
import { MeterError } from '../../errors';
import type { MeterPort } from './port';

/** The part of serialport's `SerialPort` the simulator uses. */
interface SerialPortLike {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error) => void): unknown;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  update(options: { baudRate: number }, callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  isOpen: boolean;
}

interface SerialPortModule {
  SerialPort: new (options: Record<string, unknown>, callback: (error: Error | null) => void) => SerialPortLike;
}

export interface SerialMeterPortOptions {
  /** Default 300. */
  baudRate?: number;
  /** Default 7 (7E1 like a real meter). Use 8/none on a pty, which ignores line settings anyway. */
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** Follow the meter's speed changes on the line (real serial ports). Default true. */
  followBaudRate?: boolean;
}

/** Loads serialport only when a serial meter is asked for: it is an optional dependency with a native part. */
function loadSerialPort(): SerialPortModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load of an optional native dependency
    return require('serialport') as SerialPortModule;
  } catch (error) {
    throw new MeterError('E_SERIAL_UNAVAILABLE', 'the serialport package is not installed', {
      hint: 'Install the optional dependency serialport to run meters on serial ports or ptys.',
      cause: error,
    });
  }
}

/** A serial port (or a pty end) as a meter port. */
export class SerialMeterPort extends EventEmitter implements MeterPort {
  constructor(
    private readonly port: SerialPortLike,
    private readonly followBaudRate: boolean,
  ) {
    super();
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('close', () => this.emit('close'));
    port.on('error', () => undefined);
  }

  write(bytes: Buffer): Promise<void> {
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => this.port.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  setBaudRate(baudRate: number): Promise<void> {
    if (!this.followBaudRate || !this.port.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => this.port.update({ baudRate }, (error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}

export function openSerialMeterPort(path: string, options: SerialMeterPortOptions = {}): Promise<SerialMeterPort> {
  const { SerialPort } = loadSerialPort();
  return new Promise((resolve, reject) => {
    const port = new SerialPort(
      { path, baudRate: options.baudRate ?? 300, dataBits: options.dataBits ?? 7, parity: options.parity ?? 'even', stopBits: options.stopBits ?? 1, autoOpen: true },
      (error) => {
        if (error) reject(new MeterError('E_SERIAL_UNAVAILABLE', `cannot open serial port ${path}: ${error.message}`, { hint: 'Check the path and that no other program holds the port.', cause: error }));
        else resolve(new SerialMeterPort(port, options.followBaudRate ?? true));
      },
    );
  });
}

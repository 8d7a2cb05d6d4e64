import { EventEmitter } from 'node:events';
import { MeterError } from '../errors';
import { endpointKey, type Endpoint, type ByteLink, type SerialSettings } from './link';
import { loadSerialPort, type SerialPortClass, type SerialPortLike } from './serial-loader';

export type SerialEndpoint = Extract<Endpoint, { kind: 'serial' }>;

export interface SerialLinkDeps {
  /** The SerialPort class; defaults to the `serialport` package, loaded when the link opens. */
  SerialPort?: SerialPortClass;
}

/** "9600 7E1": how line settings are shown in messages. */
export function formatSerialSettings(settings: SerialSettings): string {
  return `${settings.baudRate} ${settings.dataBits}${settings.parity[0]!.toUpperCase()}${settings.stopBits}`;
}

/**
 * A ByteLink over a serial port. 'close' is emitted once per successful open(), with the
 * disconnect error when the device went away (e.g. a USB probe unplugged).
 */
export class SerialLink extends EventEmitter implements ByteLink {
  readonly key: string;
  private readonly endpoint: SerialEndpoint;
  private readonly deps: SerialLinkDeps;
  private port: SerialPortLike | undefined;
  private open_ = false;
  private closeError: Error | undefined;

  constructor(endpoint: SerialEndpoint, deps: SerialLinkDeps = {}) {
    super();
    this.endpoint = endpoint;
    this.deps = deps;
    this.key = endpointKey(endpoint);
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    if (this.port) throw new MeterError('E_BAD_ARGUMENT', `${this.key} is already opening or closing`);
    const SerialPort = this.deps.SerialPort ?? loadSerialPort();
    const { path, baudRate, dataBits, parity, stopBits } = this.endpoint;
    let port: SerialPortLike;
    try {
      port = new SerialPort({ path, baudRate, dataBits, parity, stopBits, autoOpen: false });
    } catch (error) {
      throw this.openError(error as Error);
    }
    this.port = port;
    try {
      await callbackToPromise((done) => port.open(done));
    } catch (error) {
      this.port = undefined;
      throw this.openError(error as Error);
    }
    this.adopt(port);
  }

  async write(bytes: Buffer | string): Promise<void> {
    const port = this.port;
    if (!port || !this.open_) throw new MeterError('E_NOT_CONNECTED', `${this.key} is not open`);
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    try {
      await callbackToPromise((done) => port.write(chunk, (error) => done(error ?? null)));
      await callbackToPromise((done) => port.drain(done));
    } catch (error) {
      throw new MeterError('E_CONNECTION_LOST', `write to ${this.key} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async setBaudRate(baudRate: number): Promise<void> {
    const port = this.port;
    if (!port || !this.open_) throw new MeterError('E_NOT_CONNECTED', `${this.key} is not open`);
    try {
      await callbackToPromise((done) => port.update({ baudRate }, done));
    } catch (error) {
      throw new MeterError('E_BAD_ARGUMENT', `${this.key} cannot switch to ${baudRate} Bd: ${(error as Error).message}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port || !this.open_) return;
    this.open_ = false;
    const closed = new Promise<void>((resolve) => port.once('close', () => resolve()));
    port.close();
    await closed;
  }

  destroy(error?: Error): void {
    const port = this.port;
    if (!port || !this.open_) return;
    this.closeError ??= error;
    this.open_ = false;
    // SerialPortStream.destroy() would not release the OS handle; close() does.
    port.close();
  }

  private adopt(port: SerialPortLike): void {
    this.open_ = true;
    this.closeError = undefined;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (error: Error) => {
      this.closeError ??= error;
    });
    port.once('close', (disconnectError?: Error | null) => {
      const error = this.closeError ?? disconnectError ?? undefined;
      port.removeAllListeners('data');
      this.open_ = false;
      this.port = undefined;
      this.closeError = undefined;
      this.emit('close', error);
    });
  }

  private openError(error: Error): MeterError {
    const settings = formatSerialSettings(this.endpoint);
    return new MeterError('E_CONNECT_FAILED', `cannot open serial port ${this.endpoint.path} (${settings}): ${error.message}`, {
      cause: error,
      details: { path: this.endpoint.path, settings },
      hint: 'Check the device path, that no other program holds the port, and that this user may open it (group dialout).',
    });
  }
}

function callbackToPromise(start: (done: (error: Error | null) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => start((error) => (error ? reject(error) : resolve())));
}

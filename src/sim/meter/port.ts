/**
 * The byte stream a simulated meter talks over. Deliberately minimal so that `ByteLink` (and thus the in-memory
 * link pair), an accepted TCP socket (via `SocketMeterPort`) and a serial port (via `openSerialMeterPort`) all fit.
 * Events: 'data' (chunk: Buffer), 'close'.
 */
export interface MeterPort {
  write(bytes: Buffer): Promise<void> | void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer) => void): unknown;
  removeListener(event: 'close', listener: () => void): unknown;
  close(): Promise<void> | void;
  /** Optional: a real serial line follows the meter's speed changes. Sockets and ptys ignore speed. */
  setBaudRate?(baudRate: number): Promise<void>;
}

import type { EventEmitter } from 'node:events';

/** Serial line settings. IEC 62056-21 meters use 7E1; the SmartCOM console uses 115200 8N1. */
export interface SerialSettings {
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
}

export type Endpoint =
  | { kind: 'tcp'; host: string; port: number }
  | ({ kind: 'serial'; path: string } & SerialSettings);

/** The pool key: one link per key for the whole runtime. */
export function endpointKey(endpoint: Endpoint): string {
  return endpoint.kind === 'tcp' ? `tcp://${endpoint.host}:${endpoint.port}` : `serial:${endpoint.path}`;
}

/**
 * A byte link (TCP socket or serial port). Events:
 * - 'data' (chunk: Buffer)
 * - 'close' (error?: Error): the link went away (by us or by the peer); it is not reopened by the link itself.
 */
export interface ByteLink extends EventEmitter {
  readonly key: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves when the bytes have been handed to the OS (serial: drained). */
  write(bytes: Buffer | string): Promise<void>;
  /** Change the speed of a serial line (after an IEC 62056-21 baud switch). A TCP link resolves and does nothing. */
  setBaudRate(baudRate: number): Promise<void>;
  /** Closes and releases the OS handle. Safe to call twice. */
  close(): Promise<void>;
  /** Tears the link down at once (half-open detection). Emits 'close'. */
  destroy(error?: Error): void;
}

import { MeterError } from '../errors';
import type { Endpoint, SerialSettings } from '../transport/link';

/** Where a meter is reached directly: a serial port (line settings default to 7E1) or a TCP serial tunnel. */
export type MeterEndpointSpec =
  | { kind: 'tcp'; host: string; port: number }
  | ({ kind: 'serial'; path: string } & Partial<SerialSettings>);

/** IEC 62056-21 meters speak 7 data bits, even parity, 1 stop bit. */
export const IEC_LINE: Omit<SerialSettings, 'baudRate'> = { dataBits: 7, parity: 'even', stopBits: 1 };

/**
 * The pool endpoint. A serial port opens at `startBaudRate` (300 for modes A-C, the push speed in mode D,
 * the fixed speed when it never changes) unless the spec gives a baud rate of its own; every user of one
 * port must agree on these settings (the pool refuses a second user with other ones: E_SERIAL_CONFLICT).
 */
export function meterEndpoint(spec: MeterEndpointSpec, startBaudRate = 300): Endpoint {
  if (spec.kind === 'tcp') {
    const host = typeof spec.host === 'string' ? spec.host.trim() : '';
    if (host === '') throw bad('host', 'is required for a TCP connection');
    if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) throw bad('port', `must be a whole number from 1 to 65535, got ${JSON.stringify(spec.port)}`);
    return { kind: 'tcp', host, port: spec.port };
  }
  const path = typeof spec.path === 'string' ? spec.path.trim() : '';
  if (path === '') throw bad('serialPath', 'is required for a serial connection');
  const endpoint = {
    kind: 'serial' as const,
    path,
    baudRate: spec.baudRate ?? startBaudRate,
    dataBits: spec.dataBits ?? IEC_LINE.dataBits,
    parity: spec.parity ?? IEC_LINE.parity,
    stopBits: spec.stopBits ?? IEC_LINE.stopBits,
  };
  if (![7, 8].includes(endpoint.dataBits)) throw bad('dataBits', 'must be 7 or 8');
  if (!['none', 'even', 'odd'].includes(endpoint.parity)) throw bad('parity', 'must be none, even or odd');
  if (![1, 2].includes(endpoint.stopBits)) throw bad('stopBits', 'must be 1 or 2');
  if (!Number.isInteger(endpoint.baudRate) || endpoint.baudRate <= 0) throw bad('baudRate', 'must be a positive whole number');
  return endpoint;
}

function bad(field: string, problem: string): MeterError {
  return new MeterError('E_BAD_ARGUMENT', `${field} ${problem}`, { details: { field } });
}

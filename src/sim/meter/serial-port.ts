import { SerialLink } from '../../transport/serial-link';
import type { MeterPort } from './port';

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

/** A serial port (or a pty end) as a meter port: the transport's SerialLink, which loads serialport lazily. */
export type SerialMeterPort = MeterPort;

export async function openSerialMeterPort(path: string, options: SerialMeterPortOptions = {}): Promise<SerialMeterPort> {
  const link = new SerialLink({
    kind: 'serial',
    path,
    baudRate: options.baudRate ?? 300,
    dataBits: options.dataBits ?? 7,
    parity: options.parity ?? 'even',
    stopBits: options.stopBits ?? 1,
  });
  await link.open();
  if (options.followBaudRate ?? true) return link;
  // A pty ignores line speed; the simulator paces bytes itself, so speed changes are not passed on.
  return {
    write: (bytes) => link.write(bytes),
    on: (event: 'data' | 'close', listener: (chunk: Buffer) => void) => link.on(event, listener),
    removeListener: (event: 'data' | 'close', listener: (chunk: Buffer) => void) => link.removeListener(event, listener),
    close: () => link.close(),
  } as MeterPort;
}

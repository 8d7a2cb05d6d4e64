/**
 * The admin endpoint behind the editor's serial-port picker:
 * GET /smartcom-config/serialports -> [{ path, manufacturer?, serialNumber?, source }].
 */
import type { SerialPortEntry } from '../../src/transport/serial-ports';
import type { HttpHandler, HttpRequest, HttpResponse } from './red';

export const SERIAL_PORTS_PATH = '/smartcom-config/serialports';
export const READ_PERMISSION = 'smartcom-config.read';

/** A handler answering with the port list, or 500 and a message naming the failure. */
export function serialPortsHandler(list: () => Promise<SerialPortEntry[]>): HttpHandler {
  return (_req: HttpRequest, res: HttpResponse) => {
    list().then(
      (ports) => res.json(ports),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        res.status(500).json({ error: 'E_SERIAL_LIST', message: `listing serial ports failed: ${reason}` });
      },
    );
  };
}

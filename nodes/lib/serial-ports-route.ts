/**
 * The admin endpoint behind the editor's serial-port picker:
 * GET /smartcom-config/serialports -> [{ path, manufacturer?, serialNumber?, source }].
 */
import type { SerialPortEntry } from '../../src/transport/serial-ports';
import type { HttpHandler, HttpRequest, HttpResponse, Translate } from './red';

export const SERIAL_PORTS_PATH = '/smartcom-config/serialports';
export const READ_PERMISSION = 'smartcom-config.read';

/**
 * A handler answering with the port list, or 500 and a message naming the failure, in the runtime's
 * language (`t`: the node's RED._; the reason is the operating system's own text).
 */
export function serialPortsHandler(list: () => Promise<SerialPortEntry[]>, t: Translate): HttpHandler {
  return (_req: HttpRequest, res: HttpResponse) => {
    list().then(
      (ports) => res.json(ports),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        res.status(500).json({ error: 'E_SERIAL_LIST', message: t('smartcom-config.errors.list-failed-server', { reason }) });
      },
    );
  };
}

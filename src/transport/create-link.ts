import type { ByteLink, Endpoint } from './link';
import { SerialLink } from './serial-link';
import type { SerialPortClass } from './serial-loader';
import { TcpLink } from './tcp-link';

export interface CreateLinkDeps {
  connectTimeoutMs?: number;
  /** Injected in tests (SerialPortMock); otherwise the serialport package is loaded when a serial link opens. */
  SerialPort?: SerialPortClass;
}

/** A new, not yet opened link for an endpoint. */
export function createLink(endpoint: Endpoint, deps: CreateLinkDeps = {}): ByteLink {
  if (endpoint.kind === 'tcp') {
    return new TcpLink({
      host: endpoint.host,
      port: endpoint.port,
      ...(deps.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: deps.connectTimeoutMs }),
    });
  }
  return new SerialLink(endpoint, deps.SerialPort ? { SerialPort: deps.SerialPort } : {});
}

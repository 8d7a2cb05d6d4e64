import { createServer, Server, Socket } from 'node:net';
import { MeterError } from '../../errors';
import type { MeterProfile } from './profile';
import { MeterSimulator, MeterSimulatorOptions } from './simulator';
import { SocketMeterPort } from './socket-port';

export interface MeterSimServerOptions extends MeterSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

/**
 * A TCP server where every connection is a line to the meters: like a serial-to-TCP converter in front of an
 * optical head or an RS-485 bus. Several simulators on one server share each connection as meters share a bus,
 * so only the addressed meter answers (and an unaddressed request makes them all answer at once, as on a real bus).
 */
export class MeterSimServer {
  readonly simulators: MeterSimulator[];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly options: MeterSimServerOptions;

  constructor(meters: MeterProfile | MeterSimulator | readonly (MeterProfile | MeterSimulator)[], options: MeterSimServerOptions = {}) {
    this.options = options;
    const list = Array.isArray(meters) ? meters : [meters];
    if (list.length === 0) throw new MeterError('E_BAD_ARGUMENT', 'a meter simulator server needs at least one meter');
    this.simulators = list.map((meter: MeterProfile | MeterSimulator) => (meter instanceof MeterSimulator ? meter : new MeterSimulator(meter, options)));
  }

  /** The first (often only) meter. */
  get simulator(): MeterSimulator {
    return this.simulators[0];
  }

  start(): Promise<{ host: string; port: number }> {
    if (this.server) throw new MeterError('E_BAD_ARGUMENT', 'meter simulator server already started');
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    const host = this.options.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      server.once('error', (error) => reject(new MeterError('E_CONNECT_FAILED', `meter simulator cannot listen on ${host}:${this.options.port ?? 0}: ${error.message}`, { cause: error })));
      server.listen(this.options.port ?? 0, host, () => {
        const address = server.address();
        resolve({ host, port: typeof address === 'object' && address ? address.port : 0 });
      });
    });
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const port = new SocketMeterPort(socket);
    for (const simulator of this.simulators) simulator.attach(port);
  }

  /** Closes every connection, every session timer and the listener. */
  async stop(): Promise<void> {
    for (const simulator of this.simulators) simulator.stop();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

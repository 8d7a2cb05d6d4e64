import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { MeterPort } from './port';

/** An accepted TCP socket as a meter port. Speed changes are meaningless on TCP; the pacer does the timing. */
export class SocketMeterPort extends EventEmitter implements MeterPort {
  constructor(readonly socket: Socket) {
    super();
    socket.on('data', (chunk: Buffer) => this.emit('data', chunk));
    socket.on('close', () => this.emit('close'));
    // Errors (peer reset) are followed by 'close'; without a listener they would crash the process.
    socket.on('error', () => undefined);
  }

  write(bytes: Buffer): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) return Promise.resolve();
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    this.socket.destroy();
  }
}

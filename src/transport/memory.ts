import { EventEmitter } from 'node:events';
import type { ByteLink } from './link';

/**
 * An in-memory byte link. `createMemoryLinkPair()` gives two connected ends: what one writes,
 * the other receives (asynchronously, like a socket). Used by tests and by the simulated AMS.
 */
export class MemoryLink extends EventEmitter implements ByteLink {
  readonly key: string;
  private peer: MemoryLink | undefined;
  private open_ = false;
  baudRate: number | undefined;
  readonly written: Buffer[] = [];

  constructor(key: string) {
    super();
    this.key = key;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  connect(peer: MemoryLink): void {
    this.peer = peer;
  }

  async open(): Promise<void> {
    this.open_ = true;
  }

  async write(bytes: Buffer | string): Promise<void> {
    if (!this.open_) throw new Error(`memory link ${this.key} is closed`);
    const chunk = Buffer.isBuffer(bytes) ? Buffer.from(bytes) : Buffer.from(bytes, 'latin1');
    this.written.push(chunk);
    const peer = this.peer;
    setImmediate(() => {
      if (peer && peer.open_) peer.emit('data', chunk);
    });
  }

  async setBaudRate(baudRate: number): Promise<void> {
    this.baudRate = baudRate;
  }

  async close(): Promise<void> {
    this.shutdown(undefined, true);
  }

  destroy(error?: Error): void {
    this.shutdown(error, true);
  }

  private shutdown(error: Error | undefined, notifyPeer: boolean): void {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close', error);
    if (notifyPeer && this.peer) this.peer.shutdown(undefined, false);
  }
}

export function createMemoryLinkPair(key = 'memory'): [MemoryLink, MemoryLink] {
  const a = new MemoryLink(`${key}#a`);
  const b = new MemoryLink(`${key}#b`);
  a.connect(b);
  b.connect(a);
  return [a, b];
}

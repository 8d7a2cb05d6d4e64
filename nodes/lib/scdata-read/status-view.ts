/**
 * The one status the node shows, from three sources: the shared connection's status (pushed by
 * smartcom-config), a running drain's progress, and the store's fill level when idle. A red
 * connection status always wins; a drain's progress wins over the fill level. Free space below
 * the low-space threshold turns the idle status yellow and logs one warning per crossing.
 */
import type { NodeStatus } from '../red';

export interface StoreLevel {
  count?: number;
  freeBytes?: number;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

const PREFIX = 'scdata-read.status.';

export class StatusView {
  private connection: NodeStatus | undefined;
  private drain: { deleted: number; total: number } | undefined;
  private level: StoreLevel = {};
  private low = false;

  constructor(
    private readonly show: (status: NodeStatus) => void,
    private readonly translate: Translate,
    private readonly lowSpaceBytes: number,
    private readonly warn: (text: string) => void,
  ) {}

  connectionStatus(status: NodeStatus): void {
    this.connection = status;
    this.render();
  }

  progress(deleted: number, total: number): void {
    this.drain = { deleted, total: Math.max(total, deleted) };
    this.render();
  }

  drainEnded(): void {
    this.drain = undefined;
    this.render();
  }

  storeLevel(level: StoreLevel): void {
    this.level = { ...this.level, ...level };
    this.checkLowSpace();
    this.render();
  }

  private checkLowSpace(): void {
    const { freeBytes } = this.level;
    const low = this.lowSpaceBytes > 0 && freeBytes !== undefined && freeBytes < this.lowSpaceBytes;
    if (low && !this.low) this.warn(this.translate(`${PREFIX}low-space-warning`, { free: freeBytes, threshold: this.lowSpaceBytes }));
    this.low = low;
  }

  private render(): void {
    if (this.connection?.fill === 'red' || (!this.drain && this.level.count === undefined && this.level.freeBytes === undefined)) {
      if (this.connection) this.show(this.connection);
      return;
    }
    if (this.drain) {
      this.show({ fill: 'blue', shape: 'dot', text: this.translate(`${PREFIX}drained`, { deleted: this.drain.deleted, total: this.drain.total }) });
      return;
    }
    const kB = this.level.freeBytes === undefined ? '?' : (this.level.freeBytes / 1024).toFixed(1);
    const params = { count: this.level.count ?? '?', free: kB };
    if (this.low) this.show({ fill: 'yellow', shape: 'ring', text: this.translate(`${PREFIX}low-space`, params) });
    else this.show({ fill: 'green', shape: 'dot', text: this.translate(`${PREFIX}stored`, params) });
  }
}

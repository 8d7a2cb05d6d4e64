import type { PendingLease } from './pending-lease';

/**
 * The leases of one connection in FIFO order: the head (the one whose turn it is, running or
 * waiting for the link) and those queued behind it. A lease's own timeout runs from its turn, so its
 * budget is spent on its own work, not on that of the leases before it; while it is queued, its wait
 * is bounded by what those leases may take (their timeouts) plus its own timeout, so a lease that
 * the connection never starts (e.g. it closes meanwhile) still times out.
 */
export class LeaseLine<S> {
  private head: PendingLease<S> | undefined;
  private readonly waiting: PendingLease<S>[] = [];

  /** The head, when its function has been called. */
  get running(): PendingLease<S> | undefined {
    return this.head?.running ? this.head : undefined;
  }

  /** Some lease has its turn or waits for one. */
  get busy(): boolean {
    return this.head !== undefined || this.waiting.length > 0;
  }

  /** A caller's lease is running; the internal keep-alive probe is not user work and does not count. */
  get userLeaseRunning(): boolean {
    return (this.head?.running && !this.head.internal) ?? false;
  }

  isHead(lease: PendingLease<S>): boolean {
    return this.head === lease;
  }

  /** Callers' leases not yet running: the head counts while it waits for the link. */
  waitingCount(): number {
    const headWaits = this.head !== undefined && !this.head.running && !this.head.internal;
    return this.waiting.length + (headWaits ? 1 : 0);
  }

  /** Queues a lease at the end and starts its queue-wait bound; into an empty line it takes the turn at once. */
  enqueue(lease: PendingLease<S>, onTimeout: (lease: PendingLease<S>) => void): void {
    if (!this.busy) return this.takeTurn(lease, onTimeout);
    const aheadMs = [this.head, ...this.waiting].reduce((sum, each) => sum + (each?.options.timeoutMs ?? 0), 0);
    this.waiting.push(lease);
    lease.startQueueTimer(aheadMs, () => onTimeout(lease));
  }

  /** Gives the turn to the next queued lease when nobody has it, starting that lease's timeout. */
  advance(onTimeout: (lease: PendingLease<S>) => void): PendingLease<S> | undefined {
    if (!this.head) {
      const next = this.waiting.shift();
      if (next) this.takeTurn(next, onTimeout);
    }
    return this.head;
  }

  /** Gives the turn to a lease that was never queued (the keep-alive probe, made only when the line is empty). */
  takeTurn(lease: PendingLease<S>, onTimeout: (lease: PendingLease<S>) => void): void {
    this.head = lease;
    lease.startTimer(() => onTimeout(lease));
  }

  /** Takes a settled lease out of the line, wherever it is. */
  remove(lease: PendingLease<S>): void {
    if (this.head === lease) this.head = undefined;
    else removeFromQueue(this.waiting, lease);
  }

  /** Fails every lease, the head first, and empties the line. */
  failAll(error: unknown): void {
    for (const lease of [this.head, ...this.waiting.splice(0)]) lease?.settle({ error });
    this.head = undefined;
  }
}

/** Removes one lease from a FIFO; false when it was not there. */
function removeFromQueue<S>(queue: PendingLease<S>[], lease: PendingLease<S>): boolean {
  const index = queue.indexOf(lease);
  if (index < 0) return false;
  queue.splice(index, 1);
  return true;
}

/**
 * Acknowledged delivery: keys that came back on the node's input (msg.ack, typically from a
 * Complete node after the database or MQTT node). A round waits until every key it sent is back,
 * or the timeout passes; what counts is the acknowledged run from the oldest record on, because
 * the gateway can only delete its oldest records.
 */
export class AckTracker {
  private readonly acked = new Set<string>();
  private wake: (() => void) | undefined;

  /** Takes a key or an array of keys; returns how many were taken. */
  ack(value: unknown): number {
    const keys = (Array.isArray(value) ? value : [value]).filter((key): key is string => typeof key === 'string');
    for (const key of keys) this.acked.add(key);
    this.wake?.();
    return keys.length;
  }

  /** Resolves with how many of `keys`, from the first, were acknowledged: all of them, or as many as were when `timeoutMs` passed. */
  async wait(keys: readonly string[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.prefix(keys) < keys.length && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const count = this.prefix(keys);
    for (const key of keys) this.acked.delete(key);
    return count;
  }

  /** Forgets acknowledgements no round waits for (e.g. late ones after a timeout). */
  clear(): void {
    this.acked.clear();
  }

  private prefix(keys: readonly string[]): number {
    const missing = keys.findIndex((key) => !this.acked.has(key));
    return missing < 0 ? keys.length : missing;
  }
}

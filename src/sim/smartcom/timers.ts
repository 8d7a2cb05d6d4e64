/** Real-time waits that the simulator can cancel all at once on stop(), so no handle outlives it. */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** Resolves after ms, or at once when cancelAll() runs. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}

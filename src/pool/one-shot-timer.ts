/**
 * A timer that is either pending or not: starting a pending one does nothing, so a burst of
 * "check again later" requests schedules one check, not one per request.
 */
export class OneShotTimer {
  private timer: NodeJS.Timeout | undefined;

  /** Calls `fn` once after `ms`, unless already pending. */
  start(ms: number, fn: () => void): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      fn();
    }, ms);
  }

  /** Pushes a pending timer back to a full period (e.g. traffic proves the link is not idle). */
  restart(): void {
    this.timer?.refresh();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

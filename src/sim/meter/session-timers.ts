interface PendingWait {
  timer: NodeJS.Timeout;
  resolve: (alive: boolean) => void;
}

/**
 * A session's generations: every async step holds the generation it started in and stops once a reset has moved on.
 * Waits belong to a generation too, and a reset ends them at once (resolving false) rather than letting their
 * timers run out, so an abandoned step stops straight away and leaves no timer behind.
 */
export class SessionGenerations {
  private generation = 0;
  private readonly waits = new Set<PendingWait>();

  get current(): number {
    return this.generation;
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** Resolves true after ms, or false as soon as the generation is over. */
  wait(ms: number, generation: number): Promise<boolean> {
    if (generation !== this.generation) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry: PendingWait = {
        timer: setTimeout(() => {
          this.waits.delete(entry);
          resolve(generation === this.generation);
        }, ms),
        resolve,
      };
      this.waits.add(entry);
    });
  }

  /** Starts a new generation: the old one's steps stop at their next check, its waits resolve false now. */
  next(): void {
    this.generation++;
    for (const entry of this.waits) {
      clearTimeout(entry.timer);
      entry.resolve(false);
    }
    this.waits.clear();
  }
}

/** One restartable timeout: arming it again replaces the previous one. */
export class InactivityTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly expired: () => void) {}

  arm(ms: number): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.expired();
    }, ms);
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

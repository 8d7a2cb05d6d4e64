/**
 * The simulator's clock. Simulated time = start + real elapsed x speed + manual offset, so the
 * demo can run fast (speed 60 = a minute per second) while tests freeze it (speed 0) and move
 * it with advance()/setNow() only.
 */
export class SimClock {
  readonly speed: number;
  private readonly realStart: number;
  private readonly simStart: number;
  private offset = 0;

  constructor(options: { speed?: number; start?: number } = {}, private readonly realNow: () => number = Date.now) {
    this.speed = options.speed ?? 1;
    this.realStart = realNow();
    this.simStart = options.start ?? this.realStart;
  }

  /** Simulated milliseconds since the epoch. */
  now(): number {
    return Math.floor(this.simStart + (this.realNow() - this.realStart) * this.speed + this.offset);
  }

  /** Simulated unix time in whole seconds (what records carry). */
  unixSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  /** Jump to a simulated instant (used while replaying the reads due during advanceClock). */
  setNow(ms: number): void {
    this.offset += ms - this.now();
  }
}

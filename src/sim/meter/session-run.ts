import type { MeterLine } from './line';
import type { SessionGenerations } from './session-timers';

/**
 * One run of a session (from a request, or a reset, to the next reset) as its steps see it. Every step checks
 * that its run is still the current one, so a reset (timeout, break, new request) abandons them all at once.
 */
export class SessionRun {
  constructor(
    private readonly generations: SessionGenerations,
    private readonly generation: number,
    private readonly line: MeterLine,
    private readonly timing: { readonly reactionTimeMs: number },
    /** Called when bytes have gone out in a run still current: a sending meter is not inactive. */
    private readonly sent: () => void,
  ) {}

  get current(): boolean {
    return this.generations.isCurrent(this.generation);
  }

  /** Queues bytes at the current speed; true when they have gone out and the run is still current. */
  async transmit(bytes: Buffer, what: string): Promise<boolean> {
    if (!this.current) return false;
    await this.line.send(bytes, what);
    if (!this.current) return false;
    this.sent();
    return true;
  }

  /** The meter's pause before it answers (plus extraMs); false when the run is over meanwhile. */
  waitReactionTime(extraMs = 0): Promise<boolean> {
    return this.generations.wait(this.timing.reactionTimeMs + extraMs, this.generation);
  }

  /** Resolves once everything queued has gone out: true, or false when the run is over first. */
  async drained(): Promise<boolean> {
    while (this.line.pacer.busy && this.current) await this.generations.wait(5, this.generation);
    return this.current;
  }
}

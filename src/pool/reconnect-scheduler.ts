import { backoffDelay } from './backoff';
import type { ReconnectPolicy } from './types';

/**
 * When the next connect attempt runs after a failure or a lost link: waits grow by backoff with
 * every failed attempt in a row and start over after a success, so a gateway that is down is not
 * hammered and one that comes back is reached quickly.
 */
export class ReconnectScheduler {
  /** A failure happened since the last success: the next attempt is a reconnect, not a first connect. */
  retrying = false;
  private failedAttempts = 0;
  private timer: NodeJS.Timeout | undefined;
  private dueAt: number | undefined;

  constructor(
    private readonly policy: ReconnectPolicy,
    /** Random source for the jitter; undefined means Math.random. */
    private readonly random: (() => number) | undefined,
    private readonly attempt: () => void,
  ) {}

  /** Counts one more failure and runs the next attempt after its backoff delay. */
  schedule(): void {
    this.retrying = true;
    const delay = backoffDelay(this.failedAttempts++, this.policy, this.random);
    this.dueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = undefined;
      this.attempt();
    }, delay);
  }

  /** Drops a pending attempt (the connection closes for good). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }

  /** A connect succeeded or starts afresh: the next failure waits the shortest delay again. */
  reset(): void {
    this.retrying = false;
    this.failedAttempts = 0;
  }

  /** Milliseconds until the pending attempt; undefined when none is pending. */
  remainingMs(): number | undefined {
    return this.dueAt === undefined ? undefined : Math.max(0, this.dueAt - Date.now());
  }
}

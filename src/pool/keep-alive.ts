import { PendingLease } from './pending-lease';
import { OneShotTimer } from './one-shot-timer';
import type { LeaseContext, SessionDriver } from './types';

/**
 * Finds a dead peer on an idle link, which TCP alone may not notice for a long time: after
 * keepAliveMs/2 without traffic the connection runs the driver's keep-alive as an internal lease
 * with keepAliveMs/2 to answer, so a dead link is found within keepAliveMs.
 */
export class KeepAlive<S> {
  private readonly idle = new OneShotTimer();

  constructor(
    private readonly driver: SessionDriver<S>,
    /** 0 disables the keep-alive. */
    private readonly keepAliveMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** Starts the idle countdown, unless disabled or already counting. */
  arm(): void {
    if (this.keepAliveMs <= 0 || !this.driver.keepAlive) return;
    this.idle.start(this.halfPeriod(), this.onIdle);
  }

  stop(): void {
    this.idle.stop();
  }

  /** Traffic shows that the link is alive: the idle countdown starts over. */
  sawTraffic(): void {
    this.idle.restart();
  }

  /** The probe as an internal lease that nobody awaits; undefined when the driver has no keep-alive. */
  probeLease(): PendingLease<S> | undefined {
    const keepAlive = this.driver.keepAlive;
    if (!keepAlive) return undefined;
    const noop = (): void => undefined;
    const probe = (context: LeaseContext<S>): Promise<void> => keepAlive.call(this.driver, context.session, context.signal);
    return new PendingLease<S>(probe, { timeoutMs: this.halfPeriod(), label: 'keep-alive' }, true, noop, noop);
  }

  private halfPeriod(): number {
    return Math.max(1, Math.floor(this.keepAliveMs / 2));
  }
}

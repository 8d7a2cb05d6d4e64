import assert from 'node:assert/strict';
import { ReconnectScheduler } from '../../../src/pool/reconnect-scheduler';
import type { ReconnectPolicy } from '../../../src/pool/types';

describe('ReconnectScheduler', () => {
  // Long delays: no attempt fires during a test unless the test asks for it.
  const slow: ReconnectPolicy = { initialDelayMs: 60_000, maxDelayMs: 600_000, factor: 2, jitter: 0 };
  let scheduler: ReconnectScheduler | undefined;

  afterEach(() => scheduler?.cancel());

  it('starts as a first connect with nothing pending', () => {
    scheduler = new ReconnectScheduler(slow, undefined, () => assert.fail('no attempt was scheduled'));
    assert.equal(scheduler.retrying, false);
    assert.equal(scheduler.remainingMs(), undefined);
  });

  it('waits longer with every failure in a row, and the shortest delay again after a reset', () => {
    scheduler = new ReconnectScheduler(slow, undefined, () => assert.fail('the attempt must not run yet'));
    scheduler.schedule();
    const first = scheduler.remainingMs() ?? -1;
    scheduler.cancel();
    scheduler.schedule();
    const second = scheduler.remainingMs() ?? -1;
    scheduler.cancel();
    scheduler.reset();
    scheduler.schedule();
    const afterReset = scheduler.remainingMs() ?? -1;
    // Bounds, not exact values: a busy machine may take a few ms between schedule() and remainingMs().
    assert.ok(first > 50_000 && first <= 60_000, `first wait ${first}`);
    assert.ok(second > 110_000 && second <= 120_000, `second wait ${second}`);
    assert.ok(afterReset > 50_000 && afterReset <= 60_000, `wait after reset ${afterReset}`);
  });

  it('marks itself retrying once a failure is scheduled, until reset', () => {
    scheduler = new ReconnectScheduler(slow, undefined, () => assert.fail('the attempt must not run yet'));
    scheduler.schedule();
    assert.equal(scheduler.retrying, true);
    scheduler.cancel();
    assert.equal(scheduler.retrying, true, 'cancelling the timer does not forget the failure');
    scheduler.reset();
    assert.equal(scheduler.retrying, false);
  });

  it('uses the injected random source for the jitter', () => {
    const jittery: ReconnectPolicy = { ...slow, jitter: 0.5 };
    scheduler = new ReconnectScheduler(jittery, () => 0, () => assert.fail('the attempt must not run yet'));
    scheduler.schedule();
    const wait = scheduler.remainingMs() ?? -1;
    assert.ok(wait > 20_000 && wait <= 30_000, `wait with the lowest jitter ${wait}`);
  });

  it('runs the attempt once when the delay is over, and then has nothing pending', async () => {
    let attempts = 0;
    const quick: ReconnectPolicy = { initialDelayMs: 1, maxDelayMs: 1, factor: 1, jitter: 0 };
    const ran = new Promise<void>((resolve) => {
      scheduler = new ReconnectScheduler(quick, undefined, () => {
        attempts++;
        resolve();
      });
    });
    scheduler?.schedule();
    await ran;
    assert.equal(attempts, 1);
    assert.equal(scheduler?.remainingMs(), undefined);
  });

  it('never runs a cancelled attempt', async () => {
    let attempts = 0;
    const quick: ReconnectPolicy = { initialDelayMs: 1, maxDelayMs: 1, factor: 1, jitter: 0 };
    scheduler = new ReconnectScheduler(quick, undefined, () => attempts++);
    scheduler.schedule();
    scheduler.cancel();
    assert.equal(scheduler.remainingMs(), undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(attempts, 0);
  });
});

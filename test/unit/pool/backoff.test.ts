import assert from 'node:assert/strict';
import { backoffDelay } from '../../../src/pool/backoff';
import type { ReconnectPolicy } from '../../../src/pool/types';

describe('backoffDelay', () => {
  const policy: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5000, factor: 2, jitter: 0.25 };
  const middle = (): number => 0.5;

  it('grows by the factor from the initial delay', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, middle)), [100, 200, 400, 800, 1600]);
  });

  it('is capped at maxDelayMs, also for very many attempts', () => {
    assert.equal(backoffDelay(6, policy, middle), 5000);
    assert.equal(backoffDelay(1000, policy, middle), 5000);
    assert.equal(backoffDelay(10, policy, () => 0.999999), 5000);
  });

  it('spreads the delay by at most ±jitter', () => {
    assert.equal(backoffDelay(2, policy, () => 0), 300);
    assert.equal(backoffDelay(2, policy, () => 0.999999), 500);
    for (let step = 0; step < 100; step++) {
      const delay = backoffDelay(3, policy, () => step / 100);
      assert.ok(delay >= 600 && delay <= 1000, `delay ${delay} out of [600, 1000]`);
    }
  });

  it('uses the given random source, so two sources give different delays', () => {
    assert.notEqual(backoffDelay(1, policy, () => 0.1), backoffDelay(1, policy, () => 0.9));
  });

  it('never waits less than zero, even with a jitter above 1', () => {
    assert.equal(backoffDelay(0, { ...policy, jitter: 3 }, () => 0), 0);
  });

  it('has no randomness when jitter is 0', () => {
    const fixed = { ...policy, jitter: 0 };
    assert.equal(backoffDelay(1, fixed, () => 0), 200);
    assert.equal(backoffDelay(1, fixed, () => 0.99), 200);
  });
});

import assert from 'node:assert/strict';
import { LeaseLine } from '../../../src/pool/lease-line';
import { PendingLease } from '../../../src/pool/pending-lease';

type Settled = { label: string; outcome: 'value' | 'error'; detail: unknown };

describe('LeaseLine', () => {
  const settled: Settled[] = [];
  const made: PendingLease<void>[] = [];
  const never = (): void => assert.fail('no lease timeout expected');

  function lease(label: string, internal = false): PendingLease<void> {
    const resolve = (value: unknown): void => void settled.push({ label, outcome: 'value', detail: value });
    const reject = (error: unknown): void => void settled.push({ label, outcome: 'error', detail: error });
    const pending = new PendingLease<void>(() => Promise.resolve(), { timeoutMs: 60_000, label }, internal, resolve, reject);
    made.push(pending);
    return pending;
  }

  beforeEach(() => {
    settled.length = 0;
  });

  // Settling clears each lease's timeout, so no timer outlives a test.
  afterEach(() => {
    for (const each of made.splice(0)) each.settle({ error: new Error('test over') });
  });

  it('gives the turn in FIFO order, one lease at a time', () => {
    const line = new LeaseLine<void>();
    const [first, second] = [lease('first'), lease('second')];
    line.enqueue(first);
    line.enqueue(second);
    assert.equal(line.advance(never), first);
    assert.equal(line.advance(never), first, 'the head keeps its turn until it leaves the line');
    first.settle({ value: 1 });
    line.remove(first);
    assert.equal(line.advance(never), second);
  });

  it('counts callers\' leases that wait, the head too until it runs, but never the internal probe', () => {
    const line = new LeaseLine<void>();
    assert.equal(line.busy, false);
    const [first, second] = [lease('first'), lease('second')];
    line.enqueue(first);
    line.enqueue(second);
    assert.equal(line.busy, true);
    assert.equal(line.waitingCount(), 2);
    line.advance(never);
    assert.equal(line.waitingCount(), 2, 'the head waits for the link');
    first.running = true;
    assert.equal(line.waitingCount(), 1);
    assert.equal(line.running, first);
    assert.equal(line.userLeaseRunning, true);

    const idle = new LeaseLine<void>();
    const probe = lease('keep-alive', true);
    idle.takeTurn(probe, never);
    assert.equal(idle.waitingCount(), 0);
    probe.running = true;
    assert.equal(idle.userLeaseRunning, false, 'the probe is not user work');
    assert.equal(idle.running, probe);
  });

  it('takes a lease out from the middle of the queue', () => {
    const line = new LeaseLine<void>();
    const [first, second, third] = [lease('first'), lease('second'), lease('third')];
    for (const each of [first, second, third]) line.enqueue(each);
    line.advance(never);
    line.remove(second);
    line.remove(first);
    assert.equal(line.advance(never), third);
  });

  it('fails every lease with the same error, the head first, and is empty afterwards', () => {
    const line = new LeaseLine<void>();
    for (const label of ['a', 'b', 'c']) line.enqueue(lease(label));
    line.advance(never);
    const closed = new Error('closed');
    line.failAll(closed);
    assert.deepEqual(settled.map((each) => each.label), ['a', 'b', 'c']);
    assert.ok(settled.every((each) => each.outcome === 'error' && each.detail === closed));
    assert.equal(line.busy, false);
    assert.equal(line.advance(never), undefined);
  });

  it('starts the head\'s timeout when it gets the turn, not when it is queued', async () => {
    const line = new LeaseLine<void>();
    const timedOut: string[] = [];
    const quick = (label: string): PendingLease<void> => {
      const pending = new PendingLease<void>(() => Promise.resolve(), { timeoutMs: 1, label }, false, () => undefined, () => undefined);
      made.push(pending);
      return pending;
    };
    const [first, second] = [quick('first'), quick('second')];
    line.enqueue(first);
    line.enqueue(second);
    const firstTimedOut = new Promise<void>((resolve) => {
      line.advance((expired) => {
        timedOut.push(expired.label);
        resolve();
      });
    });
    await firstTimedOut;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(timedOut, ['first'], 'the queued lease had no timer running');
  });
});

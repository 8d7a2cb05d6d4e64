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
    line.enqueue(first, never);
    line.enqueue(second, never);
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
    line.enqueue(first, never);
    line.enqueue(second, never);
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
    for (const each of [first, second, third]) line.enqueue(each, never);
    line.advance(never);
    line.remove(second);
    line.remove(first);
    assert.equal(line.advance(never), third);
  });

  it('fails every lease with the same error, the head first, and is empty afterwards', () => {
    const line = new LeaseLine<void>();
    for (const label of ['a', 'b', 'c']) line.enqueue(lease(label), never);
    line.advance(never);
    const closed = new Error('closed');
    line.failAll(closed);
    assert.deepEqual(settled.map((each) => each.label), ['a', 'b', 'c']);
    assert.ok(settled.every((each) => each.outcome === 'error' && each.detail === closed));
    assert.equal(line.busy, false);
    assert.equal(line.advance(never), undefined);
  });

  function timed(label: string, timeoutMs: number): PendingLease<void> {
    const pending = new PendingLease<void>(() => Promise.resolve(), { timeoutMs, label }, false, () => undefined, () => undefined);
    made.push(pending);
    return pending;
  }

  it('times a lease from the moment it is queued, so one that never gets its turn still times out', async () => {
    const line = new LeaseLine<void>();
    const stuck = timed('stuck', 1);
    const timedOut = new Promise<string>((resolve) => line.enqueue(stuck, (expired) => resolve(expired.label)));
    assert.equal(await timedOut, 'stuck', 'nobody ever called advance(), yet the lease timed out');
  });

  it('bounds the wait in the queue by the timeouts of the leases ahead plus its own, and restarts its own timeout at the head', () => {
    const line = new LeaseLine<void>();
    const [first, second, third] = [timed('first', 1000), timed('second', 300), timed('third', 30)];
    line.enqueue(first, never);
    assert.equal(line.advance(never), first);
    line.enqueue(second, never);
    line.enqueue(third, never);
    assert.equal(second.timedOutAfterMs, 1000 + 300, 'what the head may take, plus its own');
    assert.equal(third.timedOutAfterMs, 1000 + 300 + 30, 'what the head and the one queued before it may take, plus its own');
    first.settle({ value: 1 });
    line.remove(first);
    assert.equal(line.advance(never), second);
    assert.equal(second.timedOutAfterMs, 300, 'at the head only its own timeout counts');
  });
});

import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { Connection } from '../../../src/pool/connection';
import { unusedPort } from '../transport/line-server';
import { gate, reachState, recordStates, tcpOptions, useLineServerPerTest } from './helpers';
import { lineDriver } from './line-driver';

describe('Connection: leases', () => {
  const env = useLineServerPerTest();
  const open = env.open;

  it('opens as soon as the first user registers, so the status is honest at once', async () => {
    const connection = new Connection(tcpOptions(env.server.port));
    env.track(connection);
    assert.equal(connection.stats().state, 'idle');
    connection.addUser('a');
    assert.equal(connection.stats().state, 'connecting');
    await reachState(connection, 'connected');
    assert.equal(connection.stats().counters.connects, 1);
  });

  it('runs leases one at a time in FIFO order', async () => {
    const connection = open();
    const events: string[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        connection.lease(async ({ session, signal }) => {
          events.push(`start ${n}`);
          const answer = await session.request(`ECHO ${n}`, signal);
          await new Promise((resolve) => setImmediate(resolve));
          events.push(`end ${n}`);
          return answer;
        }, { timeoutMs: 10_000, label: `echo ${n}` }),
      ),
    );
    assert.deepEqual(results, ['1', '2', '3', '4']);
    assert.deepEqual(events, ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
    assert.equal(connection.stats().counters.leases, 4);
  });

  it('tells a lease function that polls that its lease has ended (ended), and a signal read only after the end is already aborted', async () => {
    const connection = open({ driver: lineDriver({ keepAlive: false }) });
    let context: { readonly ended: boolean; readonly signal: AbortSignal } | undefined;
    let endedWhileRunning: boolean | undefined;
    let release: () => void = () => undefined;
    const hanging = connection.lease(async (lease) => {
      context = lease;
      endedWhileRunning = lease.ended;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    }, { timeoutMs: 300, label: 'polling lease' });
    await assert.rejects(hanging, (error: MeterError) => error.code === 'E_TIMEOUT');
    assert.equal(endedWhileRunning, false, 'not ended while it runs in time');
    assert.equal(context?.ended, true, 'ended once it timed out');
    const late = context?.signal;
    assert.equal(late?.aborted, true, 'a signal made after the end is aborted at once');
    assert.equal((late?.reason as MeterError).code, 'E_TIMEOUT');
    release();
  });

  it('keeps ended false while a lease runs in time, and true once it is over', async () => {
    const connection = open();
    let context: { readonly ended: boolean } | undefined;
    const inside = await connection.lease(async (lease) => {
      context = lease;
      await new Promise((resolve) => setImmediate(resolve));
      return lease.ended;
    }, { timeoutMs: 10_000 });
    assert.equal(inside, false);
    assert.equal(context?.ended, true);
  });

  it('fails a timed-out lease alone: its signal aborts, E_TIMEOUT names it, the driver resyncs, the next lease runs', async () => {
    const driver = lineDriver({ keepAlive: false });
    const connection = open({ driver });
    let timedOutSignal: AbortSignal | undefined;
    const hanging = connection.lease(({ session, signal }) => {
      timedOutSignal = signal;
      return session.request('HANG', signal);
    }, { timeoutMs: 300, label: 'AT^HANG' });
    const next = connection.lease(({ session, signal }) => session.request('ECHO after', signal), { timeoutMs: 10_000 });
    await assert.rejects(hanging, (error: MeterError) => {
      assert.equal(error.code, 'E_TIMEOUT');
      assert.match(error.message, /AT\^HANG timed out after 300 ms/);
      return true;
    });
    assert.equal(timedOutSignal?.aborted, true);
    assert.equal(await next, 'after');
    assert.equal(driver.log.leaseTimeouts, 1);
    const { counters } = connection.stats();
    assert.equal(counters.leaseTimeouts, 1);
    assert.equal(counters.connects, 1, 'a lease timeout does not drop the link');
  });

  it('rejects a lease at once with E_QUEUE_FULL when queueLimit leases already wait, while earlier ones complete', async () => {
    const connection = open({ queueLimit: 2 });
    await reachState(connection, 'connected');
    const hold = gate();
    const first = connection.lease(async () => {
      await hold.promise;
      return 'first';
    }, { timeoutMs: 10_000 });
    const second = connection.lease(async () => 'second', { timeoutMs: 10_000 });
    const third = connection.lease(async () => 'third', { timeoutMs: 10_000 });
    assert.equal(connection.stats().queueLength, 2);
    await assert.rejects(connection.lease(async () => 'fourth', { timeoutMs: 10_000, label: 'fourth' }), (error: MeterError) => {
      assert.equal(error.code, 'E_QUEUE_FULL');
      assert.match(error.message, /fourth/);
      return true;
    });
    assert.equal(connection.stats().leaseActive, true, 'the overflow was refused while the first lease still ran');
    assert.equal(connection.stats().counters.queueOverflows, 1);
    hold.open();
    assert.deepEqual(await Promise.all([first, second, third]), ['first', 'second', 'third']);
  });

  it('rejects with E_ABORTED when the caller aborts, waiting or running, and goes on with the next lease', async () => {
    const driver = lineDriver({ keepAlive: false });
    const connection = open({ driver });
    await reachState(connection, 'connected');
    const runningAbort = new AbortController();
    const waitingAbort = new AbortController();
    const running = connection.lease(({ session, signal }) => session.request('HANG', signal), { timeoutMs: 10_000, signal: runningAbort.signal });
    const waiting = connection.lease(async () => 'never', { timeoutMs: 10_000, signal: waitingAbort.signal });
    const last = connection.lease(({ session, signal }) => session.request('ECHO last', signal), { timeoutMs: 10_000 });
    waitingAbort.abort();
    await assert.rejects(waiting, { code: 'E_ABORTED' });
    runningAbort.abort();
    await assert.rejects(running, { code: 'E_ABORTED' });
    assert.equal(await last, 'last');
    assert.equal(driver.log.leaseTimeouts, 1, 'an aborted running lease also lets the session resync');
    const already = new AbortController();
    already.abort();
    await assert.rejects(connection.lease(async () => 'x', { timeoutMs: 1000, signal: already.signal }), { code: 'E_ABORTED' });
  });

  it('counts the wait for a connection in the lease timeout, and says what it waited for', async () => {
    const connection = open({}, await unusedPort());
    await assert.rejects(connection.lease(async () => 'never', { timeoutMs: 300, label: 'read' }), (error: MeterError) => {
      assert.equal(error.code, 'E_TIMEOUT');
      assert.match(error.message, /read timed out after 300 ms waiting for tcp:\/\/127\.0\.0\.1:\d+/);
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
    assert.equal(connection.stats().lastError?.code, 'E_CONNECT_FAILED');
  });

  it('passes a lease function error through unchanged and counts it', async () => {
    const connection = open();
    const failure = new MeterError('E_AT_ERROR', 'ERROR 4');
    await assert.rejects(connection.lease(async () => { throw failure; }, { timeoutMs: 10_000 }), (error) => error === failure);
    assert.equal(await connection.lease(async () => 'still fine', { timeoutMs: 10_000 }), 'still fine');
    assert.equal(connection.stats().counters.leaseFailures, 1);
  });

  it('refuses leases with no registered user (E_CLOSED) and with a bad timeout (E_BAD_ARGUMENT)', async () => {
    const connection = new Connection(tcpOptions(env.server.port));
    await assert.rejects(connection.lease(async () => 1, { timeoutMs: 1000 }), { code: 'E_CLOSED' });
    connection.addUser('a');
    env.track(connection);
    await assert.rejects(connection.lease(async () => 1, { timeoutMs: 0 }), { code: 'E_BAD_ARGUMENT' });
  });

  it('emits state on lease start and end and on queue changes', async () => {
    const connection = open();
    await reachState(connection, 'connected');
    const seen = recordStates(connection);
    const hold = gate();
    const first = connection.lease(() => hold.promise, { timeoutMs: 10_000 });
    const second = connection.lease(async () => undefined, { timeoutMs: 10_000 });
    assert.ok(seen.some((stats) => stats.leaseActive && stats.queueLength === 1), 'one running, one waiting');
    hold.open();
    await Promise.all([first, second]);
    const last = seen[seen.length - 1]!;
    assert.deepEqual([last.leaseActive, last.queueLength, last.counters.leases], [false, 0, 2]);
  });

  it('counts bytes in and out, including what the driver writes', async () => {
    const connection = open();
    assert.equal(await connection.lease(({ session, signal }) => session.request('ECHO abc', signal), { timeoutMs: 10_000 }), 'abc');
    const { counters } = connection.stats();
    assert.equal(counters.bytesOut, 'ECHO abc\r'.length);
    assert.equal(counters.bytesIn, 'abc\r'.length);
  });
});

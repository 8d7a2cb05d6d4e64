import assert from 'node:assert/strict';
import { MeterError } from '../../../src/errors';
import { Connection } from '../../../src/pool/connection';
import { unusedPort, waitUntil } from '../transport/line-server';
import { reachState, recordStates, tcpOptions, useLineServerPerTest } from './helpers';
import { lineDriver } from './line-driver';

describe('Connection: reconnect, keep-alive and closing', () => {
  const env = useLineServerPerTest();
  const open = env.open;

  it('reconnects by itself when the server drops the socket; the running lease fails, the queued one waits and succeeds', async () => {
    const connection = open();
    await reachState(connection, 'connected');
    const states = recordStates(connection);
    const running = connection.lease(({ session, signal }) => session.request('HANG', signal), { timeoutMs: 10_000 });
    const queued = connection.lease(({ session, signal }) => session.request('ECHO back', signal), { timeoutMs: 10_000 });
    await waitUntil(() => env.server.received.includes('HANG'), 'the server got HANG');
    env.server.dropAll(true);
    await assert.rejects(running, { code: 'E_CONNECTION_LOST' });
    assert.equal(await queued, 'back');
    const { counters, state, lastError } = connection.stats();
    assert.equal(state, 'connected');
    assert.equal(counters.connects, 2);
    assert.equal(counters.disconnects, 1);
    assert.equal(counters.leaseFailures, 1);
    assert.equal(lastError?.code, 'E_CONNECTION_LOST');
    assert.deepEqual(dedupe(states.map((stats) => stats.state)).slice(0, 3), ['connected', 'reconnecting', 'connected']);
    assert.equal(env.server.accepted, 2);
  });

  it('comes back when the server restarts on the same port', async () => {
    const connection = open();
    await reachState(connection, 'connected');
    await env.server.restart();
    await waitUntil(() => connection.stats().counters.connects === 2 && connection.stats().state === 'connected', 'reconnected');
    assert.equal(await connection.lease(({ session, signal }) => session.request('ECHO again', signal), { timeoutMs: 10_000 }), 'again');
  });

  it('finds a half-open link with the keep-alive, destroys it and reconnects', async () => {
    const driver = lineDriver({ keepAlive: true });
    const connection = open({ driver, keepAliveMs: 400 });
    const states = recordStates(connection);
    await waitUntil(() => driver.log.keepAlives >= 2, 'two keep-alives ran');
    assert.equal(connection.stats().counters.keepAliveFailures, 0, 'an answering peer passes the keep-alive');
    env.server.silent = true;
    await waitUntil(() => connection.stats().counters.keepAliveFailures >= 1, 'the keep-alive failed');
    await waitUntil(() => env.server.closedSockets >= 1, 'the dead socket was destroyed');
    env.server.silent = false;
    await waitUntil(() => connection.stats().counters.connects >= 2 && connection.stats().state === 'connected', 'reconnected');
    const { lastError, counters } = connection.stats();
    assert.equal(lastError?.code, 'E_CONNECTION_LOST');
    assert.match(lastError?.message ?? '', /keep-alive/);
    assert.equal(counters.leaseTimeouts, 0, 'keep-alive probes are not counted as lease timeouts');
    assert.ok(states.length > 0 && states.every((stats) => !stats.leaseActive), 'a keep-alive probe never shows as user work (busy)');
  });

  it('does not probe while a lease holds the link, nor at all when keepAliveMs is 0', async () => {
    const driver = lineDriver({ keepAlive: true });
    const busy = open({ driver, keepAliveMs: 100 });
    await reachState(busy, 'connected');
    const probesBefore = await busy.lease(async () => {
      const before = driver.log.keepAlives;
      await new Promise((resolve) => setTimeout(resolve, 400));
      return before;
    }, { timeoutMs: 10_000 });
    assert.equal(driver.log.keepAlives, probesBefore, 'no probe ran during the lease');
    const quietDriver = lineDriver({ keepAlive: true });
    const quiet = open({ driver: quietDriver, keepAliveMs: 0 });
    await reachState(quiet, 'connected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(quietDriver.log.keepAlives, 0);
  });

  it('retries a failed connect with growing backoff, keeps the error, and starts over after a success', async () => {
    const driver = lineDriver({ keepAlive: false, failOpens: 2 });
    const connection = new Connection(tcpOptions(env.server.port, { driver, reconnect: { initialDelayMs: 40, maxDelayMs: 1000, factor: 4, jitter: 0 } }));
    env.track(connection);
    const seen = recordStates(connection);
    connection.addUser('a');
    await reachState(connection, 'connected');
    assert.equal(driver.log.opens, 3);
    const countdowns = seen.filter((stats) => stats.reconnectInMs !== undefined).map((stats) => stats.reconnectInMs!);
    assert.equal(countdowns.length, 2);
    assert.ok(countdowns[0]! <= 40 && countdowns[1]! > 40 && countdowns[1]! <= 160, `the second wait is longer: ${countdowns}`);
    assert.ok(seen.some((stats) => stats.state === 'reconnecting' && stats.lastError?.code === 'E_LOGIN_FAILED'));
    seen.length = 0;
    env.server.dropAll();
    await reachState(connection, 'reconnecting');
    await reachState(connection, 'connected');
    const after = seen.filter((stats) => stats.reconnectInMs !== undefined).map((stats) => stats.reconnectInMs!);
    assert.ok(after[0]! <= 40, `after a success the backoff starts over, got ${after}`);
  });

  it('closes only when the last user leaves: driver.close, then the link; the server sees the close', async () => {
    const driver = lineDriver({ keepAlive: false });
    const connection = open({ driver });
    connection.addUser('second');
    await reachState(connection, 'connected');
    await connection.removeUser('test');
    assert.equal(connection.stats().state, 'connected');
    assert.equal(env.server.closedSockets, 0);
    await connection.removeUser('second');
    assert.equal(connection.stats().state, 'closed');
    assert.deepEqual(driver.log.events, ['open', 'close']);
    await waitUntil(() => env.server.closedSockets === 1, 'the server saw the close');
  });

  it('rejects waiting leases with E_CLOSED and stops reconnecting when closed for good', async () => {
    const connection = open({}, await unusedPort());
    await reachState(connection, 'reconnecting');
    const waiting = connection.lease(async () => 'never', { timeoutMs: 10_000 });
    await connection.removeUser('test');
    await assert.rejects(waiting, (error: MeterError) => error.code === 'E_CLOSED');
    const stats = connection.stats();
    assert.equal(stats.state, 'closed');
    assert.equal(stats.reconnectInMs, undefined);
  });

  it('reopens cleanly when a user registers again after the close', async () => {
    const connection = open();
    await reachState(connection, 'connected');
    await connection.removeUser('test');
    connection.addUser('again');
    await reachState(connection, 'connected');
    assert.equal(await connection.lease(({ session, signal }) => session.request('ECHO reopened', signal), { timeoutMs: 10_000 }), 'reopened');
    assert.equal(connection.stats().counters.connects, 2);
    assert.equal(env.server.accepted, 2);
  });

  it('reopens when a user registers again while it is still closing', async () => {
    const connection = open();
    await reachState(connection, 'connected');
    const closing = connection.removeUser('test');
    connection.addUser('back');
    await closing;
    await reachState(connection, 'connected');
    assert.equal(connection.stats().counters.connects, 2);
  });
});

function dedupe(states: string[]): string[] {
  return states.filter((state, index) => index === 0 || states[index - 1] !== state);
}

import assert from 'node:assert/strict';
import { isMeterError } from '../../../src/errors';
import { ConnectionPool } from '../../../src/pool/pool';
import type { SessionDriver } from '../../../src/pool/types';
import { LineServer } from '../transport/line-server';
import { reachState, tcpOptions } from './helpers';
import { lineDriver, type LineSession } from './line-driver';

/** How a lease ended, or 'pending' when it had not settled within `withinMs` (far beyond its own timeout). */
async function outcome(lease: Promise<unknown>, withinMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('pending'), withinMs)));
  const settled = lease.then(
    () => 'value',
    (error: unknown) => String(isMeterError(error) ? error.code : error),
  );
  try {
    return await Promise.race([settled, pending]);
  } finally {
    clearTimeout(timer);
  }
}

/** A line driver whose sign-off takes a while, so that a release leaves the connection closing for that long. */
function slowClosingDriver(closeMs: number): SessionDriver<LineSession> {
  const driver = lineDriver({ keepAlive: false });
  const close = driver.close!.bind(driver);
  return {
    ...driver,
    async close(session: LineSession): Promise<void> {
      await new Promise((resolve) => setTimeout(resolve, closeMs));
      await close(session);
    },
  };
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('ConnectionPool: a lease submitted while the connection closes', () => {
  let server: LineServer;
  let pool: ConnectionPool;

  beforeEach(async () => {
    server = await new LineServer().start();
    pool = new ConnectionPool();
  });

  afterEach(async () => {
    await pool.closeAll();
    await server.stop();
  });

  /** User A leaves (the close takes 100 ms), user B joins the closing connection and submits a 200 ms lease. */
  async function leaseOnClosingConnection(): Promise<{ lease: Promise<unknown>; release: () => Promise<void> }> {
    const options = tcpOptions(server.port, { driver: slowClosingDriver(100) });
    const connection = pool.acquire(options, 'A');
    await reachState(connection, 'connected');
    const releasingA = pool.release(connection, 'A');
    assert.equal(connection.stats().state, 'closing');
    const again = pool.acquire(options, 'B');
    const lease = again.lease(({ session, signal }) => session.request('ECHO b', signal), { timeoutMs: 200, label: 'b' });
    lease.catch(() => undefined);
    return { lease, release: async () => Promise.all([releasingA, pool.release(again, 'B')]).then(() => undefined) };
  }

  it('fails it (E_CLOSED or E_TIMEOUT) when its user leaves before the close is done', async () => {
    const { lease, release } = await leaseOnClosingConnection();
    const connection = pool.get(`tcp://127.0.0.1:${server.port}`)!;
    await release();
    const result = await outcome(lease, 3000);
    assert.ok(['E_CLOSED', 'E_TIMEOUT'].includes(result), `the lease settled with a closing error or its timeout, not ${result}`);
    const stats = connection.stats();
    assert.deepEqual([stats.state, stats.users, stats.queueLength], ['closed', 0, 0]);
  });

  it('times it out (E_TIMEOUT) when the gateway is gone after the close, instead of waiting for a reconnect forever', async () => {
    const { lease } = await leaseOnClosingConnection();
    const connection = pool.get(`tcp://127.0.0.1:${server.port}`)!;
    await server.stop();
    assert.equal(await outcome(lease, 3000), 'E_TIMEOUT');
    assert.equal(connection.stats().queueLength, 0, 'nothing left in the queue');
  });

  it('runs it on the reopened link when its user stays and the gateway is up', async () => {
    const options = tcpOptions(server.port, { driver: slowClosingDriver(20) });
    const connection = pool.acquire(options, 'A');
    await reachState(connection, 'connected');
    void pool.release(connection, 'A');
    const lease = pool.acquire(options, 'B').lease(({ session, signal }) => session.request('ECHO b', signal), { timeoutMs: 10_000 });
    assert.equal(await lease, 'b');
  });

  it('settles every lease, within a generous bound, over 1,000 concurrent acquire/release rounds with leases in flight', async function () {
    this.timeout(60_000);
    const ROUNDS = 1000;
    const reconnect = { initialDelayMs: 5, maxDelayMs: 50, factor: 2, jitter: 0 };
    const options = tcpOptions(server.port, { driver: slowClosingDriver(10), queueLimit: ROUNDS, reconnect });
    const leases: Promise<string>[] = [];
    // Rounds start spread over two seconds and hold their user briefly, so the link keeps closing and
    // reopening, and users join and leave a connection that is opening, up, or closing.
    const round = async (i: number): Promise<void> => {
      await delay((i * 7) % 2000);
      const connection = pool.acquire(options, `user-${i}`);
      if (i % 4 === 0) {
        const lease = connection.lease(({ session, signal }) => session.request(`ECHO ${i}`, signal), { timeoutMs: 200, label: `echo ${i}` });
        leases.push(outcome(lease, 20_000));
      }
      await delay(i % 3);
      await pool.release(connection, `user-${i}`);
    };
    await Promise.all(Array.from({ length: ROUNDS }, (_, i) => round(i)));
    const results = await Promise.all(leases);
    assert.equal(results.length, ROUNDS / 4);
    const pending = results.filter((result) => result === 'pending').length;
    assert.equal(pending, 0, `${pending} of ${results.length} leases never settled`);
    const unexpected = results.filter((result) => !['value', 'E_CLOSED', 'E_TIMEOUT', 'E_CONNECTION_LOST'].includes(result));
    assert.deepEqual(unexpected, [], 'every lease ended with its result, its timeout or a closing error');
  });
});

import assert from 'node:assert/strict';
import { Connection } from '../../../src/pool/connection';
import type { SessionReadiness } from '../../../src/pool/types';
import { LineServer, waitUntil } from '../transport/line-server';
import { reachState, tcpOptions } from './helpers';
import { lineDriver, type LineSession } from './line-driver';

/** A session may ask the pool to hold the next lease ('wait') or to reopen the link first ('reset'). */
describe('Connection: session readiness before a lease runs', () => {
  let server: LineServer;
  let connection: Connection<LineSession> | undefined;

  function open(readiness: () => SessionReadiness): Connection<LineSession> {
    const driver = { ...lineDriver({ keepAlive: false }), readiness };
    connection = new Connection(tcpOptions(server.port, { driver }));
    connection.addUser('test');
    return connection;
  }

  beforeEach(async () => {
    server = await new LineServer().start();
  });

  afterEach(async () => {
    await connection?.closeAllUsers();
    connection = undefined;
    await server.stop();
  });

  it('holds the lease while the session says wait, and runs it on the same link once it is ready', async () => {
    let answer: SessionReadiness = 'wait';
    let asked = 0;
    const conn = open(() => {
      asked++;
      return answer;
    });
    await reachState(conn, 'connected');
    const lease = conn.lease(({ session, signal }) => session.request('ECHO held', signal), { timeoutMs: 10_000 });
    await waitUntil(() => asked >= 3, 'the pool asked again while waiting');
    assert.equal(server.received.length, 0, 'nothing was sent while the session was not ready');
    answer = 'ready';
    assert.equal(await lease, 'held');
    assert.equal(server.accepted, 1, 'no new link');
  });

  it('reopens the link when the session says reset, then runs the lease on the fresh link', async () => {
    let resets = 1;
    const conn = open(() => (resets-- > 0 ? 'reset' : 'ready'));
    await reachState(conn, 'connected');
    assert.equal(await conn.lease(({ session, signal }) => session.request('ECHO fresh', signal), { timeoutMs: 10_000 }), 'fresh');
    assert.equal(server.accepted, 2, 'one reconnect');
    assert.equal(conn.stats().counters.leaseFailures, 0, 'the lease did not fail');
    assert.match(conn.stats().lastError?.message ?? '', /never answered/);
  });

  it('counts the wait in the lease timeout', async () => {
    const conn = open(() => 'wait');
    await reachState(conn, 'connected');
    await assert.rejects(conn.lease(({ session, signal }) => session.request('ECHO never', signal), { timeoutMs: 200 }), { code: 'E_TIMEOUT' });
  });
});

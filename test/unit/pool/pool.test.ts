import assert from 'node:assert/strict';
import { SerialPortMock } from 'serialport';
import { MeterError } from '../../../src/errors';
import { ConnectionPool, defaultPool } from '../../../src/pool/pool';
import type { ConnectionOptions, SessionDriver } from '../../../src/pool/types';
import { createLink } from '../../../src/transport/create-link';
import { createMemoryLinkPair, type MemoryLink } from '../../../src/transport/memory';
import type { ByteLink, Endpoint } from '../../../src/transport/link';
import { LineServer, waitUntil } from '../transport/line-server';
import { reachState, tcpOptions } from './helpers';
import { lineDriver } from './line-driver';

type SerialEndpoint = Extract<Endpoint, { kind: 'serial' }>;

describe('ConnectionPool', () => {
  let server: LineServer;
  let pool: ConnectionPool;

  beforeEach(async () => {
    server = await new LineServer().start();
    pool = new ConnectionPool();
  });

  afterEach(async () => {
    await pool.closeAll();
    await server.stop();
    SerialPortMock.binding.reset();
  });

  it('gives two users of one endpoint the same connection over ONE socket, and closes it after the last leaves', async () => {
    const driver = lineDriver({ keepAlive: false });
    const first = pool.acquire(tcpOptions(server.port, { driver }), 'node-1');
    const second = pool.acquire(tcpOptions(server.port, { driver }), 'node-2');
    assert.equal(first, second);
    assert.equal(pool.size, 1);
    assert.equal(pool.get(`tcp://127.0.0.1:${server.port}`), first);
    await reachState(first, 'connected');
    const answers = await Promise.all([
      first.lease(({ session, signal }) => session.request('ECHO one', signal), { timeoutMs: 10_000 }),
      second.lease(({ session, signal }) => session.request('ECHO two', signal), { timeoutMs: 10_000 }),
    ]);
    assert.deepEqual(answers, ['one', 'two']);
    assert.equal(server.accepted, 1);

    await pool.release(first, 'node-1');
    assert.equal(first.stats().state, 'connected');
    assert.equal(server.closedSockets, 0);
    assert.equal(pool.size, 1);

    await pool.release(second, 'node-2');
    assert.equal(first.stats().state, 'closed');
    assert.equal(pool.size, 0);
    await waitUntil(() => server.closedSockets === 1, 'the server saw the close');
  });

  it('leaves no listeners on links and no connections after 100 acquire/release cycles', async () => {
    const links: MemoryLink[] = [];
    const memoryPool = new ConnectionPool({
      linkFactory: () => {
        const [near] = createMemoryLinkPair('cycle');
        links.push(near);
        return near;
      },
    });
    const driver = lineDriver({ keepAlive: true });
    for (let cycle = 0; cycle < 100; cycle++) {
      const connection = memoryPool.acquire(tcpOptions(1, { driver, keepAliveMs: 60_000 }), `user-${cycle}`);
      await connection.lease(({ link }) => link.write('x'), { timeoutMs: 10_000 });
      await memoryPool.release(connection, `user-${cycle}`);
    }
    assert.equal(memoryPool.size, 0);
    assert.equal(links.length, 100);
    const leftover = links.filter((link) => link.listenerCount('data') + link.listenerCount('close') > 0);
    assert.equal(leftover.length, 0);
    assert.ok(links.every((link) => !link.isOpen));
    assert.equal(driver.log.closes, 100);
  });

  it('keeps a connection that was acquired again while it was closing', async () => {
    const connection = pool.acquire(tcpOptions(server.port), 'a');
    await reachState(connection, 'connected');
    const releasing = pool.release(connection, 'a');
    const again = pool.acquire(tcpOptions(server.port), 'b');
    await releasing;
    assert.equal(again, connection);
    assert.equal(pool.size, 1);
    await reachState(connection, 'connected');
  });

  describe('serial endpoints', () => {
    const path = '/dev/ttyPOOL0';
    const serial: SerialEndpoint = { kind: 'serial', path, baudRate: 300, dataBits: 7, parity: 'even', stopBits: 1 };
    const rawDriver: SessionDriver<ByteLink> = { open: async (link) => link };
    const serialOptions = (endpoint: SerialEndpoint): ConnectionOptions<ByteLink> => ({
      endpoint,
      driver: rawDriver,
      queueLimit: 4,
      keepAliveMs: 0,
      connectTimeoutMs: 5000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200, factor: 2, jitter: 0 },
    });
    let serialPool: ConnectionPool;

    beforeEach(() => {
      SerialPortMock.binding.createPort(path, { echo: true, record: true });
      serialPool = new ConnectionPool({ linkFactory: (endpoint) => createLink(endpoint, { SerialPort: SerialPortMock }) });
    });

    afterEach(async () => {
      await serialPool.closeAll();
    });

    it('runs a lease on a serial port, baud switch included', async () => {
      const connection = serialPool.acquire(serialOptions(serial), 'reader');
      const echoed = await connection.lease(async ({ link, signal }) => {
        const received: Buffer[] = [];
        const onData = (chunk: Buffer): number => received.push(chunk);
        link.on('data', onData);
        await link.write('/?!\r\n');
        await link.setBaudRate(9600);
        await waitUntil(() => Buffer.concat(received).length === 5 || signal.aborted, 'the echo arrived');
        link.off('data', onData);
        return Buffer.concat(received).toString('latin1');
      }, { timeoutMs: 10_000 });
      assert.equal(echoed, '/?!\r\n');
    });

    it('shares a serial port between users with the same line settings', () => {
      const first = serialPool.acquire(serialOptions(serial), 'a');
      const second = serialPool.acquire(serialOptions({ ...serial }), 'b');
      assert.equal(first, second);
      assert.equal(first.stats().users, 2);
    });

    it('refuses a second user with other line settings, naming both (E_SERIAL_CONFLICT)', () => {
      serialPool.acquire(serialOptions(serial), 'a');
      assert.throws(() => serialPool.acquire(serialOptions({ ...serial, baudRate: 9600, dataBits: 8, parity: 'none' }), 'b'), (error: MeterError) => {
        assert.equal(error.code, 'E_SERIAL_CONFLICT');
        assert.match(error.message, /\/dev\/ttyPOOL0/);
        assert.match(error.message, /300 7E1/);
        assert.match(error.message, /9600 8N1/);
        assert.ok(error.hint);
        return true;
      });
      assert.equal(serialPool.size, 1);
      assert.equal(serialPool.get(`serial:${path}`)?.stats().users, 1);
    });
  });

  it('has a shared default pool', () => {
    assert.ok(defaultPool instanceof ConnectionPool);
    assert.equal(defaultPool.size, 0);
  });
});

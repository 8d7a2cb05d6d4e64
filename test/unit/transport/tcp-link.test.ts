import assert from 'node:assert/strict';
import { once } from 'node:events';
import { MeterError } from '../../../src/errors';
import { TcpLink } from '../../../src/transport/tcp-link';
import { LineServer, unusedPort, waitUntil } from './line-server';

describe('TcpLink', () => {
  let server: LineServer;
  let link: TcpLink;

  beforeEach(async () => {
    server = await new LineServer().start();
    link = new TcpLink({ host: '127.0.0.1', port: server.port, closeGraceMs: 200 });
  });

  afterEach(async () => {
    link.destroy();
    await server.stop();
  });

  function collectLines(): string[] {
    const lines: string[] = [];
    let text = '';
    link.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const parts = text.split('\r');
      text = parts.pop() ?? '';
      lines.push(...parts);
    });
    return lines;
  }

  it('opens, writes bytes and receives the answer', async () => {
    const lines = collectLines();
    await link.open();
    assert.equal(link.isOpen, true);
    assert.equal(link.key, `tcp://127.0.0.1:${server.port}`);
    await link.write('ECHO hello\r');
    await waitUntil(() => lines.length > 0, 'the echo arrived');
    assert.deepEqual(lines, ['hello']);
  });

  it('rejects with E_CONNECT_FAILED naming host:port and the OS error when nothing listens', async () => {
    const port = await unusedPort();
    const refused = new TcpLink({ host: '127.0.0.1', port });
    await assert.rejects(refused.open(), (error: MeterError) => {
      assert.equal(error.code, 'E_CONNECT_FAILED');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(error.message, /ECONNREFUSED/);
      assert.ok(error.hint);
      return true;
    });
    assert.equal(refused.isOpen, false);
  });

  it('rejects open() with E_CONNECT_FAILED when destroyed while connecting', async () => {
    const opening = link.open();
    link.destroy(new Error('gave up'));
    await assert.rejects(opening, { code: 'E_CONNECT_FAILED' });
  });

  it('emits close exactly once, with the error, when the peer resets the connection', async () => {
    await link.open();
    const closes: (Error | undefined)[] = [];
    link.on('close', (error?: Error) => closes.push(error));
    await waitUntil(() => server.openSockets === 1, 'the server accepted');
    server.dropAll(true);
    await waitUntil(() => closes.length > 0, 'the link closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(closes.length, 1);
    assert.equal((closes[0] as NodeJS.ErrnoException).code, 'ECONNRESET');
    assert.equal(link.isOpen, false);
  });

  it('emits close without an error when the peer ends politely', async () => {
    await link.open();
    await waitUntil(() => server.openSockets === 1, 'the server accepted');
    const closed = once(link, 'close');
    server.dropAll(false);
    const [error] = await closed;
    assert.equal(error, undefined);
  });

  it('close() ends the socket (the server sees it), is safe twice, and later writes fail with E_NOT_CONNECTED', async () => {
    await link.open();
    await waitUntil(() => server.openSockets === 1, 'the server accepted');
    let closes = 0;
    link.on('close', () => closes++);
    await Promise.all([link.close(), link.close()]);
    await link.close();
    await waitUntil(() => server.closedSockets === 1, 'the server saw the close');
    assert.equal(closes, 1);
    await assert.rejects(link.write('PING\r'), { code: 'E_NOT_CONNECTED' });
  });

  it('destroy(error) tears down at once and reports that error with close', async () => {
    await link.open();
    const closed = once(link, 'close');
    const reason = new Error('half-open');
    link.destroy(reason);
    assert.equal(link.isOpen, false);
    const [error] = await closed;
    assert.equal(error, reason);
    await waitUntil(() => server.closedSockets === 1, 'the server saw the close');
  });

  it('can be opened again after a close', async () => {
    await link.open();
    await link.close();
    await link.open();
    assert.equal(link.isOpen, true);
    await waitUntil(() => server.accepted === 2, 'the server accepted twice');
  });

  it('setBaudRate resolves and changes nothing', async () => {
    await link.open();
    await link.setBaudRate(9600);
    assert.equal(link.isOpen, true);
  });
});

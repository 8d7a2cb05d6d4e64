import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSerialPortLoaded, loadSerialPort } from '../../../src/transport/serial-loader';
import { listSerialPorts } from '../../../src/transport/serial-ports';

describe('listSerialPorts', () => {
  let devDir: string;

  before(async () => {
    devDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pool-dev-'));
    for (const name of ['ttyS10', 'ttyS2', 'ttyUSB0', 'ttyACM1', 'ttyAMA0', 'ttyXRUSB0', 'rfcomm0', 'tty0', 'null', 'ttyUSB']) {
      await fs.writeFile(path.join(devDir, name), '');
    }
    await fs.mkdir(path.join(devDir, 'serial', 'by-id'), { recursive: true });
    await fs.writeFile(path.join(devDir, 'serial', 'by-id', 'usb-FTDI_FT232R-if00-port0'), '');
  });

  after(async () => {
    await fs.rm(devDir, { recursive: true, force: true });
  });

  it('returns what SerialPort.list() reports, marked source "list"', async () => {
    const ports = await listSerialPorts({
      devDir,
      list: async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A1B2' }, { path: '/dev/ttyS0' }],
    });
    assert.deepEqual(ports, [
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A1B2', source: 'list' },
      { path: '/dev/ttyS0', source: 'list' },
    ]);
  });

  const expectedScan = (): string[] => [
    path.join(devDir, 'serial', 'by-id', 'usb-FTDI_FT232R-if00-port0'),
    path.join(devDir, 'rfcomm0'),
    path.join(devDir, 'ttyACM1'),
    path.join(devDir, 'ttyAMA0'),
    path.join(devDir, 'ttyS2'),
    path.join(devDir, 'ttyS10'),
    path.join(devDir, 'ttyUSB0'),
    path.join(devDir, 'ttyXRUSB0'),
  ];

  it('scans the device directory when list() throws (no udev)', async () => {
    const ports = await listSerialPorts({ devDir, list: () => Promise.reject(new Error('spawn udevadm ENOENT')) });
    assert.deepEqual(ports.map((port) => port.path), expectedScan());
    assert.ok(ports.every((port) => port.source === 'scan'));
  });

  it('scans the device directory when list() finds nothing', async () => {
    const ports = await listSerialPorts({ devDir, list: async () => [] });
    assert.deepEqual(ports.map((port) => port.path), expectedScan());
  });

  it('returns an empty list when the directory does not exist', async () => {
    const ports = await listSerialPorts({ devDir: path.join(devDir, 'missing'), list: async () => [] });
    assert.deepEqual(ports, []);
  });
});

describe('loading the serialport package', () => {
  it('fails with E_SERIAL_UNAVAILABLE and a hint when the package is missing', () => {
    const missing = (id: string): never => {
      throw new Error(`Cannot find module '${id}'`);
    };
    assert.throws(() => loadSerialPort(missing), (error: Error & { code?: unknown; hint?: string }) => {
      assert.equal(error.code, 'E_SERIAL_UNAVAILABLE');
      assert.match(error.message, /Cannot find module 'serialport'/);
      assert.match(error.hint ?? '', /npm install serialport/);
      return true;
    });
  });

  it('never requires serialport in a process that only uses TCP links through the pool', async () => {
    const built = path.resolve(__dirname, '../../../src');
    const script = `
      const net = require('node:net');
      const { ConnectionPool } = require(${JSON.stringify(path.join(built, 'pool/pool.js'))});
      const loader = require(${JSON.stringify(path.join(built, 'transport/serial-loader.js'))});
      const server = net.createServer((socket) => socket.on('data', () => undefined)).listen(0, '127.0.0.1', async () => {
        const pool = new ConnectionPool();
        const driver = { open: async () => ({}) };
        const options = { endpoint: { kind: 'tcp', host: '127.0.0.1', port: server.address().port }, driver,
          queueLimit: 4, keepAliveMs: 0, connectTimeoutMs: 5000,
          reconnect: { initialDelayMs: 10, maxDelayMs: 100, factor: 2, jitter: 0 } };
        const connection = pool.acquire(options, 'u1');
        const answer = await connection.lease(async ({ link }) => { await link.write('x'); return 'ran'; }, { timeoutMs: 5000 });
        await pool.release(connection, 'u1');
        server.close();
        const cached = Object.keys(require.cache).filter((file) => /[\\\\/]@?serialport[\\\\/]/.test(file));
        console.log(JSON.stringify({ answer, loaded: loader.isSerialPortLoaded(), cached }));
      });`;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['-e', script], { timeout: 15_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
    });
    assert.deepEqual(JSON.parse(output), { answer: 'ran', loaded: false, cached: [] });
  });

  it('loads it on demand for serial use, once', () => {
    const SerialPort = loadSerialPort();
    assert.equal(typeof SerialPort.list, 'function');
    assert.equal(isSerialPortLoaded(), true);
    assert.equal(loadSerialPort(), SerialPort);
  });
});

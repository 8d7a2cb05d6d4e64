import assert from 'node:assert/strict';
import { once } from 'node:events';
import { SerialPortMock } from 'serialport';
import { createLink } from '../../../src/transport/create-link';
import type { Endpoint } from '../../../src/transport/link';
import { SerialLink, formatSerialSettings } from '../../../src/transport/serial-link';
import { TcpLink } from '../../../src/transport/tcp-link';
import { waitUntil } from './line-server';

type SerialEndpoint = Extract<Endpoint, { kind: 'serial' }>;

const MockBinding = SerialPortMock.binding;

/** SerialPortMock that remembers its instances, so tests can look at the mock binding underneath. */
class RecordingPort extends SerialPortMock {
  static instances: RecordingPort[] = [];
  constructor(options: ConstructorParameters<typeof SerialPortMock>[0]) {
    super(options);
    RecordingPort.instances.push(this);
  }
}

const endpoint: SerialEndpoint = { kind: 'serial', path: '/dev/ttyMOCK0', baudRate: 300, dataBits: 7, parity: 'even', stopBits: 1 };

describe('SerialLink (over SerialPortMock)', () => {
  let link: SerialLink;

  beforeEach(() => {
    MockBinding.createPort(endpoint.path, { echo: true, record: true });
    RecordingPort.instances = [];
    link = new SerialLink(endpoint, { SerialPort: RecordingPort });
  });

  afterEach(async () => {
    await link.close();
    MockBinding.reset();
  });

  it('opens with the line settings of the endpoint', async () => {
    await link.open();
    assert.equal(link.isOpen, true);
    assert.equal(link.key, 'serial:/dev/ttyMOCK0');
    const options = RecordingPort.instances[0]!.port!.openOptions;
    assert.deepEqual([options.baudRate, options.dataBits, options.parity, options.stopBits], [300, 7, 'even', 1]);
  });

  it('writes bytes (drained) and receives what the device sends', async () => {
    const received: Buffer[] = [];
    link.on('data', (chunk: Buffer) => received.push(chunk));
    await link.open();
    await link.write('/?!\r\n');
    assert.equal(RecordingPort.instances[0]!.port!.recording.toString('latin1'), '/?!\r\n');
    await waitUntil(() => Buffer.concat(received).length === 5, 'the echo arrived');
    assert.equal(Buffer.concat(received).toString('latin1'), '/?!\r\n');
  });

  it('changes the baud rate of the open port', async () => {
    await link.open();
    await link.setBaudRate(9600);
    assert.equal(RecordingPort.instances[0]!.baudRate, 9600);
  });

  it('fails to open a missing device with E_CONNECT_FAILED naming the path and the settings', async () => {
    const missing = new SerialLink({ ...endpoint, path: '/dev/ttyNOPE' }, { SerialPort: RecordingPort });
    await assert.rejects(missing.open(), (error: Error & { code?: unknown; hint?: string }) => {
      assert.equal(error.code, 'E_CONNECT_FAILED');
      assert.match(error.message, /\/dev\/ttyNOPE \(300 7E1\)/);
      assert.ok(error.hint);
      return true;
    });
  });

  it('close() emits close once, and a second close() is harmless', async () => {
    await link.open();
    let closes = 0;
    link.on('close', () => closes++);
    await link.close();
    await link.close();
    assert.equal(closes, 1);
    assert.equal(link.isOpen, false);
    await assert.rejects(link.write('x'), { code: 'E_NOT_CONNECTED' });
  });

  it('destroy(error) closes the port and reports the error', async () => {
    await link.open();
    const closed = once(link, 'close');
    const reason = new Error('probe unplugged');
    link.destroy(reason);
    assert.equal(link.isOpen, false);
    const [error] = await closed;
    assert.equal(error, reason);
    assert.equal(RecordingPort.instances[0]!.isOpen, false);
  });

  it('formats line settings as "9600 7E1"', () => {
    assert.equal(formatSerialSettings({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 }), '9600 7E1');
    assert.equal(formatSerialSettings({ baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 2 }), '115200 8N2');
  });
});

describe('createLink', () => {
  it('makes a TcpLink for a TCP endpoint and a SerialLink for a serial one', () => {
    assert.ok(createLink({ kind: 'tcp', host: '127.0.0.1', port: 1 }) instanceof TcpLink);
    assert.ok(createLink(endpoint, { SerialPort: RecordingPort }) instanceof SerialLink);
  });
});

import assert from 'node:assert/strict';
import { SmartcomClient } from '../../../src/smartcom/client';
import { expectMeterError } from '../../helpers/meter-error';
import { settle, useChannelPerTest } from '../at/scripted-peer';

/** The client against a scripted gateway: real captures (reference 2.1, 2.2) and variants of their framing. */
describe('SmartcomClient on the wire', () => {
  const wire = useChannelPerTest();

  /** Runs `call`, checks the line it sent, answers with `answer` lines joined by `eol`. */
  async function exchange<T>(call: (client: SmartcomClient) => Promise<T>, sent: string, answer: string[], eol = '\r\n'): Promise<T> {
    const result = call(new SmartcomClient(wire.channel, { commandTimeoutMs: 5000 }));
    result.catch(() => undefined); // a rejection is checked by the caller, after the answer is sent
    assert.equal(await wire.peer.nextLine(), sent);
    await wire.peer.send(answer.map((line) => line + eol).join(''));
    return result;
  }

  const capture = ['^SCAMS: "ENABLE",1', '^SCAMS: "RETRY",0', '^SCAMS: "DEV_CNT",1', '^SCAMS: 1> 2,"MBUS","*15020416@2400","1M"', 'OK'];
  const oneMeter = { enabled: true, retry: 0, deviceCount: 1, devices: [{ index: 1, port: 2, protocol: 'MBUS', address: '*15020416@2400', interval: '1M' }] };

  it('reads the M-Bus capture of AT^SCAMS?', async () => {
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', capture), oneMeter);
  });

  it('reads it with CR-only line ends', async () => {
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', capture, '\r'), oneMeter);
  });

  it('reads it with the echo on', async () => {
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', ['AT^SCAMS?', ...capture]), oneMeter);
  });

  it('reads it with extra spaces and lower-case keywords', async () => {
    const loose = ['^scams:  "enable" , 1 ', '^SCAMS:"retry",0', '^Scams: "dev_cnt",1', '^SCAMS:   1 >  2 , "MBUS" , "*15020416@2400" , "1M"  ', 'ok'];
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', loose), oneMeter);
  });

  it('reads the empty-table capture (NO DEVICE) and the "DEV_CNT",0 variant, ignoring an unknown keyword line', async () => {
    const empty = { enabled: true, retry: 0, deviceCount: 0, devices: [] };
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', ['^SCAMS: "ENABLE",1', '^SCAMS: "RETRY",0', '^SCAMS: NO DEVICE', 'OK']), empty);
    const variant = ['^SCAMS: "ENABLE",1', '^SCAMS: "RETRY",0', '^SCAMS: "DEV_CNT",0', '^SCAMS: "STORE_MODE","RING"', 'OK'];
    assert.deepEqual(await exchange((client) => client.amsStatus(), 'AT^SCAMS?', variant), empty);
  });

  it('reads the AT^SCPORT2? capture', async () => {
    const settings = await exchange((client) => client.portSettings(2), 'AT^SCPORT2?',
      ['^SCPORT2: "BAUDRATE",300', '^SCPORT2: "DATA_BITS",8', '^SCPORT2: "STOP_BITS",1', '^SCPORT2: "PARITY",0', 'OK'], '\r');
    assert.deepEqual({ ...settings, values: undefined }, { port: 2, baudRate: 300, dataBits: 8, stopBits: 1, parity: 0, parityName: 'none', values: undefined });
  });

  it('reads the manual\'s AT^SCAMS=? listing, cut-off last line included', async () => {
    const listing = [
      '^SCAMS: "ENABLE",0|1', '^SCAMS: "RETRY",0-9', '^SCAMS: "DEV_ADD",1-1000,"32"|1-1000,"32","3"', '^SCAMS: "DEV_REMOVE",1-32',
      '^SCAMS: "DEV_CLEAR"', '^SCAMS: "DEV_INTERVAL","ALL"|1-32,"3"', '^SCAMS: "DIRECT_READ",1-1000,"32"|1-1000', 'OK',
    ];
    const capabilities = await exchange((client) => client.amsCapabilities(), 'AT^SCAMS=?', listing);
    assert.deepEqual(capabilities.keywords, ['ENABLE', 'RETRY', 'DEV_ADD', 'DEV_REMOVE', 'DEV_CLEAR', 'DEV_INTERVAL', 'DIRECT_READ']);
    assert.equal(capabilities.maxDevices, 32);
    assert.deepEqual(capabilities.capabilities[5], { keyword: 'DEV_INTERVAL', parameters: '"ALL"|1-32,"3"' });
    assert.deepEqual(capabilities.capabilities[4], { keyword: 'DEV_CLEAR', parameters: '' });
  });

  it('keeps the gateway\'s ERROR number (E_AT_ERROR, details.errorNumber)', async () => {
    const error = await expectMeterError(exchange((client) => client.removeAmsDevice(7), 'AT^SCAMS="DEV_REMOVE",7', ['ERROR 5']), 'E_AT_ERROR');
    assert.equal(error.details.errorNumber, 5);
    assert.equal(error.details.command, 'AT^SCAMS="DEV_REMOVE",7');
  });

  it('sends each port parameter, then the apply action, and reports the lines sent', async () => {
    const client = new SmartcomClient(wire.channel, { commandTimeoutMs: 5000 });
    const done = client.setPortSettings(2, { baudRate: 2400, parity: 'even' }, 'srestart');
    for (const expected of ['AT^SCPORT2="BAUDRATE",2400', 'AT^SCPORT2="PARITY",1', 'AT^SCPORT2="SRESTART"']) {
      assert.equal(await wire.peer.nextLine(), expected);
      await wire.peer.send('OK\r\n');
    }
    assert.deepEqual(await done, { port: 2, commands: ['AT^SCPORT2="BAUDRATE",2400', 'AT^SCPORT2="PARITY",1', 'AT^SCPORT2="SRESTART"'] });
  });

  it('writes nothing when a value is invalid', async () => {
    const client = new SmartcomClient(wire.channel, { commandTimeoutMs: 5000 });
    await expectMeterError(client.setPortSettings(2, { baudRate: 2400, parity: 'mark' as 'odd' }), 'E_BAD_ARGUMENT');
    await expectMeterError(client.addAmsDevice({ port: 2, protocol: 'IEC62056-21', address: 'x', interval: '7M' }), 'E_BAD_ARGUMENT');
    assert.equal(wire.peer.receivedBytes, 0);
  });
});

describe('SmartcomClient in a pool lease', () => {
  const wire = useChannelPerTest();

  it('sends commands while its lease runs, and none once the lease has ended (E_ABORTED, nothing written)', async () => {
    const lease = { ended: false };
    const client = new SmartcomClient(wire.channel, { commandTimeoutMs: 5000, lease });
    const running = client.setAmsRetry(2);
    assert.equal(await wire.peer.nextLine(), 'AT^SCAMS="RETRY",2');
    await wire.peer.send('OK\r\n');
    await running;
    lease.ended = true;
    await expectMeterError(client.setAmsRetry(3), 'E_ABORTED');
    await settle();
    assert.equal(wire.peer.receivedText, 'AT^SCAMS="RETRY",2\r', 'nothing was written after the end');
  });
});

import assert from 'node:assert/strict';
import { findAmsDevice, validDeviceSelector } from '../../../src/smartcom/ams-remove';
import { portDifferences, portView } from '../../../src/smartcom/port-verify';
import { parsePortSettings } from '../../../src/smartcom/scport';
import type { AmsDevice } from '../../../src/smartcom/scams';

const TABLE: AmsDevice[] = [
  { index: 1, port: 2, protocol: 'IEC62056-21', address: '1@2400', interval: '3M' },
  { index: 2, port: 2, protocol: 'MBUS', address: '1@2400', interval: '1D' },
  { index: 3, port: 128, protocol: 'AIN_DIN', address: '2/PULSE/REL', interval: '5M' },
];

describe('findAmsDevice: a meter by address', () => {
  it('finds the one meter with that address', () => {
    assert.equal(findAmsDevice(TABLE, { address: '2/PULSE/REL' }).index, 3);
  });

  it('narrows by protocol (any case in the input) and port', () => {
    assert.equal(findAmsDevice(TABLE, validDeviceSelector({ address: '1@2400', protocol: 'mbus' })).index, 2);
    assert.equal(findAmsDevice(TABLE, { address: '1@2400', port: 2, protocol: 'IEC62056-21' }).index, 1);
  });

  it('refuses an address several meters have, naming their positions', () => {
    assert.throws(() => findAmsDevice(TABLE, { address: '1@2400' }), /positions 1, 2/);
  });

  it('refuses an address no meter has', () => {
    assert.throws(() => findAmsDevice(TABLE, { address: 'nope' }), (error: Error & { code?: unknown }) => error.code === 'E_BAD_ARGUMENT');
  });

  it('refuses a selector whose address could never be in the table', () => {
    for (const address of ['', 'a"b', 'a\nb', 'x'.repeat(33)]) {
      assert.throws(() => validDeviceSelector({ address }), /address/);
    }
  });
});

describe('port read-back', () => {
  const read = parsePortSettings(['^SCPORT2: "BAUDRATE",9600', '^SCPORT2: "DATA_BITS",7', '^SCPORT2: "STOP_BITS",1', '^SCPORT2: "PARITY",2']);

  it('names parity by the codes the library writes, and keeps an unknown code as a number', () => {
    assert.deepEqual(portView(2, read), { port: 2, baudRate: 9600, dataBits: 7, stopBits: 1, parity: 'odd' });
    assert.equal(portView(2, { ...read, parity: 7 }).parity, 7);
  });

  it('lists only the written values that read back differently', () => {
    assert.deepEqual(portDifferences({ baudRate: 9600, parity: 'odd' }, read), []);
    assert.deepEqual(portDifferences({ baudRate: 2400, dataBits: 7 }, read), [{ field: 'baudRate', expected: 2400, actual: 9600 }]);
  });
});

import assert from 'node:assert/strict';
import { MeterError } from '../../src/errors';
import type { ConnectionStats } from '../../src/pool/types';
import { settingsFromDef, type SmartcomConfigDef } from '../../nodes/lib/config-def';
import { readReconnectLimits } from '../../nodes/lib/settings';
import { describeStatus, renderStatus } from '../../nodes/lib/status';
import { runtimeTranslate } from './fixtures/runtime-language';

function stats(overrides: Partial<ConnectionStats>): ConnectionStats {
  return {
    key: 'tcp://127.0.0.1:23', state: 'connected', users: 1, queueLength: 0, leaseActive: false, lastError: undefined, reconnectInMs: undefined,
    counters: { connects: 1, disconnects: 0, leases: 0, leaseTimeouts: 0, leaseFailures: 0, queueOverflows: 0, keepAliveFailures: 0, bytesIn: 0, bytesOut: 0 },
    ...overrides,
  };
}

/** A stand-in for RED._ with the English catalog's shape, to see the rendered text. */
function english(key: string, params?: Record<string, string | number>): string {
  return `${key.split('.').at(-1)}${params ? JSON.stringify(params) : ''}`;
}

const tcp: SmartcomConfigDef = { id: 'c', type: 'smartcom-config', transport: 'tcp', host: 'gw', port: '2323' };
const LIMITS = { minMs: 1000, maxMs: 60000 };
/** RED._ of an English runtime, for the wording of a refusal. */
const t = runtimeTranslate('en-US');

describe('smartcom-config: status vocabulary', function () {
  const cases: Array<[string, Partial<ConnectionStats>, string, string, string]> = [
    ['connecting', { state: 'connecting' }, 'yellow', 'ring', 'connecting'],
    ['connected and idle', {}, 'green', 'dot', 'connected'],
    ['running a lease', { leaseActive: true }, 'blue', 'dot', 'busy'],
    ['with waiting requests', { leaseActive: true, queueLength: 3 }, 'blue', 'dot', 'busy-queued{"queued":3}'],
    ['waiting to reconnect', { state: 'reconnecting', reconnectInMs: 4200 }, 'yellow', 'ring', 'reconnecting-in{"seconds":5}'],
    ['refused login while retrying', { state: 'reconnecting', reconnectInMs: 900, lastError: new MeterError('E_LOGIN_FAILED', 'no') }, 'red', 'ring', 'error{"reason":"login-failed"}'],
    ['closed after a failure', { state: 'closed', lastError: new MeterError('E_CONNECT_FAILED', 'no') }, 'red', 'ring', 'error{"reason":"unreachable"}'],
  ];
  for (const [when, overrides, fill, shape, text] of cases) {
    it(`shows ${fill} ${shape} "${text}" when ${when}`, function () {
      assert.deepEqual(renderStatus(describeStatus(stats(overrides)), english), { fill, shape, text });
    });
  }
});

describe('smartcom-config: configuration', function () {
  it('applies the documented defaults', function () {
    const settings = settingsFromDef(tcp, LIMITS, t);
    assert.deepEqual(settings.endpoint, { kind: 'tcp', host: 'gw', port: 2323 });
    assert.equal(settings.terminator, '\r');
    assert.equal(settings.commandTimeoutMs, 10000);
    assert.equal(settings.longCommandTimeoutMs, 120000);
    assert.equal(settings.keepAliveMs, 60000);
    assert.equal(settings.queueLimit, 50);
    assert.deepEqual(settingsFromDef({ ...tcp, transport: 'serial', serialPath: '/dev/ttyUSB0' }, LIMITS, t).endpoint, {
      kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1,
    });
  });

  it('turns the keep-alive off with 0 and reads CR LF', function () {
    const settings = settingsFromDef({ ...tcp, keepAlive: '0', lineEnding: 'crlf' }, LIMITS, t);
    assert.equal(settings.keepAliveMs, 0);
    assert.equal(settings.terminator, '\r\n');
  });

  const invalid: Array<[string, Partial<SmartcomConfigDef>, string]> = [
    ['a TCP connection without host', { host: ' ' }, 'host'],
    ['port 0', { port: 0 }, 'port'],
    ['port 65536', { port: 65536 }, 'port'],
    ['a serial connection without path', { transport: 'serial', serialPath: '' }, 'serialPath'],
    ['a negative command timeout', { commandTimeout: -1 }, 'commandTimeout'],
    ['a non-numeric meter read timeout', { longCommandTimeout: 'soon' }, 'longCommandTimeout'],
    ['a queue size of 0', { queueSize: 0 }, 'queueSize'],
  ];
  for (const [what, overrides, property] of invalid) {
    it(`rejects ${what} with E_BAD_ARGUMENT naming ${property}`, function () {
      assert.throws(() => settingsFromDef({ ...tcp, ...overrides }, LIMITS, t), (error: MeterError) => {
        assert.equal(error.code, 'E_BAD_ARGUMENT');
        assert.equal(error.details.property, property);
        return true;
      });
    });
  }

  it('reads the reconnect limits from the runtime settings, with defaults', function () {
    assert.deepEqual(readReconnectLimits({}), { minMs: 1000, maxMs: 60000 });
    assert.deepEqual(readReconnectLimits({ smartcomConfigReconnectMin: 200, smartcomConfigReconnectMax: 5000 }), { minMs: 200, maxMs: 5000 });
    assert.deepEqual(readReconnectLimits({ smartcomConfigReconnectMin: 9000, smartcomConfigReconnectMax: 5000 }), { minMs: 9000, maxMs: 9000 });
  });
});

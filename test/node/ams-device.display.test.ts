import assert from 'node:assert/strict';
import type { HelperNode } from 'node-red-node-test-helper';
import { MeterError } from '../../src/errors';
import { leaseTimeoutMs } from '../../nodes/lib/ams-device-actions';
import { failureStatus, outcomeStatus, StatusBoard } from '../../nodes/lib/ams-device-status';
import type { NodeStatus } from '../../nodes/lib/red';
import { renderStatus } from '../../nodes/lib/status';
import { helper, STATUS } from './fixtures/setup';
import { send, sendExpectingCatch, useAmsWorld } from './fixtures/ams-device';
import { waitFor } from './fixtures/wait';

/** The English catalog's templates, to read the rendered texts. */
const ENGLISH: Record<string, string> = {
  'ams-device.status.devices': '__action__: __count__ devices',
  'ams-device.status.failed': '__action__: __code__',
  'ams-device.status.synced': 'sync: __count__ changes',
  'ams-device.status.dry-run': 'dry run: __count__ changes',
  'ams-device.status.port': 'port __port__: __baudRate__ __framing__',
};
function english(key: string, params: Record<string, string | number> = {}): string {
  return (ENGLISH[key] ?? key).replace(/__(\w+)__/g, (_, name: string) => String(params[name]));
}

function statuses(node: HelperNode): NodeStatus[] {
  const spy = (node as unknown as { status: { getCalls(): { thisValue: unknown; args: unknown[] }[] } }).status;
  return spy.getCalls().filter((call) => call.thisValue === node).map((call) => call.args[0] as NodeStatus);
}

describe('ams-device: status texts', function () {
  it('green "status: 3 devices" after reading a table of three', function () {
    const status = outcomeStatus({ action: 'status' }, { enabled: true, retry: 0, deviceCount: 3, devices: [] });
    assert.deepEqual(renderStatus(status, english), { fill: 'green', shape: 'dot', text: 'status: 3 devices' });
  });

  it('red "remove: ERROR 5" when the gateway refused with a number, else the code', function () {
    const refused = new MeterError('E_AT_ERROR', 'refused', { details: { errorNumber: 5 } });
    assert.deepEqual(renderStatus(failureStatus('remove', refused), english), { fill: 'red', shape: 'ring', text: 'remove: ERROR 5' });
    assert.equal(renderStatus(failureStatus('sync', new MeterError('E_TIMEOUT', 'slow')), english).text, 'sync: E_TIMEOUT');
  });

  it('"port 2: 2400 7E1" after reading a port', function () {
    const status = outcomeStatus({ action: 'port-get', port: 2 }, { port: 2, baudRate: 2400, dataBits: 7, stopBits: 1, parity: 'even' });
    assert.equal(renderStatus(status, english).text, 'port 2: 2400 7E1');
  });
});

describe('ams-device: what the node shows', function () {
  const green: NodeStatus = { fill: 'green', shape: 'dot', text: 'connected' };
  const outcome: NodeStatus = { fill: 'green', shape: 'dot', text: 'status: 2 devices' };
  const lost: NodeStatus = { fill: 'yellow', shape: 'ring', text: 'reconnect in 2 s' };

  it('shows the connection until the first action, then the outcome while the link is fine, and a link problem over it', function () {
    const shown: NodeStatus[] = [];
    const board = new StatusBoard((status) => shown.push(status));
    board.setConnection(green);
    board.start({ fill: 'blue', shape: 'dot', text: 'status ...' });
    board.finish(outcome);
    board.setConnection({ fill: 'blue', shape: 'dot', text: 'busy' });
    board.setConnection(green);
    board.setConnection(lost);
    board.setConnection(green);
    assert.deepEqual(shown.map((status) => status.text), ['connected', 'status ...', 'status: 2 devices', 'status: 2 devices', 'status: 2 devices', 'reconnect in 2 s', 'status: 2 devices']);
  });

  describe('in a flow', function () {
    const world = useAmsWorld();

    it('shows the connection status while idle, then the outcome of each action', async function () {
      await world.deploy({ action: 'status' });
      const n = helper.getNode('n');
      assert.ok(n);
      await waitFor(() => statuses(n).some((status) => status.text === STATUS.connected), 'the connection status');
      await send();
      assert.deepEqual(statuses(n).at(-1), { fill: 'green', shape: 'dot', text: 'ams-device.status.devices' });
      await sendExpectingCatch({ action: 'remove', payload: 9 });
      assert.deepEqual(statuses(n).at(-1), { fill: 'red', shape: 'ring', text: 'ams-device.status.failed' });
    });
  });
});

describe('ams-device: lease bounds', function () {
  it('a single read gets one command timeout; a write and its read-back two', function () {
    assert.equal(leaseTimeoutMs({ action: 'status' }, 10_000), 10_000);
    assert.equal(leaseTimeoutMs({ action: 'retry', retry: 3 }, 10_000), 20_000);
    assert.equal(leaseTimeoutMs({ action: 'remove', selector: { address: 'A' } }, 10_000), 30_000);
  });

  it('a sync is bounded by its possible steps: one per gateway meter (32) and one per wanted meter, plus four', function () {
    const wanted = [{ port: 2, protocol: 'MBUS' as const, address: '1@2400', interval: '1D' as const }];
    assert.equal(leaseTimeoutMs({ action: 'sync', wanted, dryRun: false }, 1000), (4 + 32 + 1) * 1000);
    assert.equal(leaseTimeoutMs({ action: 'sync', wanted, dryRun: true }, 1000), 1000);
  });

  it('a port change: each parameter, the apply and the read-back', function () {
    assert.equal(leaseTimeoutMs({ action: 'port-set', port: 2, change: { baudRate: 9600, parity: 'none' }, apply: 'save' }, 1000), 4000);
  });
});

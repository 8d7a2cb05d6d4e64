import assert from 'node:assert/strict';
import type { HelperNode } from 'node-red-node-test-helper';
import type { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import { defaultPool } from '../../src/pool/pool';
import { sharedFlow, withoutUser } from './fixtures/flows';
import { FAST_RECONNECT, NODE_MODULES, STATUS, helper, initHelper, startSimulator } from './fixtures/setup';
import { ask, lastStatus, statusTexts, waitFor } from './fixtures/wait';

function node(id: string): HelperNode {
  const found = helper.getNode(id);
  assert.ok(found, `node ${id} is deployed`);
  return found;
}

describe('smartcom-config: one shared connection', function () {
  let sim: SmartcomSimulator;
  let port: number;

  before(initHelper);

  beforeEach(async function () {
    ({ sim, port } = await startSimulator());
    helper.settings(FAST_RECONNECT);
  });

  afterEach(async function () {
    await helper.unload();
    await sim.stop();
  });

  it('serves two user nodes of one config node over ONE TCP connection', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port }, 2));
    const [a, b] = await Promise.all([ask(node('u1'), node('h1')), ask(node('u2'), node('h2'))]);
    assert.deepEqual(a.payload, []);
    assert.deepEqual(b.payload, []);
    assert.equal(sim.acceptedConnections, 1);
    assert.equal(sim.openConnections, 1);
    assert.equal(sim.commandLog.filter((entry) => entry.line.toUpperCase() === 'AT').length, 2);
  });

  it('shows the same connection status on every user and reaches connected', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port }, 2));
    await waitFor(() => lastStatus(node('u1')) === STATUS.connected && lastStatus(node('u2')) === STATUS.connected, 'both users connected');
    assert.deepEqual(statusTexts(node('u1')), statusTexts(node('u2')));
    assert.equal(statusTexts(node('u1'))[0], STATUS.connecting);
  });

  for (const deployType of ['nodes', 'flows'] as const) {
    it(`keeps the link open for the other user when a '${deployType}' deploy removes one user`, async function () {
      const flow = sharedFlow({ port }, 2);
      await helper.load(NODE_MODULES, flow);
      await ask(node('u2'), node('h2'));
      await helper.setFlows(withoutUser(flow, 2), deployType);
      assert.equal(helper.getNode('u2'), null, 'u2 is gone');
      const answer = await ask(node('u1'), node('h1'));
      assert.deepEqual(answer.payload, []);
      assert.equal(sim.acceptedConnections, 1, 'no new connection was made');
      assert.equal(sim.openConnections, 1);
    });
  }

  it('keeps the link open while its only user restarts in a partial deploy', async function () {
    const flow = sharedFlow({ port }, 1);
    await helper.load(NODE_MODULES, flow);
    await ask(node('u1'), node('h1'));
    const changed = flow.map((n) => (n.id === 'u1' ? { ...n, name: 'renamed' } : n));
    await helper.setFlows(changed, 'nodes');
    await ask(node('u1'), node('h1'));
    assert.equal(sim.acceptedConnections, 1);
  });

  it('closes the link when its last user is deleted, and reopens it for a new user', async function () {
    const flow = sharedFlow({ port }, 1);
    await helper.load(NODE_MODULES, flow);
    await ask(node('u1'), node('h1'));
    await helper.setFlows(withoutUser(flow, 1), 'nodes');
    await waitFor(() => sim.openConnections === 0, 'the simulator to see the link closed');
    assert.equal(defaultPool.size, 0, 'the pool forgot the connection');
    await helper.setFlows(flow, 'nodes');
    await ask(node('u1'), node('h1'));
    assert.equal(sim.acceptedConnections, 2);
  });

  it('releases everything when the flows stop', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port }, 3));
    await ask(node('u3'), node('h3'));
    await helper.unload();
    await waitFor(() => sim.openConnections === 0, 'the simulator to see the link closed');
    assert.equal(defaultPool.size, 0);
    // afterEach unloads again: harmless.
  });

  it('shows a red status and fails commands with E_BAD_ARGUMENT when the configuration is invalid', async function () {
    const flow = sharedFlow({ port }, 1).map((n) => (n.id === 'cfg' ? { ...n, host: '' } : n));
    await helper.load(NODE_MODULES, flow);
    assert.equal(lastStatus(node('u1')), STATUS.error);
    await assert.rejects(ask(node('u1'), node('h1')), (error: Error & { code?: unknown }) => {
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, /host/);
      return true;
    });
    assert.equal(sim.acceptedConnections, 0);
  });
});

import assert from 'node:assert/strict';
import type { HelperNode } from 'node-red-node-test-helper';
import { defaultPool } from '../../src/pool/pool';
import { sharedFlow, withoutUser } from './fixtures/flows';
import { helper, NODE_MODULES, STATUS, useSimulatorPerTest } from './fixtures/setup';
import { redeploy } from './fixtures/deploy';
import { ask, lastStatus, statusTexts, waitFor } from './fixtures/wait';

function node(id: string): HelperNode {
  const found = helper.getNode(id);
  assert.ok(found, `node ${id} is deployed`);
  return found;
}

describe('smartcom-config: one shared connection', function () {
  const env = useSimulatorPerTest();

  it('serves two user nodes of one config node over ONE TCP connection', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port: env.port }, 2));
    const [a, b] = await Promise.all([ask(node('u1'), node('h1')), ask(node('u2'), node('h2'))]);
    assert.deepEqual(a.payload, []);
    assert.deepEqual(b.payload, []);
    assert.equal(env.sim.acceptedConnections, 1);
    assert.equal(env.sim.openConnections, 1);
    // One AT at connect (it shows the echo that ATE1 turned on), then one per user node.
    assert.equal(env.sim.commandLog.filter((entry) => entry.line.toUpperCase() === 'AT').length, 3);
  });

  it('shows the same connection status on every user and reaches connected', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port: env.port }, 2));
    await waitFor(() => lastStatus(node('u1')) === STATUS.connected && lastStatus(node('u2')) === STATUS.connected, 'both users connected');
    assert.deepEqual(statusTexts(node('u1')), statusTexts(node('u2')));
    assert.equal(statusTexts(node('u1'))[0], STATUS.connecting);
  });

  for (const deployType of ['nodes', 'flows'] as const) {
    it(`keeps the link open for the other user when a '${deployType}' deploy removes one user`, async function () {
      const flow = sharedFlow({ port: env.port }, 2);
      await helper.load(NODE_MODULES, flow);
      await ask(node('u2'), node('h2'));
      await redeploy(withoutUser(flow, 2), deployType);
      assert.equal(helper.getNode('u2'), null, 'u2 is gone');
      const answer = await ask(node('u1'), node('h1'));
      assert.deepEqual(answer.payload, []);
      assert.equal(env.sim.acceptedConnections, 1, 'no new connection was made');
      assert.equal(env.sim.openConnections, 1);
    });
  }

  it('keeps the link open while its only user restarts in a partial deploy', async function () {
    const flow = sharedFlow({ port: env.port }, 1);
    await helper.load(NODE_MODULES, flow);
    await ask(node('u1'), node('h1'));
    const changed = flow.map((n) => (n.id === 'u1' ? { ...n, name: 'renamed' } : n));
    await redeploy(changed, 'nodes');
    await ask(node('u1'), node('h1'));
    assert.equal(env.sim.acceptedConnections, 1);
  });

  it('closes the link when its last user is deleted, and reopens it for a new user', async function () {
    const flow = sharedFlow({ port: env.port }, 1);
    await helper.load(NODE_MODULES, flow);
    await ask(node('u1'), node('h1'));
    await redeploy(withoutUser(flow, 1), 'nodes');
    await waitFor(() => env.sim.openConnections === 0, 'the simulator to see the link closed');
    assert.equal(defaultPool.size, 0, 'the pool forgot the connection');
    await redeploy(flow, 'nodes');
    await ask(node('u1'), node('h1'));
    assert.equal(env.sim.acceptedConnections, 2);
  });

  it('releases everything when the flows stop', async function () {
    await helper.load(NODE_MODULES, sharedFlow({ port: env.port }, 3));
    await ask(node('u3'), node('h3'));
    await helper.unload();
    await waitFor(() => env.sim.openConnections === 0, 'the simulator to see the link closed');
    assert.equal(defaultPool.size, 0);
    // afterEach unloads again: harmless.
  });

  it('shows a red status and fails commands with E_BAD_ARGUMENT when the configuration is invalid', async function () {
    const flow = sharedFlow({ port: env.port }, 1).map((n) => (n.id === 'cfg' ? { ...n, host: '' } : n));
    await helper.load(NODE_MODULES, flow);
    assert.equal(lastStatus(node('u1')), STATUS.error);
    await assert.rejects(ask(node('u1'), node('h1')), (error: Error & { code?: unknown }) => {
      assert.equal(error.code, 'E_BAD_ARGUMENT');
      assert.match(error.message, /host/);
      return true;
    });
    assert.equal(env.sim.acceptedConnections, 0);
  });
});

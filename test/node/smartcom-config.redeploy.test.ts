import assert from 'node:assert/strict';
import type { HelperNode } from 'node-red-node-test-helper';
import { defaultPool } from '../../src/pool/pool';
import { sharedFlow } from './fixtures/flows';
import { helper, NODE_MODULES, STATUS, useSimulatorPerTest } from './fixtures/setup';
import { redeploy } from './fixtures/deploy';
import { ask, lastStatus, waitFor } from './fixtures/wait';

const REDEPLOYS = 100;

function node(id: string): HelperNode {
  const found = helper.getNode(id);
  assert.ok(found, `node ${id} is deployed`);
  return found;
}

/** Active handles and requests by type (sockets, timers, ...). */
function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Listeners on the process and on the pooled connection. */
function listenerCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.eventNames()) counts.set(`process:${String(name)}`, process.listenerCount(name));
  for (const key of defaultPool.keys()) {
    const connection = defaultPool.get(key);
    for (const name of connection?.eventNames() ?? []) counts.set(`${key}:${String(name)}`, connection?.listenerCount(name) ?? 0);
  }
  return counts;
}

function growth(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([name, count]) => count > (before.get(name) ?? 0)).map(([name, count]) => `${name}: ${before.get(name) ?? 0} -> ${count}`);
}

describe('smartcom-config: redeploys', function () {
  const env = useSimulatorPerTest();

  async function settled(): Promise<void> {
    await waitFor(() => ['u1', 'u2', 'u3'].every((id) => lastStatus(node(id)) === STATUS.connected), 'all users connected');
    await waitFor(() => env.sim.openConnections === 1, 'one open socket at the simulator');
  }

  it(`leaves one socket and no extra handles or listeners after ${REDEPLOYS} full redeploys of three users`, async function () {
    this.timeout(120000);
    const flow = sharedFlow({ port: env.port, keepAlive: 30 }, 3);
    await helper.load(NODE_MODULES, flow);
    await settled();
    await ask(node('u1'), node('h1'));
    const resourcesBefore = resourceCounts();
    const listenersBefore = listenerCounts();

    // Every other redeploy waits for the new link to come up, so that both closing an open link
    // and abandoning a link still being opened are exercised.
    for (let i = 0; i < REDEPLOYS; i++) {
      await redeploy(flow, 'full');
      if (i % 2 === 0) await waitFor(() => lastStatus(node('u1')) === STATUS.connected, `connected after redeploy ${i + 1}`);
      // The simulator sees a close a moment after the client made it: wait for it, never accumulate.
      await waitFor(() => env.sim.openConnections <= 1, `at most one open socket after redeploy ${i + 1}`);
    }
    await settled();
    await ask(node('u2'), node('h2'));

    assert.ok(env.sim.acceptedConnections > REDEPLOYS / 2, `the redeploys reopened the link (${env.sim.acceptedConnections} connections)`);
    assert.equal(env.sim.openConnections, 1);
    assert.equal(defaultPool.size, 1);
    assert.deepEqual(growth(resourcesBefore, resourceCounts()), [], 'no growth in active handles');
    assert.deepEqual(growth(listenersBefore, listenerCounts()), [], 'no growth in listeners');
  });
});

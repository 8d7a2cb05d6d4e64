import assert from 'node:assert/strict';
import type { HelperNode } from 'node-red-node-test-helper';
import { asSmartcomConfig } from '../../nodes/lib/config-api';
import { sharedFlow } from './fixtures/flows';
import { helper, NODE_MODULES, STATUS, useSimulatorPerTest } from './fixtures/setup';
import { ask, lastStatus, statusTexts, waitFor } from './fixtures/wait';

function node(id: string): HelperNode {
  const found = helper.getNode(id);
  assert.ok(found, `node ${id} is deployed`);
  return found;
}

const LOST = new Set<string>([STATUS.reconnecting, STATUS.reconnectingIn, STATUS.connecting, STATUS.error]);

/** The statuses shown after index `from`: the link must have been lost, then connected again. */
function lostThenConnected(texts: string[], from: number): boolean {
  const after = texts.slice(from);
  const lostAt = after.findIndex((text) => LOST.has(text));
  return lostAt >= 0 && after.slice(lostAt).includes(STATUS.connected);
}

describe('smartcom-config: recovery', function () {
  const env = useSimulatorPerTest();

  async function connectedFlow(props: Record<string, unknown> = {}): Promise<HelperNode> {
    await helper.load(NODE_MODULES, sharedFlow({ port: env.port, ...props }, 2));
    const user = node('u1');
    await waitFor(() => lastStatus(user) === STATUS.connected, 'connected');
    return user;
  }

  it('comes back by itself after the gateway drops the connection, and says so in the status', async function () {
    const user = await connectedFlow();
    const seen = statusTexts(user).length;
    env.sim.dropConnections();
    await waitFor(() => lostThenConnected(statusTexts(user), seen), 'lost, then connected again');
    assert.deepEqual(statusTexts(node('u2')).slice(-1), [STATUS.connected], 'the other user shows the same');
    const answer = await ask(user, node('h1'));
    assert.deepEqual(answer.payload, []);
    assert.equal(env.sim.acceptedConnections, 2);
    assert.equal(env.sim.openConnections, 1);
  });

  it('comes back after a gateway reboot that refuses connections for a while', async function () {
    const user = await connectedFlow();
    const seen = statusTexts(user).length;
    await env.sim.reboot(300);
    await waitFor(() => lostThenConnected(statusTexts(user), seen), 'lost, then connected again');
    const answer = await ask(user, node('h1'));
    assert.deepEqual(answer.payload, []);
    assert.ok(env.sim.acceptedConnections >= 2);
  });

  it('detects a half-open link with the keep-alive and leaves the connected status', async function () {
    const user = await connectedFlow({ keepAlive: 0.4, commandTimeout: 1 });
    const seen = statusTexts(user).length;
    env.sim.setSilent(true);
    await waitFor(() => statusTexts(user).slice(seen).some((text) => LOST.has(text)), 'the status to leave connected');
    const config = asSmartcomConfig(helper.getNode('cfg'));
    assert.ok(config);
    assert.ok((config.stats()?.counters.keepAliveFailures ?? 0) >= 1, 'the keep-alive found the dead link');
    env.sim.setSilent(false);
    await waitFor(() => lostThenConnected(statusTexts(user), seen), 'connected again once the gateway answers');
  });

  it('fails a command answered too late with E_TIMEOUT, and gives the next command its own answer', async function () {
    // The gateway answers in order: the next command's answer follows the late one (at 2.5 s), and its own
    // timeout runs from when the first one failed (2 s) to 4 s: a wide margin on a busy machine.
    const user = await connectedFlow({ commandTimeout: 2 });
    env.sim.setResponseDelay(2500);
    await assert.rejects(ask(user, node('h1'), { command: '' }), (error: Error & { code?: unknown }) => {
      assert.equal(error.code, 'E_TIMEOUT');
      return true;
    });
    env.sim.setResponseDelay(0);
    const answer = await ask(user, node('h1'), { command: 'I' });
    assert.ok(Array.isArray(answer.payload) && answer.payload.length > 0, 'ATI answers with information lines, not the late OK of AT');
  });
});

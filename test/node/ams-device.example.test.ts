import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FlowNode, HelperNode } from 'node-red-node-test-helper';
import { coreNode, helper } from './fixtures/setup';
import { AMS_MODULES, useAmsWorld } from './fixtures/ams-device';
import { waitFor } from './fixtures/wait';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'ams-device - basics.json');

/** The example flow as shipped, pointed at the test's simulator, its Debug nodes replaced by helper sinks, without its Comment. */
function exampleFlow(port: number): FlowNode[] {
  const flow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as FlowNode[];
  // Comment nodes do nothing at run time and their module is not loaded here.
  return flow.filter((node) => node.type !== 'comment').map((node) => {
    if (node.type === 'smartcom-config') return { ...node, port, keepAlive: 0 };
    if (node.type === 'debug') return { id: node.id, type: 'helper', z: node.z, name: node.name };
    return node;
  });
}

function byName(flow: FlowNode[], name: string): HelperNode {
  const found = flow.find((node) => node.name === name);
  const node = found && helper.getNode(found.id);
  assert.ok(node, `node "${name}" is deployed`);
  return node;
}

describe('ams-device: the shipped example flow', function () {
  const world = useAmsWorld();

  it('runs every Inject against the simulator; the refused clear reaches the Catch node', async function () {
    const flow = exampleFlow(world.port);
    await helper.load([...AMS_MODULES, coreNode('common/20-inject')], flow);
    const results: Record<string, unknown>[] = [];
    const errors: Record<string, unknown>[] = [];
    byName(flow, 'result').on('input', (msg: Record<string, unknown>) => results.push(msg));
    byName(flow, 'error').on('input', (msg: Record<string, unknown>) => errors.push(msg));
    const press = async (name: string, expectError = false): Promise<Record<string, unknown>> => {
      const before = expectError ? errors.length : results.length;
      byName(flow, name).receive({});
      const list = expectError ? errors : results;
      await waitFor(() => list.length > before, `an answer to "${name}"`);
      return list[list.length - 1];
    };
    assert.deepEqual((await press('status')).payload, { enabled: false, retry: 0, deviceCount: 0, devices: [] });
    await press('enable AMS');
    assert.equal(world.sim.ams.enabled, true);
    await press('add meter 55501234 (3M)');
    await press('interval of all: 15M');
    assert.deepEqual(world.sim.table().map((d) => `${d.address} ${d.interval}`), ['55501234 15M']);
    await press('remove meter 55501234');
    assert.deepEqual(world.sim.table(), []);
    const sync = (await press('sync (dry run)')).payload as { dryRun: boolean; steps: unknown[] };
    assert.equal(sync.dryRun, true);
    assert.equal(sync.steps.length, 2);
    assert.deepEqual(world.sim.table(), [], 'a dry run changes nothing');
    assert.equal(((await press('read port 2')).payload as { baudRate: number }).baudRate, 2400);
    const refused = await press('clear (refused)', true);
    assert.equal((refused.error as { code: string }).code, 'E_BAD_ARGUMENT');
  });
});

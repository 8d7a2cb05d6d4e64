/**
 * `npm start` end to end: the demo comes up on the ports it is given, loads this package and Dashboard 2.0, deploys
 * the demo flow without warnings or errors, meter values flow (through the gateway and the drain), and SIGINT
 * stops it with every port closed.
 */
import assert from 'node:assert/strict';
import { isListening, startDemo, waitFor, type RunningDemo } from './demo-process';

interface NodeSet {
  module: string;
  enabled: boolean;
  loaded?: boolean;
  err?: string;
}

interface LastValues {
  meters: Record<string, { energyKwh?: number; powerKw?: number; count: number; via: string }>;
  store: { records: number; freeBytes: number } | null;
}

const METERS = ['12345678', '00012345', '10067967'];

describe('npm start: the live demo', function () {
  this.timeout(300_000);
  let demo: RunningDemo;

  before(async () => {
    demo = await startDemo();
  });
  after(() => demo.cleanUp());

  const json = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${demo.url}${path}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };

  it('serves the editor and the dashboard and prints both addresses', async () => {
    await waitFor('the editor', 120_000, async () => ((await fetch(`${demo.url}/settings`)).ok ? true : undefined), demo.output);
    await waitFor('the dashboard', 60_000, async () => ((await fetch(`${demo.url}/dashboard/`)).ok ? true : undefined), demo.output);
    assert.match(demo.output(), new RegExp(`editor: +http://127\\.0\\.0\\.1:${demo.ports.nodeRed}/`));
    assert.match(demo.output(), new RegExp(`dashboard: +http://127\\.0\\.0\\.1:${demo.ports.nodeRed}/dashboard`));
  });

  it('loads this package and Dashboard 2.0 and deploys the demo flow with the given simulator ports', async () => {
    const sets = await json<NodeSet[]>('/nodes');
    for (const module of ['@meterflow/node-red-smartcom', '@flowfuse/node-red-dashboard']) {
      const own = sets.filter((set) => set.module === module);
      assert.ok(own.length > 0, `${module} is loaded`);
      for (const set of own) assert.ok(set.enabled && set.loaded !== false && !set.err, `${module}: ${JSON.stringify(set)}`);
    }
    const flows = await json<Record<string, unknown>[]>('/flows');
    const types = new Set(flows.map((node) => node.type));
    for (const type of ['smartcom-config', 'iec62056-read', 'ui-base', 'ui-gauge', 'ui-chart', 'ui-button', 'catch']) assert.ok(types.has(type), type);
    assert.equal(flows.find((node) => node.type === 'smartcom-config')?.port, demo.ports.smartcom);
    assert.equal(flows.find((node) => node.type === 'iec62056-read' && node.path === 'direct')?.port, String(demo.ports.meter));
  });

  it('gets values of every meter, and they move', async () => {
    const first = await waitFor('a value of every meter', 120_000, async () => {
      const last = await json<LastValues>('/demo/last-values');
      return METERS.every((address) => typeof last.meters[address]?.energyKwh === 'number') ? last : undefined;
    }, demo.output);
    await waitFor('newer readings', 120_000, async () => {
      const last = await json<LastValues>('/demo/last-values');
      return METERS.every((address) => last.meters[address].count > first.meters[address].count) ? true : undefined;
    }, demo.output);
    const last = await json<LastValues>('/demo/last-values');
    for (const address of METERS) assert.match(last.meters[address].via, /^AMS record #\d+, drained$/);
  });

  it('keeps the gateway store from filling: the drain empties it as the AMS fills it', async () => {
    const store = await waitFor('the store level', 60_000, async () => (await json<LastValues>('/demo/last-values')).store ?? undefined, demo.output);
    // The AMS stores about 1.3 records a second (clock x60) and the drain runs every 5 s; the buffer holds 1000.
    assert.ok(store.records < 100, `records stored: ${store.records}`);
  });

  const unclean = (): string[] => demo.output().split('\n').filter((line) => /\[(warn|error)\]|\[stderr\]|error/i.test(line));

  it('logs no warning and no error', () => {
    assert.deepEqual(unclean(), []);
  });

  it('stops on SIGINT: exits 0 and leaves nothing listening', async () => {
    demo.child.kill('SIGINT');
    const code = await Promise.race([demo.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 60_000))]);
    assert.equal(code, 0, demo.output());
    for (const port of Object.values(demo.ports)) assert.equal(await isListening(port), false, `port ${port} is closed`);
    assert.match(demo.output(), /\[demo\] stopped/);
    assert.deepEqual(unclean(), [], 'nothing unclean while stopping either');
  });
});

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import { startNodeRed, type RunningNodeRed } from './node-red-process';

/**
 * A user's first minutes, in a real browser against a real Node-RED with this package and the SmartCOM
 * simulator: each of the three nodes is dragged from the palette onto an empty workspace, its dialog is
 * opened with a double-click and filled in (the first one adds the smartcom-config node pointing at the
 * simulator, the others pick it), then the flow is deployed. No error notification appears, and each
 * node's status turns green (connected) in the workspace.
 */
const TAB = 'cc00000000000001';
const FLOWS = [{ id: TAB, type: 'tab', label: 'palette test' }];
const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'palette');
/** Generous bounds: waits for a condition on a busy 2-core machine, never timing asserts. */
const WAIT_MS = 60_000;

/** The editor's globals, as seen from page.evaluate (the test compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: {
      filterNodes(filter: { type: string }): Array<{ id: string }>;
      /** Config nodes are not in filterNodes. */
      eachConfig(callback: (node: { id: string; type: string }) => void): void;
    };
  };
}

interface PaletteCase {
  type: string;
  /** Fills the node's own required fields once its dialog is open. */
  fill(page: Page): Promise<void>;
}

const CASES: PaletteCase[] = [
  { type: 'ams-device', fill: async () => undefined }, // action "status" and the connection are all it needs
  { type: 'scdata-read', fill: async (page) => void (await page.selectOption('#node-input-action', 'count')) },
  {
    type: 'iec62056-read',
    fill: async (page) => {
      await page.selectOption('#node-input-path', 'gateway');
      // The address is a typed input: its visible field is the one beside the hidden #node-input-address.
      await page.locator('#node-input-address + .red-ui-typedInput-container input.red-ui-typedInput-input').fill('12345678');
    },
  },
];

/** (Runs in the browser: only globals.) The ids of the nodes of this type in the workspace, config nodes included. */
function nodesOfType(type: string): string[] {
  const nodes = (globalThis as unknown as EditorGlobals).RED.nodes;
  const ids = nodes.filterNodes({ type }).map((node) => node.id);
  nodes.eachConfig((node) => void (node.type === type && ids.push(node.id)));
  return ids;
}

describe('palette to deployed flow (real browser)', function () {
  this.timeout(5 * WAIT_MS);
  let simulator: SmartcomSimulator;
  let simulatorPort = 0;
  let nodeRed: RunningNodeRed;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    simulator = new SmartcomSimulator({ port: 0, clock: { speed: 0 } });
    simulatorPort = (await simulator.start()).port;
    nodeRed = await startNodeRed(FLOWS);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(nodeRed.url);
    await page.waitForSelector('.red-ui-palette-node[data-palette-type="ams-device"]', { state: 'visible' });
    await page.waitForSelector('#red-ui-loading-progress', { state: 'hidden' });
  });

  afterEach(async function () {
    // What the browser showed when a step failed, for whoever reads the failure.
    if (this.currentTest?.state === 'failed') await page?.screenshot({ path: path.join(SCREENSHOTS, 'failure.png') }).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await nodeRed?.stop();
    await simulator?.stop();
  });

  it('drags, fills in and deploys ams-device, scdata-read and iec62056-read; all three show green', async () => {
    for (const [index, testCase] of CASES.entries()) {
      const id = await dragFromPalette(page, testCase.type, { x: 250, y: 120 + index * 120 });
      await page.dblclick(`g[id="${id}"] rect.red-ui-flow-node`);
      await page.waitForSelector('#node-input-connection', { state: 'attached' });
      await testCase.fill(page);
      if (index === 0) await addGatewayConfig(page, simulatorPort);
      else await pickFirstGatewayConfig(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${testCase.type}-dialog.png`) });
      await page.click('#node-dialog-ok');
      await page.waitForSelector('#node-dialog-ok', { state: 'detached' });
    }

    const configs = await page.evaluate(nodesOfType, 'smartcom-config');
    assert.equal(configs.length, 1, 'one smartcom-config node, shared by all three');
    await page.click('#red-ui-header-button-deploy');
    await page.waitForSelector('.red-ui-notification-success', { state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deployed.png') });

    for (const testCase of CASES) {
      const [id] = await page.evaluate(nodesOfType, testCase.type);
      await page.waitForSelector(`g[id="${id}"] .red-ui-flow-node-status-dot-green`, { state: 'attached' });
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'connected.png') });
    assert.equal(await page.locator('.red-ui-notification-error').count(), 0, 'no error notification');
    assert.deepEqual(pageErrors, [], 'no uncaught script errors in the editor');
    assert.ok(simulator.openConnections >= 1, 'the nodes connected to the simulator');
  });
});

/** A real mouse drag from the palette to a point of the workspace; resolves with the new node's id. */
async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await page.evaluate(nodesOfType, type);
  const paletteNode = page.locator(`.red-ui-palette-node[data-palette-type="${type}"]`);
  // The smartcom category is at the bottom of a long palette: scroll it into view as a user would.
  await paletteNode.scrollIntoViewIfNeeded();
  const source = await paletteNode.boundingBox();
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  assert.ok(source && chart, `the palette shows ${type} and the workspace is visible`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  // Several moves: the palette's jQuery UI draggable starts only after the pointer has travelled a little.
  await page.mouse.move(source.x + source.width / 2 + 20, source.y + source.height / 2 + 5, { steps: 5 });
  await page.mouse.move(chart.x + at.x, chart.y + at.y, { steps: 20 });
  await page.mouse.up();
  // Runs in the browser: only globals, nothing from this file's scope.
  await page.waitForFunction(([t, count]) => (globalThis as unknown as EditorGlobals).RED.nodes.filterNodes({ type: t }).length > count, [type, before.length] as const, { timeout: WAIT_MS });
  const after = await page.evaluate(nodesOfType, type);
  const added = after.find((id) => !before.includes(id));
  assert.ok(added, `a ${type} node was dropped on the workspace`);
  return added;
}

/**
 * The button next to the connection (the plus in Node-RED 4.1+, the pencil before) opens a new smartcom-config;
 * it is pointed at the simulator and added.
 */
async function addGatewayConfig(page: Page, port: number): Promise<void> {
  await page.locator('#node-input-btn-connection-add:visible, #node-input-lookup-connection:visible').first().click();
  await page.waitForSelector('#node-config-input-host', { state: 'visible' });
  await page.fill('#node-config-input-name', 'simulator');
  await page.fill('#node-config-input-host', '127.0.0.1');
  await page.fill('#node-config-input-port', String(port));
  await page.click('#node-config-dialog-ok');
  await page.waitForSelector('#node-config-input-host', { state: 'detached' });
}

async function pickFirstGatewayConfig(page: Page): Promise<void> {
  const [configId] = await page.evaluate(nodesOfType, 'smartcom-config');
  await page.selectOption('#node-input-connection', configId);
}

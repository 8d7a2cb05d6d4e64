#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures, taken from the real editor. Starts the simulators (as `npm start`
 * sets them up) and Node-RED with the package and three example flows, presses an Inject so that statuses and the
 * Debug sidebar show something, and writes 1280x800 PNGs into docs/screenshots/: the editor with the flow, and
 * each node's edit dialog. Then it runs the live demo itself (dist/bin/demo.js, what `npm start` runs, on free
 * ports) and photographs its dashboard, the whole page 1280 wide, once every meter has values in its chart,
 * the store level and the AMS table are shown and the load profile has been read: dashboard.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MeterSimServer, meterProfile } from '../src/sim/meter';
import { SmartcomSimulator } from '../src/sim/smartcom/simulator';
import { launchChromium } from '../test/editor/chromium';
import { startNodeRed } from '../test/editor/node-red-process';
import { DASHBOARD_PATH, STORE_LEVEL, WIDGET } from '../test/integration/demo/dashboard-widgets';
import { startDemo, waitFor } from '../test/integration/demo/demo-process';

type FlowNode = { id: string; type: string; [property: string]: unknown };

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'docs', 'screenshots');
const WAIT_MS = 60_000;

/** The editor's globals, as seen from page.evaluate (this script compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: { node(id: string): unknown };
    editor: { edit(node: unknown): void; editConfig(name: string, type: string, id: string): void };
    workspaces: { show(id: string): void };
    sidebar: { show(name: string): void };
  };
}

function example(name: string): FlowNode[] {
  return JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8')) as FlowNode[];
}

/** The examples pointed at the simulators' ports; a tab-less example gets a tab, as Import would give it. */
function flows(gatewayPort: number, meterPort: number): FlowNode[] {
  const gatewayRead = example('iec62056-read/Read a meter through the gateway.json');
  const readTab: FlowNode = { id: 'e2d00000000000ff', type: 'tab', label: 'iec62056-read: through the gateway' };
  const all = [
    ...example('ams-device - basics.json'),
    ...example('scdata-read/Drain to Debug and a file.json'),
    readTab,
    ...gatewayRead.map((node) => (node.type === 'smartcom-config' ? node : { ...node, z: readTab.id })),
  ];
  return all.map((node) => {
    if (node.type === 'smartcom-config') return { ...node, host: '127.0.0.1', port: gatewayPort };
    if (node.type === 'iec62056-read' && node.transport === 'tcp') return { ...node, host: '127.0.0.1', port: String(meterPort) };
    return node;
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500); // let the tray's slide-in animation finish
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** Opens a node's edit dialog (or a config node's), photographs it, and cancels. */
async function dialog(page: Page, id: string, name: string, config = false): Promise<void> {
  await page.evaluate(([nodeId, isConfig]) => {
    const RED = (globalThis as unknown as EditorGlobals).RED;
    if (isConfig) RED.editor.editConfig('', 'smartcom-config', nodeId);
    else RED.editor.edit(RED.nodes.node(nodeId));
  }, [id, config] as const);
  await page.waitForSelector(config ? '#node-config-dialog-cancel' : '#node-dialog-cancel', { state: 'visible', timeout: WAIT_MS });
  await shoot(page, name);
  await page.click(config ? '#node-config-dialog-cancel' : '#node-dialog-cancel');
  await page.waitForSelector('.red-ui-tray', { state: 'detached', timeout: WAIT_MS });
}

/** The demo's meters and what GET /demo/last-values answers about them. */
const DEMO_METERS = ['12345678', '00012345', '10067967'];
interface LastValues {
  meters: Record<string, { count: number } | undefined>;
}

/** The live demo's dashboard with values in every widget but the last error. */
async function dashboard(browser: Browser): Promise<void> {
  const demo = await startDemo();
  try {
    const until = <T>(what: string, check: () => Promise<T | undefined>): Promise<T> => waitFor(what, 2 * WAIT_MS, check, demo.output);
    await until('the dashboard', async () => ((await fetch(`${demo.url}${DASHBOARD_PATH}`)).ok ? true : undefined));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${demo.url}${DASHBOARD_PATH}`);
    // Three readings of each meter (the slowest is read every 15 simulated minutes, 15 s): a line in each chart.
    await until('three readings of every meter', async () => {
      const last = (await (await fetch(`${demo.url}/demo/last-values`)).json()) as LastValues;
      return DEMO_METERS.every((address) => (last.meters[address]?.count ?? 0) >= 3) ? true : undefined;
    });
    const text = (selector: string): Promise<string> => page.locator(selector).innerText();
    for (const reading of [WIDGET.text, WIDGET.modeAText, WIDGET.programmingText]) {
      await until('a reading on the page', async () => ((await text(reading)).includes('kWh') ? true : undefined));
    }
    await until('the store level', async () => (STORE_LEVEL.test(await text(WIDGET.storeText)) ? true : undefined));
    await until('the AMS table', async () => ((await text(WIDGET.amsTable)).includes('10067967') ? true : undefined));
    const emptyProfile = await page.locator(WIDGET.loadProfileChart).screenshot();
    await page.click(WIDGET.loadProfileRead);
    await until('the load profile', async () => (!(await page.locator(WIDGET.loadProfileChart).screenshot()).equals(emptyProfile) ? true : undefined));
    await page.waitForTimeout(1000); // the charts' animation
    await page.screenshot({ path: path.join(outDir, 'dashboard.png'), fullPage: true });
    console.log('docs/screenshots/dashboard.png');
    await page.close();
  } finally {
    await demo.cleanUp();
  }
}

/** The editor with three examples against the simulators, and each node's dialog. */
async function editor(browser: Browser): Promise<void> {
  const gateway = new SmartcomSimulator({ port: 0, clock: { speed: 60 } });
  gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '12345678', interval: '1M' });
  gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '5M' });
  gateway.setAmsEnabled(true);
  const gatewayPort = (await gateway.start()).port;
  const meters = new MeterSimServer([meterProfile('modeC'), meterProfile('programming')], { port: 0 });
  const meterPort = (await meters.start()).port;
  const nodeRed = await startNodeRed(flows(gatewayPort, meterPort));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(nodeRed.url);
    await page.waitForSelector('#red-ui-loading-progress', { state: 'hidden' });
    await page.waitForSelector('g[id="ad00000000000020"] .red-ui-flow-node-status-dot-green', { state: 'attached' });
    // Press "status" and "read port 2" so that the node's status and the Debug sidebar have results to show.
    await page.evaluate(() => (globalThis as unknown as EditorGlobals).RED.sidebar.show('debug'));
    for (const inject of ['ad00000000000100', 'ad00000000000106']) await page.click(`g[id="${inject}"] .red-ui-flow-node-button`);
    await page.waitForSelector('.red-ui-debug-msg', { state: 'visible' });
    await shoot(page, 'editor-ams-device-flow');
    await dialog(page, 'ad00000000000020', 'ams-device-dialog');
    await dialog(page, 'ad00000000000002', 'smartcom-config-dialog', true);

    await page.evaluate(() => (globalThis as unknown as EditorGlobals).RED.workspaces.show('a1d0000000000001'));
    await page.click('g[id="a1d0000000000003"] .red-ui-flow-node-button'); // drain now
    await page.waitForSelector('g[id="a1d0000000000004"] .red-ui-flow-node-status-dot-green', { state: 'attached' });
    await shoot(page, 'editor-scdata-drain-flow');
    await dialog(page, 'a1d0000000000004', 'scdata-read-dialog');

    await page.evaluate(() => (globalThis as unknown as EditorGlobals).RED.workspaces.show('e2d00000000000ff'));
    await dialog(page, 'e2d0000000000003', 'iec62056-read-dialog');
    await page.close();
  } finally {
    await nodeRed.stop();
    await Promise.all([gateway.stop(), meters.stop()]);
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    await editor(browser);
    await dashboard(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

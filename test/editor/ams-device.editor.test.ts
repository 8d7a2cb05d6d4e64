import assert from 'node:assert/strict';
import { type Page } from 'playwright-core';
import { useEditorSuite } from './editor-suite';

/**
 * The ams-device edit dialog in a real browser against a real Node-RED with this package installed:
 * it opens without script errors, shows only the chosen action's fields, edits the wanted table,
 * and marks what the runtime would refuse.
 */
const TAB = 'bb00000000000001';
const CONFIG_ID = 'bb00000000000002';
const NODE_ID = 'bb00000000000003';
const ROWS = [
  { port: '2', protocol: 'IEC62056-21', address: '947834', interval: '15M' },
  { port: '2', protocol: 'MBUS', address: '1@2400', interval: '1D' },
];
const FLOWS = [
  { id: TAB, type: 'tab', label: 'editor test' },
  { id: CONFIG_ID, type: 'smartcom-config', name: 'gateway', transport: 'tcp', host: '127.0.0.1', port: 2323, serialPath: '', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, lineEnding: 'cr', commandTimeout: 10, longCommandTimeout: 120, keepAlive: 0, queueSize: 50 },
  { id: NODE_ID, type: 'ams-device', z: TAB, name: '', connection: CONFIG_ID, action: 'sync', table: ROWS, dryRun: true, x: 200, y: 100, wires: [[]] },
];

interface EditorNode {
  valid?: boolean;
  validationErrors?: string[];
  table?: unknown[];
  action?: string;
}
/** The editor's globals, as seen from page.evaluate (the test compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: { node(id: string): EditorNode };
    editor: { edit(node: unknown): void; validateNode(node: unknown): void };
  };
}


describe('ams-device editor (real browser)', function () {
  this.timeout(90_000);
  const suite = useEditorSuite(FLOWS);
  let page: Page;
  const pageErrors: string[] = [];

  beforeEach(async () => {
    pageErrors.length = 0;
    page = await suite.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(suite.nodeRed.url);
    await page.waitForFunction((id) => Boolean((globalThis as unknown as Partial<EditorGlobals>).RED?.nodes?.node(id)), NODE_ID, { timeout: 60_000 });
    await page.evaluate((id) => {
      const RED = (globalThis as unknown as EditorGlobals).RED;
      RED.editor.edit(RED.nodes.node(id));
    }, NODE_ID);
    await page.waitForSelector('#node-input-action', { state: 'visible' });
  });

  afterEach(async () => {
    await page.close();
    assert.deepEqual(pageErrors, [], 'no uncaught script errors in the editor');
  });

  const rowValues = (): Promise<string[][]> =>
    page.$$eval('#node-input-table-container li', (items) =>
      items.map((item) => ['port', 'protocol', 'address', 'interval'].map((name) => (item.querySelector(`.ams-device-row-${name}`) as unknown as { value?: string } | null)?.value ?? '')));

  it('opens on the stored sync table and shows only the sync fields', async () => {
    assert.equal(await page.inputValue('#node-input-action'), 'sync');
    assert.deepEqual(await rowValues(), ROWS.map((row) => [row.port, row.protocol, row.address, row.interval]));
    assert.equal(await page.isChecked('#node-input-dryRun'), true);
    assert.equal(await page.isVisible('#node-input-address'), false);
    assert.equal(await page.isVisible('#node-input-baudRate'), false);
  });

  it('switching the action shows that action\'s fields, with an address hint per protocol', async () => {
    await page.selectOption('#node-input-action', 'add');
    assert.equal(await page.isVisible('#node-input-address'), true);
    assert.equal(await page.isVisible('#node-input-interval'), true);
    assert.equal(await page.isVisible('#node-input-table-container'), false);
    await page.selectOption('#node-input-protocol', 'MBUS');
    assert.match(await page.getAttribute('#node-input-address', 'placeholder') ?? '', /1@2400/);
    await page.selectOption('#node-input-action', 'port-set');
    assert.equal(await page.isVisible('#node-input-baudRate'), true);
    assert.equal(await page.isVisible('#node-input-address'), false);
  });

  it('saves an added table row', async () => {
    await page.click('#node-input-table-container + .red-ui-editableList-addButton, .red-ui-editableList-addButton');
    const items = page.locator('#node-input-table-container li');
    await items.nth(2).locator('.ams-device-row-address').fill('12345678');
    await page.click('#node-dialog-ok');
    const table = await page.evaluate((id) => (globalThis as unknown as EditorGlobals).RED.nodes.node(id).table, NODE_ID);
    assert.deepEqual(table, [...ROWS, { port: '2', protocol: 'IEC62056-21', address: '12345678', interval: '15M' }]);
  });

  it('marks an address the protocol does not accept, and clear without "allow clear"', async () => {
    await page.selectOption('#node-input-action', 'add');
    await page.selectOption('#node-input-protocol', 'MBUS');
    await page.fill('#node-input-address', '947834');
    await page.dispatchEvent('#node-input-address', 'change');
    assert.equal(await page.$eval('#node-input-address', (element) => element.classList.contains('input-error')), true);
    await page.selectOption('#node-input-action', 'clear');
    await page.click('#node-dialog-ok');
    const node = await page.evaluate((id) => (globalThis as unknown as EditorGlobals).RED.nodes.node(id), NODE_ID);
    assert.equal(node.valid, false, 'the node is marked invalid');
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { editorLoaded } from './chromium';
import { useEditorSuite } from './editor-suite';

/**
 * The smartcom-config edit dialog in a real browser (Debian's chromium) against a real Node-RED with this
 * package installed: it opens without script errors, validates, offers the serial-port picker, and keeps the
 * password out of the flow.
 */
const CONFIG_ID = 'c0ffee0000000001';
const FLOWS = [
  { id: 'aa00000000000001', type: 'tab', label: 'editor test' },
  { id: CONFIG_ID, type: 'smartcom-config', name: 'gateway', transport: 'tcp', host: '127.0.0.1', port: 2323, serialPath: '', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, lineEnding: 'cr', commandTimeout: 10, longCommandTimeout: 120, keepAlive: 60, queueSize: 50 },
];

/** The editor's globals, as seen from page.evaluate (the test compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: {
      node(id: string): { credentials?: unknown } | null;
      dirty(): boolean;
      /** No argument: what a deploy sends (credentials included). `{ credentials: false }`: what Export > all flows shows. */
      createCompleteNodeSet(options?: { credentials: boolean; includeModuleConfig: boolean }): unknown;
    };
    editor: { editConfig(name: string, type: string, id: string): void };
    events: { on(event: string, handler: () => void): void };
  };
  /** Set by the test when the editor reports a finished deploy. */
  deployedByTest?: boolean;
}

/** Generous bounds: the editor is slow on a busy machine, and these are waits for a condition, not timing asserts. */
const EDITOR_WAIT_MS = 60_000;



describe('smartcom-config editor (real browser)', function () {
  this.timeout(90_000);
  const suite = useEditorSuite(FLOWS);
  let page: Page;
  const pageErrors: string[] = [];

  beforeEach(async () => {
    pageErrors.length = 0;
    page = await suite.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(suite.nodeRed.url);
    await page.waitForFunction(editorLoaded, CONFIG_ID, { timeout: EDITOR_WAIT_MS });
    await page.evaluate((id) => (globalThis as unknown as EditorGlobals).RED.editor.editConfig('', 'smartcom-config', id), CONFIG_ID);
    await page.waitForSelector('#node-config-input-host', { state: 'visible', timeout: EDITOR_WAIT_MS });
  });

  afterEach(async () => {
    await page.close();
    assert.deepEqual(pageErrors, [], 'no uncaught script errors in the editor');
  });

  it('opens with the stored values and the TCP rows showing', async () => {
    assert.equal(await page.inputValue('#node-config-input-host'), '127.0.0.1');
    assert.equal(await page.inputValue('#node-config-input-port'), '2323');
    assert.equal(await page.inputValue('#node-config-input-keepAlive'), '60');
    assert.equal(await page.isVisible('#node-config-input-serialPath'), false);
  });

  it('marks an out-of-range port and a missing host as invalid', async () => {
    const invalid = (selector: string) => page.$eval(selector, (element) => element.classList.contains('input-error'));
    // The editor marks a field when it handles the change (not always within the same task): wait for the
    // mark, bounded, instead of reading it at once.
    const marked = async (selector: string): Promise<boolean> =>
      page.waitForFunction((sel) => (globalThis as unknown as { document: { querySelector(s: string): { classList: { contains(c: string): boolean } } | null } }).document
        .querySelector(sel)?.classList.contains('input-error') ?? false, selector, { timeout: 10_000 }).then(() => true, () => false);
    assert.equal(await invalid('#node-config-input-port'), false);
    await page.fill('#node-config-input-port', '99999');
    await page.dispatchEvent('#node-config-input-port', 'change');
    assert.equal(await marked('#node-config-input-port'), true, 'port 99999 is marked');
    await page.fill('#node-config-input-host', '');
    await page.dispatchEvent('#node-config-input-host', 'change');
    assert.equal(await marked('#node-config-input-host'), true, 'an empty host is marked for TCP');
  });

  it('shows the serial rows for a serial console and lists what the serial-port endpoint returns', async () => {
    await page.selectOption('#node-config-input-transport', 'serial');
    assert.equal(await page.isVisible('#node-config-input-serialPath'), true);
    assert.equal(await page.isVisible('#node-config-input-host'), false);
    const listed = await page.evaluate(async () => (await (await fetch('smartcom-config/serialports')).json()) as Array<{ path: string }>);
    await page.click('#node-config-lookup-serial');
    if (listed.length === 0) {
      await page.waitForSelector('.red-ui-notification', { state: 'visible' });
      assert.match(await page.textContent('.red-ui-notification') ?? '', /No serial ports found/);
      return;
    }
    await page.waitForSelector('ul.ui-autocomplete li', { state: 'visible' });
    const offered = await page.$$eval('ul.ui-autocomplete li', (items) => items.map((item) => item.textContent?.trim()));
    assert.deepEqual(offered, listed.map((port) => port.path));
  });

  it('stores user and password as credentials: deployed, but never in the flow JSON', async () => {
    const secret = 'Pa55-editor-secret';
    // What the editor's Export dialog produces for "all flows" (its own call), as JSON.
    const exportAll = (): Promise<string> =>
      page.evaluate(() => JSON.stringify((globalThis as unknown as EditorGlobals).RED.nodes.createCompleteNodeSet({ credentials: false, includeModuleConfig: true })));
    await page.fill('#node-config-input-user', 'admin');
    await page.fill('#node-config-input-password', secret);
    await page.click('#node-config-dialog-ok');
    assert.ok(!(await exportAll()).includes(secret), 'not in the exported flow before the deploy');

    await page.evaluate(() => {
      const red = globalThis as unknown as EditorGlobals;
      red.RED.events.on('deploy', () => (red.deployedByTest = true));
    });
    await page.click('#red-ui-header-button-deploy');
    // The deploy button turns disabled as soon as a deploy starts; what means "deployed" is the editor's
    // 'deploy' event, after which it has dropped the credentials it held and has nothing left to deploy.
    await page.waitForFunction((id) => {
      // Runs in the browser: only globals, nothing from this file's scope.
      const red = globalThis as unknown as EditorGlobals;
      return red.deployedByTest === true && !red.RED.nodes.dirty() && red.RED.nodes.node(id)?.credentials === undefined;
    }, CONFIG_ID, { timeout: EDITOR_WAIT_MS });

    assert.ok(!(await exportAll()).includes(secret), 'not in the exported flow after the deploy');
    const held = await page.evaluate(() => JSON.stringify((globalThis as unknown as EditorGlobals).RED.nodes.createCompleteNodeSet()));
    assert.ok(!held.includes(secret), 'the editor no longer holds it (not even in what a next deploy would send)');
    const deployed = await (await fetch(`${suite.nodeRed.url}/flows`)).text();
    assert.ok(deployed.includes(CONFIG_ID) && !deployed.includes(secret), 'not in the deployed flows');
    const stored = readFileSync(path.join(suite.nodeRed.userDir, 'flows_cred.json'), 'utf8');
    assert.ok(stored.includes(secret), 'kept as a credential');
  });
});

import assert from 'node:assert/strict';
import { type Page, type Route } from 'playwright-core';
import { editorLoaded } from './chromium';
import { useEditorSuite } from './editor-suite';

/**
 * The serial-port picker both edit dialogs share (resources/serial-port-picker.js), in a real browser against
 * a real Node-RED: in the smartcom-config and the iec62056-read dialog, the search button asks
 * smartcom-config/serialports and offers what it answers in the path's autocomplete, or tells in the node's
 * own words that there is none or that the listing failed. The browser answers that request itself, so the
 * test does not depend on the serial ports of the machine it runs on.
 */
const TAB = 'dd00000000000001';
const CONFIG_ID = 'dd00000000000002';
const IEC_ID = 'dd00000000000003';
const FLOWS = [
  { id: TAB, type: 'tab', label: 'picker test' },
  { id: CONFIG_ID, type: 'smartcom-config', name: 'console', transport: 'serial', host: '', port: 23, serialPath: '', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, lineEnding: 'cr', commandTimeout: 10, longCommandTimeout: 120, keepAlive: 60, queueSize: 50 },
  { id: IEC_ID, type: 'iec62056-read', z: TAB, name: '', path: 'direct', transport: 'serial', serialPath: '', address: '', addressType: 'str', x: 200, y: 100, wires: [[]] },
];

/** What the picker is answered with; the by-id path checks that a path is offered as it is. */
const PORTS = [
  { path: '/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A1B2C3-if00-port0', source: 'scan' },
  { path: '/dev/ttyUSB0', source: 'scan' },
];

/** One dialog with the picker: how to open it, and its input and button. */
interface PickerDialog {
  type: string;
  open(page: Page): Promise<void>;
  input: string;
  button: string;
}

/** The editor's globals, as seen from page.evaluate (the test compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: { node(id: string): unknown };
    editor: { edit(node: unknown): void; editConfig(name: string, type: string, id: string): void };
  };
}

const DIALOGS: PickerDialog[] = [
  {
    type: 'smartcom-config',
    open: (page) => page.evaluate((id) => (globalThis as unknown as EditorGlobals).RED.editor.editConfig('', 'smartcom-config', id), CONFIG_ID),
    input: '#node-config-input-serialPath',
    button: '#node-config-lookup-serial',
  },
  {
    type: 'iec62056-read',
    open: (page) => page.evaluate((id) => {
      const red = (globalThis as unknown as EditorGlobals).RED;
      red.editor.edit(red.nodes.node(id));
    }, IEC_ID),
    input: '#node-input-serialPath',
    button: '#node-input-lookup-serial',
  },
];

/** Generous bounds: waits for a condition on a busy 2-core machine, never timing asserts. */
const WAIT_MS = 60_000;

describe('serial-port picker in both edit dialogs (real browser)', function () {
  this.timeout(90_000);
  const suite = useEditorSuite(FLOWS);
  let page: Page;
  const pageErrors: string[] = [];
  /** How often the picker asked for the list (in this test's page). */
  let requests = 0;

  afterEach(async () => {
    await page?.close();
    assert.deepEqual(pageErrors, [], 'no uncaught script errors in the editor');
  });

  /** A fresh editor page whose serial-port listing is answered by `answer`, with `dialog` open. */
  async function openWithListing(dialog: PickerDialog, answer: (route: Route) => Promise<void>): Promise<void> {
    pageErrors.length = 0;
    requests = 0;
    page = await suite.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.route('**/smartcom-config/serialports', (route) => {
      requests += 1;
      return answer(route);
    });
    await page.goto(suite.nodeRed.url);
    await page.waitForFunction(editorLoaded, CONFIG_ID, { timeout: WAIT_MS });
    await dialog.open(page);
    await page.waitForSelector(dialog.input, { state: 'visible' });
  }

  async function notification(): Promise<string> {
    await page.waitForSelector('.red-ui-notification', { state: 'visible' });
    return (await page.textContent('.red-ui-notification')) ?? '';
  }

  for (const dialog of DIALOGS) {
    describe(dialog.type, function () {
      it('offers the listed paths in the autocomplete, and a picked one fills the input', async () => {
        await openWithListing(dialog, (route) => route.fulfill({ json: PORTS }));
        await page.click(dialog.button);
        const offered = page.locator('ul.ui-autocomplete:visible li');
        await offered.first().waitFor({ state: 'visible' });
        assert.deepEqual((await offered.allTextContents()).map((text) => text.trim()), PORTS.map((port) => port.path));
        assert.equal(requests, 1, 'one request per press');
        // The button's busy look (spinner, disabled) is gone once the answer is in.
        assert.equal(await page.locator(`${dialog.button}.disabled, ${dialog.button} i.spinner`).count(), 0, 'the button is no longer busy');
        assert.equal(await page.locator(`${dialog.button} i.fa-search`).count(), 1, 'the search icon is back');
        await offered.nth(1).click();
        assert.equal(await page.inputValue(dialog.input), PORTS[1]!.path);
      });

      it('says so when there are no serial ports', async () => {
        await openWithListing(dialog, (route) => route.fulfill({ json: [] }));
        await page.click(dialog.button);
        assert.match(await notification(), /No serial ports found/);
      });

      it("names the runtime's reason when the listing fails", async () => {
        const body = { error: 'E_SERIAL_LIST', message: 'udev is not running' };
        await openWithListing(dialog, (route) => route.fulfill({ status: 500, json: body }));
        await page.click(dialog.button);
        assert.match(await notification(), /Listing the serial ports failed: udev is not running/);
      });
    });
  }
});

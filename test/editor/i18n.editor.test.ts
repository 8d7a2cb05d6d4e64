import assert from 'node:assert/strict';
import { type BrowserContext, type Page } from 'playwright-core';
import { editorLoaded } from './chromium';
import { useEditorSuite } from './editor-suite';

/**
 * Every node's edit dialog in German and Czech: the browser's language (navigator.language and the
 * Accept-Language header, which is what the Node-RED editor picks its language from) is set per browser
 * context; each dialog must show a translated label, no raw catalog key (like `ams-device.label.action`),
 * and the help the editor loaded must be the locale's. One Node-RED and one browser for all of it; every
 * wait is for a condition, with a generous bound (the machine is shared).
 */
const TAB = 'cc00000000000001';
const CONFIG_ID = 'cc00000000000002';
const AMS_ID = 'cc00000000000003';
const IEC_ID = 'cc00000000000004';
const SCDATA_ID = 'cc00000000000005';
const FLOWS = [
  { id: TAB, type: 'tab', label: 'i18n test' },
  { id: CONFIG_ID, type: 'smartcom-config', name: 'gateway', transport: 'tcp', host: '127.0.0.1', port: 2323, serialPath: '', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, lineEnding: 'cr', commandTimeout: 10, longCommandTimeout: 120, keepAlive: 0, queueSize: 50 },
  { id: AMS_ID, type: 'ams-device', z: TAB, name: '', connection: CONFIG_ID, action: 'status', x: 200, y: 100, wires: [[]] },
  { id: IEC_ID, type: 'iec62056-read', z: TAB, name: '', path: 'gateway', connection: CONFIG_ID, address: '12345678', addressType: 'str', x: 200, y: 200, wires: [[]] },
  // Drain fields only (no automatic drain or poll), so the deployed node sends nothing to the absent gateway.
  { id: SCDATA_ID, type: 'scdata-read', z: TAB, name: '', connection: CONFIG_ID, action: 'drain', pollInterval: 0, x: 200, y: 300, wires: [[]] },
];

/** One validator per node called with a refused value (dialog closed, so `this` is the stored config): its reason per locale. */
interface Refusal {
  type: string;
  property: string;
  config: Record<string, unknown>;
  value: string;
  reason: Record<Locale, string>;
}
const REFUSALS: Refusal[] = [
  { type: 'smartcom-config', property: 'port', config: { transport: 'tcp' }, value: '99999', reason: { de: 'einen Port von 1 bis 65535 eingeben', cs: 'zadejte port od 1 do 65535' } },
  { type: 'ams-device', property: 'retry', config: { action: 'retry', retryType: 'num' }, value: '12', reason: { de: 'Wiederholungen sind eine ganze Zahl von 0 bis 9', cs: 'počet opakování je celé číslo od 0 do 9' } },
  { type: 'iec62056-read', property: 'address', config: { path: 'gateway', addressType: 'str' }, value: '', reason: { de: 'der Weg über das Gateway braucht die Zähleradresse', cs: 'cesta přes bránu vyžaduje adresu elektroměru' } },
  { type: 'scdata-read', property: 'batchSize', config: { action: 'drain' }, value: '0', reason: { de: 'eine ganze Zahl ab 1 eingeben', cs: 'zadejte celé číslo od 1' } },
];

interface Dialog {
  /** Node id, and whether it is a config node (opened with editConfig). */
  id: string;
  type: string;
  config: boolean;
  /** A label that must show translated: its selector and the text per locale. */
  label: string;
  expected: Record<Locale, string>;
}
type Locale = 'de' | 'cs';

const DIALOGS: Dialog[] = [
  { id: CONFIG_ID, type: 'smartcom-config', config: true, label: 'label[for="node-config-input-transport"] span', expected: { de: 'Verbindung', cs: 'Připojení' } },
  { id: AMS_ID, type: 'ams-device', config: false, label: 'label[for="node-input-action"] span', expected: { de: 'Aktion', cs: 'Akce' } },
  { id: IEC_ID, type: 'iec62056-read', config: false, label: 'label[for="node-input-path"] span', expected: { de: 'Weg', cs: 'Cesta' } },
  { id: SCDATA_ID, type: 'scdata-read', config: false, label: 'label[for="node-input-action"] span', expected: { de: 'Aktion', cs: 'Akce' } },
];

/** The help's first section heading per locale (style-guide order; config nodes start with their properties). */
const FIRST_SECTION: Record<Locale, { node: string; config: string }> = {
  de: { node: 'Eingangsdaten', config: 'Eigenschaften' },
  cs: { node: 'Vstupy', config: 'Vlastnosti' },
};

/** A catalog key of this package left untranslated, e.g. `ams-device.label.action`. */
const RAW_KEY = /\b(?:smartcom-config|ams-device|iec62056-read|scdata-read)\.[A-Za-z-]+(?:\.[A-Za-z0-9-]+)+/;

/** The editor's globals, as seen from page.evaluate (the test compiles without the DOM library). */
interface EditorGlobals {
  RED: {
    nodes: {
      node(id: string): unknown;
      getType(type: string): { defaults: Record<string, { validate?: ((this: unknown, value: unknown, opt: object) => unknown) & { length: number } }> };
    };
    editor: { edit(node: unknown): void; editConfig(name: string, type: string, id: string): void };
  };
}

const EDITOR_WAIT_MS = 60_000;


describe('editor dialogs in German and Czech (real browser)', function () {
  this.timeout(180_000);
  const suite = useEditorSuite(FLOWS);

  for (const locale of ['de', 'cs'] as const) {
    describe(`browser language ${locale}`, () => {
      let context: BrowserContext;
      let page: Page;
      const pageErrors: string[] = [];

      before(async () => {
        context = await suite.browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
        page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(String(error)));
        await page.goto(suite.nodeRed.url);
        await page.waitForFunction(editorLoaded, AMS_ID, { timeout: EDITOR_WAIT_MS });
      });

      after(async () => {
        await context?.close();
        assert.deepEqual(pageErrors, [], 'no uncaught script errors in the editor');
      });

      it('the browser asks for the language', async () => {
        assert.equal(await page.evaluate(() => (globalThis as unknown as { navigator: { language: string } }).navigator.language), locale);
      });

      it('every validator of every node takes (value, opt), so Node-RED shows its reason', async () => {
        const oneParameter = await page.evaluate((types) => {
          const RED = (globalThis as unknown as EditorGlobals).RED;
          return types.flatMap((type) =>
            Object.entries(RED.nodes.getType(type).defaults)
              .filter(([, property]) => typeof property.validate === 'function' && property.validate.length !== 2)
              .map(([name]) => `${type}.${name}`));
        }, DIALOGS.map((dialog) => dialog.type));
        assert.deepEqual(oneParameter, []);
      });

      for (const refusal of REFUSALS) {
        it(`${refusal.type}: a refused ${refusal.property} gives its reason in ${locale}`, async () => {
          const reason = await page.evaluate(({ type, property, config, value }) => {
            const validate = (globalThis as unknown as EditorGlobals).RED.nodes.getType(type).defaults[property].validate;
            return validate?.call(config, value, {});
          }, refusal);
          assert.equal(reason, refusal.reason[locale]);
        });
      }

      for (const dialog of DIALOGS) {
        it(`${dialog.type}: the dialog shows "${dialog.expected[locale]}" and no raw catalog key`, async () => {
          await page.evaluate(({ id, type, config }) => {
            const RED = (globalThis as unknown as EditorGlobals).RED;
            if (config) RED.editor.editConfig('', type, id);
            else RED.editor.edit(RED.nodes.node(id));
          }, dialog);
          await page.waitForSelector(dialog.label, { state: 'visible', timeout: EDITOR_WAIT_MS });
          // Translation is applied when the form is built; wait for the text rather than assume it is there.
          await page.waitForFunction(
            ({ selector, text }) => {
              const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
              return doc.querySelector(selector)?.textContent?.trim() === text;
            },
            { selector: dialog.label, text: dialog.expected[locale] },
            { timeout: EDITOR_WAIT_MS },
          );
          const tray = dialog.config ? '.red-ui-tray:last-child .red-ui-tray-body' : '.red-ui-tray-body';
          const shown = await page.locator(tray).last().innerText({ timeout: EDITOR_WAIT_MS });
          assert.doesNotMatch(shown, RAW_KEY, `a raw key in the ${dialog.type} dialog`);
          // Option texts and placeholders are translated too (innerText does not include them).
          const attributes = await page.locator(`${tray} [placeholder], ${tray} option, ${tray} [title]`).evaluateAll((elements) =>
            elements.map((element) => `${element.getAttribute('placeholder') ?? ''} ${element.getAttribute('title') ?? ''} ${element.textContent ?? ''}`).join('\n'));
          assert.doesNotMatch(attributes, RAW_KEY, `a raw key in the ${dialog.type} options or placeholders`);
          await page.click(dialog.config ? '#node-config-dialog-cancel' : '#node-dialog-cancel');
          await page.waitForSelector(dialog.label, { state: 'detached', timeout: EDITOR_WAIT_MS });
        });

        it(`${dialog.type}: the editor loaded the ${locale} help`, async () => {
          const help = await page.evaluate((type) => {
            const doc = (globalThis as unknown as { document: { querySelector(s: string): { innerHTML: string } | null } }).document;
            return doc.querySelector(`script[data-help-name="${type}"]`)?.innerHTML ?? '';
          }, dialog.type);
          const heading = dialog.config ? FIRST_SECTION[locale].config : FIRST_SECTION[locale].node;
          assert.match(help, new RegExp(`<h3>${heading}</h3>`));
        });
      }
    });
  }
});

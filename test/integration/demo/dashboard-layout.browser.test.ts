/**
 * The demo's dashboard layout in a real browser (Debian's chromium through playwright-core): at 1280x800 (and at
 * 1920x1080) no text of a widget or a group title is clipped or cut short by an ellipsis, once every widget shows a
 * value and the longest texts are there (a direct reading next to the gateway's, and a 65541 error with its hint).
 * Waits are for conditions, with generous bounds; the check itself is one measure of the settled page.
 */
import assert from 'node:assert/strict';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../editor/chromium';
import { clippedTexts } from './clipped-text';
import { DASHBOARD_PATH, STORE_LEVEL, WIDGET } from './dashboard-widgets';
import { startDemo, waitFor, type RunningDemo } from './demo-process';

const WAIT_MS = 90_000;

describe('npm start: the dashboard layout cuts no text', function () {
  this.timeout(300_000);
  let demo: RunningDemo;
  let browser: Browser;

  before(async () => {
    demo = await startDemo();
    await waitFor('the dashboard', 120_000, async () => ((await fetch(`${demo.url}${DASHBOARD_PATH}`)).ok ? true : undefined), demo.output);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await demo.cleanUp();
  });

  /** The dashboard at this size with a value in every text and table, a direct reading and the last error shown. */
  async function filledDashboard(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${demo.url}${DASHBOARD_PATH}`);
    const text = (selector: string): Promise<string> => page.locator(selector).innerText({ timeout: WAIT_MS });
    const until = (what: string, check: () => Promise<boolean>): Promise<true> =>
      waitFor(what, WAIT_MS, async () => ((await check()) ? true : undefined), demo.output);
    for (const reading of [WIDGET.text, WIDGET.modeAText, WIDGET.programmingText]) {
      await until(`a reading in ${reading}`, async () => (await text(reading)).includes('kWh'));
    }
    await until('the store level', async () => STORE_LEVEL.test(await text(WIDGET.storeText)));
    await until('the AMS table', async () => (await text(WIDGET.amsTable)).includes('10067967'));
    await until('drained records', async () => (await text(WIDGET.recordsTable)).includes('kWh'));
    await page.locator(WIDGET.modeAReadNow).click({ timeout: WAIT_MS });
    await page.locator(WIDGET.readMissing).click({ timeout: WAIT_MS });
    await until('the direct reading', async () => (await text(WIDGET.modeAText)).includes('read now (direct, TCP), meter clock'));
    await until('the error', async () => (await text(WIDGET.lastError)).includes('65541'));
    return page;
  }

  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    it(`at ${width}x${height}`, async () => {
      const page = await filledDashboard(width, height);
      try {
        const clipped = await page.evaluate(clippedTexts);
        if (clipped.length > 0) assert.fail(`clipped at ${width}x${height}:\n${clipped.join('\n')}`);
      } finally {
        await page.close();
      }
    });
  }
});

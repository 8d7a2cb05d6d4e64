/**
 * The demo's dashboard in a real browser (Debian's chromium through playwright-core): meter values arrive and
 * change, the energy chart redraws as it grows, "read now" reads a meter over the direct path, and a read of a
 * meter that is not on the bus shows its 65541 as the last error. Waits are for conditions, with generous bounds.
 */
import assert from 'node:assert/strict';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../editor/chromium';
import { DASHBOARD_PATH, STORE_LEVEL, WIDGET } from './dashboard-widgets';
import { startDemo, waitFor, type RunningDemo } from './demo-process';

const WAIT_MS = 90_000;

describe('npm start: the dashboard in a browser', function () {
  this.timeout(300_000);
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    demo = await startDemo();
    await waitFor('the dashboard', 120_000, async () => ((await fetch(`${demo.url}/dashboard/`)).ok ? true : undefined), demo.output);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.url}${DASHBOARD_PATH}`);
  });

  after(async () => {
    await browser?.close();
    await demo.cleanUp();
  });

  const text = (selector: string): Promise<string> => page.locator(selector).innerText({ timeout: WAIT_MS });
  const until = <T>(what: string, check: () => Promise<T | undefined>): Promise<T> => waitFor(what, WAIT_MS, check, demo.output);

  it('shows readings of the mode C meter that change as the gateway reads it', async () => {
    const first = await until('a reading', async () => ((await text(WIDGET.text)).includes('kWh') ? text(WIDGET.text) : undefined));
    await until('a newer reading', async () => ((await text(WIDGET.text)) !== first ? true : undefined));
  });

  it('redraws the energy chart as points arrive', async () => {
    const before = await page.locator(WIDGET.chart).screenshot();
    await until('a changed chart', async () => (!(await page.locator(WIDGET.chart).screenshot()).equals(before) ? true : undefined));
  });

  it('shows the AMS table and the store level', async () => {
    await until('the AMS table', async () => ((await text(WIDGET.amsTable)).includes('00012345') ? true : undefined));
    assert.match(await text(WIDGET.amsTable), /12345678[\s\S]*10067967/);
    await until('the store level', async () => (STORE_LEVEL.test(await text(WIDGET.storeText)) ? true : undefined));
  });

  it('reads a meter directly on "read now"', async () => {
    await page.locator(WIDGET.modeAReadNow).click();
    // The text keeps the direct reading next to the gateway's latest, so it stays there to be seen.
    await until('the direct reading', async () => ((await text(WIDGET.modeAText)).includes('read now (direct, TCP), meter clock') ? true : undefined));
  });

  it('draws the load profile read in programming mode (the password comes from the demo\'s credentials)', async () => {
    const empty = await page.locator(WIDGET.loadProfileChart).screenshot();
    await page.locator(WIDGET.loadProfileRead).click();
    await until('the load profile', async () => (!(await page.locator(WIDGET.loadProfileChart).screenshot()).equals(empty) ? true : undefined));
    assert.equal((await text(WIDGET.lastError)).replace(/^Last error\s*/, ''), '', 'no error');
  });

  it('shows 65541 as the last error after reading a meter that is not on the bus', async () => {
    await page.locator(WIDGET.readMissing).click();
    await until('the error', async () => ((await text(WIDGET.lastError)).includes('65541') ? true : undefined));
    assert.deepEqual(pageErrors, []);
  });
});

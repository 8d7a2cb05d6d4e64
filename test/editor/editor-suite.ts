/** The set-up most editor tests share: one Node-RED with their flows and one chromium for a describe block. */
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { startNodeRed, type RunningNodeRed } from './node-red-process';

export interface EditorSuite {
  readonly nodeRed: RunningNodeRed;
  readonly browser: Browser;
}

/**
 * Registers the describe block's before and after hooks: Node-RED with `flows` and chromium are started
 * before its tests and closed after them (also when starting failed half-way). Read them inside tests
 * and hooks; before the start they throw, naming what is missing.
 */
export function useEditorSuite(flows: unknown[]): EditorSuite {
  let nodeRed: RunningNodeRed | undefined;
  let browser: Browser | undefined;
  before(async () => {
    nodeRed = await startNodeRed(flows);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await nodeRed?.stop();
  });
  return {
    get nodeRed(): RunningNodeRed {
      if (!nodeRed) throw new Error('Node-RED is not started: use the editor suite inside a test or hook');
      return nodeRed;
    },
    get browser(): Browser {
      if (!browser) throw new Error('chromium is not launched: use the editor suite inside a test or hook');
      return browser;
    },
  };
}

/** The browser side shared by the browser tests: Debian's chromium, and the "editor has loaded" condition. */
import { chromium, type Browser } from 'playwright-core';

/** Headless in a container: no sandbox, no /dev/shm (small there), and nothing that reaches the network. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
}

/**
 * (Runs in the browser: only globals.) The editor has finished loading: the flows are imported (node `id`
 * exists), the header toolbar with the deploy button is shown, and the loading overlay is gone.
 */
export function editorLoaded(id: string): boolean {
  const doc = (globalThis as unknown as { document: { querySelector(selector: string): { checkVisibility(): boolean } | null } }).document;
  const visible = (selector: string): boolean => doc.querySelector(selector)?.checkVisibility() ?? false;
  const red = (globalThis as unknown as { RED?: { nodes?: { node(id: string): unknown } } }).RED;
  return Boolean(red?.nodes?.node(id)) && visible('.red-ui-header-toolbar') && !visible('#red-ui-loading-progress');
}

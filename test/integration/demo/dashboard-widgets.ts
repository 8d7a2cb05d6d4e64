/**
 * The demo flow's dashboard (examples/dashboard/Dashboard demo.json): its page and widget ids, shared by the
 * browser tests, the start-up benchmark (bench/demo-start-bench.ts) and the screenshot (scripts/screenshots.ts).
 */
export const DASHBOARD_PATH = '/dashboard/meters';

export const WIDGET = {
  chart: '#nrdb-ui-widget-d2a0000000000033',
  /** The mode C meter's latest reading; it contains 'kWh' once a value has arrived. */
  text: '#nrdb-ui-widget-d2a0000000000034',
  modeAText: '#nrdb-ui-widget-d2a0000000000039',
  programmingText: '#nrdb-ui-widget-d2a000000000003e',
  modeAReadNow: '#nrdb-ui-widget-d2a0000000000053 button',
  storeText: '#nrdb-ui-widget-d2a0000000000074',
  amsTable: '#nrdb-ui-widget-d2a000000000007b',
  recordsTable: '#nrdb-ui-widget-d2a000000000004b',
  loadProfileChart: '#nrdb-ui-widget-d2a0000000000133',
  loadProfileRead: '#nrdb-ui-widget-d2a000000000012e button',
  lastError: '#nrdb-ui-widget-d2a000000000005e',
  readMissing: '#nrdb-ui-widget-d2a000000000005a button',
};

/** The store text once the first count and space have arrived. */
export const STORE_LEVEL = /\d+ records? stored, \d+ kB free/;

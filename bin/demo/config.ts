/**
 * What the demo runs, in one place: ports from the environment, the simulated meters and the gateway's AMS table.
 * The flow in examples/dashboard is written for exactly these meters.
 */
import path from 'node:path';
import type { LiveMeterSpec } from '../../src/sim/world';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** The Node-RED user directory; SMARTCOM_DEMO_DIR moves it (the demo's test runs in a temporary one). */
export const demoDir = process.env.SMARTCOM_DEMO_DIR ? path.resolve(process.env.SMARTCOM_DEMO_DIR) : path.join(repoRoot, '.demo');
export const DEMO_FLOW = path.join(repoRoot, 'examples', 'dashboard', 'Dashboard demo.json');

export interface DemoPorts {
  nodeRed: number;
  smartcom: number;
  meter: number;
}

function port(names: readonly string[], fallback: number): number {
  for (const name of names) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${raw} is not a TCP port (1-65535)`);
    return value;
  }
  return fallback;
}

export function demoPorts(): DemoPorts {
  return {
    nodeRed: port(['NODE_RED_PORT', 'PORT'], 1880),
    smartcom: port(['SMARTCOM_SIM_PORT'], 2323),
    meter: port(['METER_SIM_PORT'], 2424),
  };
}

/** The gateway clock runs this much faster than real time: a simulated hour per real minute. */
export const CLOCK_SPEED = 60;

export interface DemoMeter extends LiveMeterSpec {
  /** AMS read interval in the gateway's table (simulated time). */
  interval: string;
}

export const DEMO_METERS: readonly DemoMeter[] = [
  { style: 'modeC', address: '12345678', startKwh: 4521.337, baseKw: 2.4, phaseHours: 0, interval: '1M' },
  { style: 'modeA', address: '00012345', startKwh: 8123.4, baseKw: 1.1, phaseHours: 5, interval: '5M' },
  { style: 'programming', address: '10067967', startKwh: 12345.67, baseKw: 6.5, phaseHours: 9, interval: '15M' },
];

/** The gateway port where the meters hang (the simulator's port 2 is the meter side, 2400 7E1). */
export const AMS_PORT = 2;

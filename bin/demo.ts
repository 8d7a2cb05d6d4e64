#!/usr/bin/env node
/**
 * `npm start`: the live demo. Starts the SmartCOM PRO simulator (AMS reading three simulated meters) and the same
 * meters on a TCP line for the direct path, prepares the Node-RED user directory `.demo/` (this package and
 * Dashboard 2.0 linked in from the working tree, the demo flow from examples/dashboard), runs Node-RED and prints
 * the editor and dashboard addresses. Ctrl-C stops Node-RED first (so no node logs the simulators going away),
 * then the simulators: nothing it started is left listening.
 * Ports: NODE_RED_PORT or PORT (1880), SMARTCOM_SIM_PORT (2323), METER_SIM_PORT (2424).
 */
import path from 'node:path';
import { CLOCK_SPEED, DEMO_METERS, demoDir, demoPorts } from './demo/config';
import { installDemoFlow } from './demo/flows';
import { startNodeRed } from './demo/node-red';
import { startSimulators } from './demo/simulators';
import { prepareUserDir } from './demo/user-dir';
import { exitAfterOutput } from './exit-after-output';

const flowsPath = path.join(demoDir, 'flows.json');
const flowsFile = path.relative(process.cwd(), flowsPath).startsWith('..') ? flowsPath : path.relative(process.cwd(), flowsPath);
const FLOW_NOTES = {
  installed: `demo flow installed in ${flowsFile}`,
  updated: `demo flow in ${flowsFile} updated from examples/dashboard`,
  unchanged: `demo flow in ${flowsFile} is current`,
  'kept-user-edits': `keeping your edited ${flowsFile} (delete it to get the current demo flow)`,
} as const;

async function main(): Promise<void> {
  const ports = demoPorts();
  const simulators = await startSimulators(ports);
  const meters = DEMO_METERS.map((meter) => `${meter.address} (${meter.style})`).join(', ');
  console.log(`[demo] SmartCOM PRO simulator on 127.0.0.1:${ports.smartcom}: AMS reads ${meters}; clock x${CLOCK_SPEED}`);
  console.log(`[demo] the same meters on a TCP line (direct path) on 127.0.0.1:${ports.meter}`);
  const settings = prepareUserDir(ports);
  console.log(`[demo] ${FLOW_NOTES[installDemoFlow(ports)]}`);
  const nodeRed = startNodeRed(settings, () => {
    console.log(`[demo] editor:    http://127.0.0.1:${ports.nodeRed}/`);
    console.log(`[demo] dashboard: http://127.0.0.1:${ports.nodeRed}/dashboard`);
    console.log('[demo] Ctrl-C stops everything');
  });
  let stopping = false;
  const shutdown = async (): Promise<number> => {
    stopping = true;
    const code = await nodeRed.stop();
    await simulators.stop();
    return code;
  };
  const onSignal = (): void => {
    if (stopping) return;
    console.log('[demo] stopping');
    void shutdown().then(() => {
      console.log('[demo] stopped');
      exitAfterOutput(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void nodeRed.exited.then(async (code) => {
    if (stopping) return;
    console.error(`[demo] Node-RED exited (${code}); stopping the simulators`);
    await simulators.stop();
    exitAfterOutput(code || 1);
  });
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  exitAfterOutput(1);
});

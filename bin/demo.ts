#!/usr/bin/env node
/**
 * `npm start`: the demo. Starts the SmartCOM simulator and a meter simulator on loopback, prepares a Node-RED user
 * directory in `.demo/` with this package linked in and the demo flow, and runs Node-RED (editor on localhost).
 * Ports come from the environment: NODE_RED_PORT (1880), SMARTCOM_SIM_PORT (2323), METER_SIM_PORT (2424).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MeterSimServer, meterProfile } from '../src/sim/meter';
import { SmartcomSimulator } from '../src/sim/smartcom';
import { exitAfterOutput } from './exit-after-output';

const root = path.resolve(__dirname, '..', '..');
const demoDir = path.join(root, '.demo');
const ports = {
  nodeRed: Number(process.env.NODE_RED_PORT ?? 1880),
  smartcom: Number(process.env.SMARTCOM_SIM_PORT ?? 2323),
  meter: Number(process.env.METER_SIM_PORT ?? 2424),
};

async function startSimulators(): Promise<{ stop(): Promise<void> }> {
  const gateway = new SmartcomSimulator({ port: ports.smartcom, clock: { speed: 60 } });
  gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '12345678', interval: '1M' });
  gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '5M' });
  gateway.setAmsEnabled(true);
  await gateway.start();
  const meters = new MeterSimServer([meterProfile('modeC'), meterProfile('programming')], { port: ports.meter });
  await meters.start();
  console.log(`SmartCOM simulator on 127.0.0.1:${ports.smartcom} (AMS on, clock x60); meter simulator on 127.0.0.1:${ports.meter}`);
  return { stop: async () => void (await Promise.all([gateway.stop(), meters.stop()])) };
}

/** A user directory where Node-RED finds this package as an installed module (as `npm install <path>` would). */
function prepareUserDir(): string {
  const scope = path.join(demoDir, 'node_modules', '@meterflow');
  mkdirSync(scope, { recursive: true });
  const link = path.join(scope, 'node-red-smartcom');
  if (!existsSync(link)) symlinkSync(root, link, 'dir');
  writeFileSync(path.join(demoDir, 'package.json'), JSON.stringify({ name: 'smartcom-demo', private: true, dependencies: { '@meterflow/node-red-smartcom': 'file:..' } }, null, 2));
  const flows = path.join(demoDir, 'flows.json');
  if (!existsSync(flows)) copyFileSync(path.join(root, 'examples', 'demo', 'Demo - simulators.json'), flows);
  const settings = path.join(demoDir, 'settings.js');
  writeFileSync(settings, `module.exports = ${JSON.stringify({ uiPort: ports.nodeRed, uiHost: '127.0.0.1', flowFile: 'flows.json', credentialSecret: false, editorTheme: { tours: false }, telemetry: { enabled: false }, diagnostics: { enabled: false } }, null, 2)};\n`);
  return settings;
}

async function main(): Promise<void> {
  const simulators = await startSimulators();
  const settings = prepareUserDir();
  const redJs = require.resolve('node-red/red.js');
  const nodeRed = spawn(process.execPath, [redJs, '--userDir', demoDir, '--settings', settings], { stdio: 'inherit' });
  console.log(`Node-RED editor: http://127.0.0.1:${ports.nodeRed}/`);
  const shutdown = (): void => {
    nodeRed.kill('SIGINT');
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  nodeRed.once('exit', (code) => {
    void simulators.stop().then(() => exitAfterOutput(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  exitAfterOutput(1);
});

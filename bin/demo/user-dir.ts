/**
 * The Node-RED user directory of the demo (`.demo/`, git-ignored): this package and Dashboard 2.0 are linked in
 * from the working tree (as `npm install <path>` would place them, no network needed), settings are written on
 * every start, and the demo flow is installed by installDemoFlow().
 */
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoDir, repoRoot, type DemoPorts } from './config';
import { ensureDemoCredentials } from './credentials';
import { demoSettings } from './settings';

const LINKS: readonly { name: string; target: string }[] = [
  { name: '@meterflow/node-red-smartcom', target: repoRoot },
  { name: '@flowfuse/node-red-dashboard', target: path.join(repoRoot, 'node_modules', '@flowfuse', 'node-red-dashboard') },
];

function link(name: string, target: string): void {
  if (!existsSync(target)) throw new Error(`${name} is not installed in this repository (${target}); run npm install first`);
  const at = path.join(demoDir, 'node_modules', ...name.split('/'));
  mkdirSync(path.dirname(at), { recursive: true });
  // A link left from an older checkout elsewhere would load stale code: always point it here.
  if (existsSync(at) || isLink(at)) rmSync(at, { recursive: false, force: true });
  symlinkSync(target, at, 'dir');
}

function isLink(at: string): boolean {
  try {
    return lstatSync(at).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Prepares `.demo/` and returns the settings file to start Node-RED with. */
export function prepareUserDir(ports: DemoPorts): string {
  mkdirSync(demoDir, { recursive: true });
  for (const { name, target } of LINKS) link(name, target);
  const dependencies = Object.fromEntries(LINKS.map(({ name, target }) => [name, `file:${path.relative(demoDir, target)}`]));
  writeFileSync(path.join(demoDir, 'package.json'), `${JSON.stringify({ name: 'smartcom-demo', private: true, dependencies }, null, 2)}\n`);
  ensureDemoCredentials();
  const settings = path.join(demoDir, 'settings.js');
  writeFileSync(settings, `// Written by npm start (bin/demo); changes here are overwritten.\nmodule.exports = ${JSON.stringify(demoSettings(ports), null, 2)};\n`);
  return settings;
}

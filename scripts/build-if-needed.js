#!/usr/bin/env node
// `npm start` builds only when a source is newer than the last build (dist/.build-stamp, written by build.js),
// so a second start is quick and a changed .ts file is never run stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'nodes', 'bin', 'test', 'bench', 'icons', 'locales', 'scripts', 'tsconfig.json', 'package.json'];

function newest(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs);
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = SOURCES.reduce((latest, name) => Math.max(latest, newest(path.join(root, name))), 0);
if (changed > built) require('./build.js');

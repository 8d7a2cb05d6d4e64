#!/usr/bin/env node
// `npm start` builds only when a source is newer than the last build (dist/.build-stamp, written by build.js),
// so a second start is quick and a changed .ts file is never run stale. Only what the build reads counts: the
// TypeScript, the editor .html, icons/ and locales/, and the build's own files (and each directory's time, which
// changes when a file is added, removed or renamed). Other files there, such as bench/results.md (written by
// `npm run bench`) or scripts/node22/node_modules (by `npm install`), do not call for a build.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const typescript = (name) => name.endsWith('.ts');
const SOURCES = [
  ['src', typescript],
  ['bin', typescript],
  ['test', typescript],
  ['bench', typescript],
  ['scripts', (name) => typescript(name) || name === 'build.js'],
  ['nodes', (name) => typescript(name) || name.endsWith('.html')],
  ['icons', () => true],
  ['locales', () => true],
  ['tsconfig.json', () => true],
  ['package.json', () => true],
];

function newest(entry, counts) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return counts(path.basename(entry)) ? stat.mtimeMs : 0;
  if (path.basename(entry) === 'node_modules') return 0;
  return fs.readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name), counts)), stat.mtimeMs);
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = SOURCES.reduce((latest, [name, counts]) => Math.max(latest, newest(path.join(root, name), counts)), 0);
if (changed > built) require('./build.js');

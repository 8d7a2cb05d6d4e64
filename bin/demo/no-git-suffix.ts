/**
 * Preloaded into the demo's Node-RED (`node -r`). Node-RED appends "-git" to its version ("v4.1.15-git") when a
 * `.git` exists four directories above its runtime, meant for a Node-RED source checkout; here that directory is
 * this repository, which installs Node-RED as a devDependency, so the demo would claim a development build of
 * Node-RED. This hides exactly that one path from exactly that check (fs.statSync); nothing else is touched.
 */
import fs from 'node:fs';
import path from 'node:path';

const runtimeDir = path.dirname(require.resolve('@node-red/runtime/package.json'));
const probe = path.join(runtimeDir, '..', '..', '..', '.git');
const statSync = fs.statSync;

function statSyncWithoutProbe(...args: Parameters<typeof fs.statSync>): ReturnType<typeof fs.statSync> {
  if (typeof args[0] === 'string' && path.resolve(args[0]) === probe) {
    throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${args[0]}'`), { code: 'ENOENT' });
  }
  return statSync(...args);
}

// The module object's members are typed read-only; at run time they are plain properties that Node-RED reads.
// fs.statSync has overloads that a wrapper cannot restate; the cast keeps the one signature we forward.
const mutableFs: { statSync: typeof fs.statSync } = fs;
mutableFs.statSync = statSyncWithoutProbe as typeof fs.statSync;

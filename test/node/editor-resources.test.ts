import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startNodeRed, type RunningNodeRed } from '../editor/node-red-process';
import { NODE_RED_RUNTIME } from './fixtures/setup';

/**
 * The editor script the node dialogs share (resources/serial-port-picker.js), served by a whole Node-RED
 * started as a user would, with this package installed in its user directory: the test helper registers
 * node constructors only and never serves a module's resources/ folder. A node test, so that it also runs
 * in the Node-RED 5 compatibility run: NODE_RED_RUNTIME picks the Node-RED whose command line is started.
 */
const MODULE = '@meterflow/node-red-smartcom';
const PICKER = `resources/${MODULE}/serial-port-picker.js`;
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The node sets whose edit dialogs have the serial-port picker. */
const PICKER_NODES = ['smartcom-config', 'iec62056-read'];

/** The command line (red.js) of the Node-RED under test; NODE_RED_RUNTIME is its lib/red.js. */
function commandLineOf(runtime: string): string {
  return path.join(path.dirname(runtime), '..', 'red.js');
}

/** The src of every external script of a node set's editor HTML, as the editor receives it. */
async function scriptSources(url: string, nodeSet: string): Promise<string[]> {
  const response = await fetch(`${url}/nodes/${MODULE}/${nodeSet}`, { headers: { Accept: 'text/html' } });
  assert.equal(response.status, 200, `the editor HTML of ${nodeSet}`);
  const html = await response.text();
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
}

describe('editor resources served by a running Node-RED', function () {
  // Bounded generously: a Node-RED start on a busy 2-core machine; startNodeRed gives up after 60 s.
  this.timeout(90_000);
  let nodeRed: RunningNodeRed;

  before(async () => {
    nodeRed = await startNodeRed([], { redJs: commandLineOf(NODE_RED_RUNTIME) });
  });

  after(async () => {
    await nodeRed?.stop();
  });

  it('is the Node-RED under test (4, or 5 in the compatibility run)', async () => {
    const expected = (JSON.parse(readFileSync(path.join(path.dirname(NODE_RED_RUNTIME), '..', 'package.json'), 'utf8')) as { version: string }).version;
    const settings = (await (await fetch(`${nodeRed.url}/settings`)).json()) as { version?: string };
    // Node-RED adds "-git" when it finds itself inside a git checkout, as this repository's node_modules is.
    assert.equal(settings.version?.replace(/-git$/, ''), expected);
  });

  it(`serves ${PICKER} as JavaScript, the file of this package`, async () => {
    const response = await fetch(`${nodeRed.url}/${PICKER}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    const onDisk = readFileSync(path.join(REPO_ROOT, 'resources', 'serial-port-picker.js'), 'utf8');
    assert.equal(await response.text(), onDisk);
  });

  it('loads it from the smartcom-config and iec62056-read editors by a relative src that it serves', async () => {
    for (const nodeSet of PICKER_NODES) {
      const sources = await scriptSources(nodeRed.url, nodeSet);
      // Relative: the editor resolves it against its own address (httpAdminRoot), and loads only such a src
      // before it runs the node's HTML.
      assert.deepEqual(sources, [PICKER], `${nodeSet} loads the picker`);
      for (const src of sources) {
        assert.equal((await fetch(`${nodeRed.url}/${src}`)).status, 200, `${nodeSet}: ${src} is served`);
      }
    }
  });
});

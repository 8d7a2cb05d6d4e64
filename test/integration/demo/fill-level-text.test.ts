/**
 * The demo dashboard's store text, from the flow's own "fill level" function node (run here as Node-RED
 * runs a function: its body with msg and flow): one record is "1 record stored", any other count plural.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STORE_LEVEL } from './dashboard-widgets';

const FLOW_FILE = path.join(__dirname, '..', '..', '..', '..', 'examples', 'dashboard', 'Dashboard demo.json');

type FillLevel = (msg: { stored: number; payload: number }, flow: { set(key: string, value: unknown): void }) => [{ payload: number }, { payload: string }];

function fillLevel(): FillLevel {
  const nodes = JSON.parse(readFileSync(FLOW_FILE, 'utf8')) as { type: string; name?: string; func?: string }[];
  const node = nodes.find((candidate) => candidate.type === 'function' && candidate.name === 'fill level');
  if (!node?.func) throw new Error('the demo flow has no "fill level" function node');
  return new Function('msg', 'flow', node.func) as FillLevel;
}

describe('demo dashboard: store text', () => {
  const flow = { set: (): void => undefined };

  it('says "1 record stored" for one record and "records" for any other count', () => {
    const run = fillLevel();
    assert.equal(run({ stored: 1, payload: 2048 }, flow)[1].payload, '1 record stored, 2 kB free');
    assert.equal(run({ stored: 0, payload: 512_000 }, flow)[1].payload, '0 records stored, 500 kB free');
    assert.equal(run({ stored: 37, payload: 4096 }, flow)[1].payload, '37 records stored, 4 kB free');
  });

  it('is what the browser tests wait for, in either number', () => {
    const run = fillLevel();
    assert.match(run({ stored: 1, payload: 2048 }, flow)[1].payload, STORE_LEVEL);
    assert.match(run({ stored: 2, payload: 2048 }, flow)[1].payload, STORE_LEVEL);
  });
});

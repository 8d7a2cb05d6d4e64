import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The importable examples live next to the package root (dist/test/unit/... -> ../../../../examples). */
const DIR = path.resolve(__dirname, '../../../../examples/scdata-read');

interface FlowNode {
  id: string;
  type: string;
  connection?: string;
  wires?: string[][];
  scope?: string[];
}

describe('scdata-read examples', () => {
  for (const file of readdirSync(DIR).filter((name) => name.endsWith('.json'))) {
    it(`${file}: a flat flow whose scdata-read nodes use a smartcom-config node included in it, wired to nodes that exist`, () => {
      const flow = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as FlowNode[];
      const ids = new Set(flow.map((node) => node.id));
      const readers = flow.filter((node) => node.type === 'scdata-read');
      assert.ok(readers.length > 0);
      for (const reader of readers) assert.equal(flow.find((node) => node.id === reader.connection)?.type, 'smartcom-config');
      for (const node of flow) {
        for (const target of [...(node.wires ?? []).flat(), ...(node.scope ?? [])]) assert.ok(ids.has(target), `${node.id} -> ${target}`);
      }
    });
  }
});

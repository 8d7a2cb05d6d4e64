/**
 * How `npm start` installs the demo flow into the user directory: on the first start, again when the example or
 * a port changed, never over edits made in the editor since (those are kept until flows.json is deleted).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FLOW } from '../../../bin/demo/config';
import { installDemoFlow } from '../../../bin/demo/flows';

type FlowNode = Record<string, unknown>;

describe('demo flow installation', () => {
  let dir: string;
  let example: string;
  const ports = { nodeRed: 1880, smartcom: 2323, meter: 2424 };
  const flows = (): FlowNode[] => JSON.parse(readFileSync(path.join(dir, 'flows.json'), 'utf8')) as FlowNode[];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'demo-flow-'));
    example = path.join(dir, 'example.json');
    copyFileSync(DEMO_FLOW, example);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('installs the example with the ports of this run, then leaves it alone while nothing changed', () => {
    assert.equal(installDemoFlow({ ...ports, smartcom: 3333, meter: 4444 }, dir, example), 'installed');
    assert.equal(flows().find((node) => node.type === 'smartcom-config')?.port, 3333);
    assert.equal(flows().find((node) => node.type === 'iec62056-read' && node.path === 'direct')?.port, '4444');
    assert.equal(installDemoFlow({ ...ports, smartcom: 3333, meter: 4444 }, dir, example), 'unchanged');
    assert.equal(installDemoFlow(ports, dir, example), 'updated');
    assert.equal(flows().find((node) => node.type === 'smartcom-config')?.port, 2323);
  });

  it('refreshes an unedited flow when the example changes', () => {
    installDemoFlow(ports, dir, example);
    const changed = JSON.parse(readFileSync(example, 'utf8')) as FlowNode[];
    changed.push({ id: 'ffff000000000001', type: 'comment', z: changed[0].id, name: 'new in the example', wires: [] });
    writeFileSync(example, JSON.stringify(changed));
    assert.equal(installDemoFlow(ports, dir, example), 'updated');
    assert.ok(flows().some((node) => node.name === 'new in the example'));
  });

  it('keeps a flow edited in the editor, until it is deleted', () => {
    installDemoFlow(ports, dir, example);
    const edited = [...flows(), { id: 'eeee000000000001', type: 'comment', name: 'mine', wires: [] }];
    writeFileSync(path.join(dir, 'flows.json'), JSON.stringify(edited));
    assert.equal(installDemoFlow({ ...ports, smartcom: 5555 }, dir, example), 'kept-user-edits');
    assert.ok(flows().some((node) => node.name === 'mine'));
    rmSync(path.join(dir, 'flows.json'));
    assert.equal(installDemoFlow(ports, dir, example), 'installed');
  });

  it('replaces the flow an earlier demo copied (before the hash was kept)', () => {
    copyFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'integration', 'demo', 'fixtures', 'earlier-demo-flows.json'), path.join(dir, 'flows.json'));
    assert.equal(installDemoFlow(ports, dir, example), 'updated');
    assert.ok(flows().some((node) => node.type === 'ui-base'));
  });
});

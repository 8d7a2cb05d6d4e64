/**
 * Installs the demo flow (examples/dashboard) into `.demo/flows.json`, with the simulators' ports filled in.
 * Rule: the flow is refreshed whenever the example (or a port) changes, unless you edited it in the editor since
 * the demo wrote it; then your version is kept (delete .demo/flows.json to get the current example back).
 * What the demo last wrote is remembered as a hash in `.demo/.demo-flow.sha256`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_FLOW, demoDir, type DemoPorts } from './config';

type FlowNode = Record<string, unknown>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** flows.json as earlier demos copied it (examples/demo, before the hash was kept): ours, not the user's. */
const EARLIER_DEMO_FLOWS = new Set(['5a8ac3995246901e86f8ad3905db2b7c0907d3ff65e72fafe6b232f9fe262dd6']);

/** The example with the loopback ports of this run (the example itself says 2323 / 2424). */
export function renderDemoFlow(ports: DemoPorts, example = DEMO_FLOW): string {
  const nodes = JSON.parse(readFileSync(example, 'utf8')) as FlowNode[];
  for (const node of nodes) {
    if (node.type === 'smartcom-config' && node.host === '127.0.0.1') node.port = ports.smartcom;
    if (node.type === 'iec62056-read' && node.transport === 'tcp' && node.host === '127.0.0.1') node.port = String(ports.meter);
  }
  return `${JSON.stringify(nodes, null, 4)}\n`;
}

export type FlowInstall = 'installed' | 'updated' | 'unchanged' | 'kept-user-edits';

export function installDemoFlow(ports: DemoPorts, dir = demoDir, example = DEMO_FLOW): FlowInstall {
  const flowsFile = path.join(dir, 'flows.json');
  const hashFile = path.join(dir, '.demo-flow.sha256');
  const wanted = renderDemoFlow(ports, example);
  const write = (result: FlowInstall): FlowInstall => {
    writeFileSync(flowsFile, wanted);
    writeFileSync(hashFile, `${sha256(wanted)}\n`);
    return result;
  };
  if (!existsSync(flowsFile)) return write('installed');
  const current = readFileSync(flowsFile, 'utf8');
  const written = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : '';
  const hash = sha256(current);
  if (hash !== written && !EARLIER_DEMO_FLOWS.has(hash)) return 'kept-user-edits';
  return current === wanted ? 'unchanged' : write('updated');
}

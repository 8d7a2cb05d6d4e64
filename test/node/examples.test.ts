import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FlowNode, HelperNode } from 'node-red-node-test-helper';
import amsDevice from '../../nodes/ams-device';
import iec62056Read from '../../nodes/iec62056-read';
import scdataRead from '../../nodes/scdata-read';
import smartcomConfig from '../../nodes/smartcom-config';
import { MeterSimServer, meterProfile } from '../../src/sim/meter';
import { SmartcomSimulator } from '../../src/sim/smartcom/simulator';
import { storeRecords } from '../integration/scdata-drain/helpers';
import { coreModules, dashboardInstalled, dashboardModules, downstream, exampleFiles, INPUT_TYPES, MQTT_STAND_IN, PACKAGE_TYPES, mqttStandIn, rewriteForTest, unknownTypes, usesDashboard, type Published } from './fixtures/example-flows';
import { helper, initHelper } from './fixtures/setup';
import { waitFor } from './fixtures/wait';

/**
 * Every example flow under examples/ (Import > Examples) deploys against the simulators and runs without
 * errors: each Inject is pressed in the order of the file, and each press must reach a Debug node (or the
 * MQTT stand-in) downstream of it; a press with none after it must make a SmartCOM node on its path send, or,
 * with no SmartCOM node either (the dashboard demo's chart margins), reach a Dashboard widget. Errors are allowed
 * only where an example shows one on purpose.
 *
 * What the test changes in a flow: host and port of the smartcom-config nodes and of direct TCP reads
 * (the examples use `npm start`'s 2323 / 2424), Inject timers off, the File node's path, and `mqtt out`
 * replaced by a stand-in that completes each message (no broker in the test; the broker config is dropped).
 * A flow without an Inject (the automatic drain) gets one message sent straight to its SmartCOM node, as its
 * timer (300 s) would.
 */
interface Expectation {
  /** Inject name -> the error code its press must bring to the Catch node (the example shows it on purpose). */
  errors?: Record<string, string>;
  /** After a press, also wait for this (e.g. the drain emptied the store). */
  settled?: (sim: SmartcomSimulator) => boolean;
  /** What the MQTT stand-in must have published, as topics. */
  published?: (topics: string[]) => void;
}

const STORED_RECORDS = 5;
const drained = (sim: SmartcomSimulator): boolean => sim.records().length === 0;

const EXPECTATIONS: Record<string, Expectation> = {
  'ams-device - basics.json': { errors: { 'clear (refused)': 'E_BAD_ARGUMENT' } },
  'scdata-read/Drain to Debug and a file.json': { settled: drained },
  'scdata-read/Automatic drain to MQTT.json': {
    settled: drained,
    published: (topics) => {
      assert.equal(topics.length, STORED_RECORDS, 'one publish per stored record');
      for (const topic of topics) assert.equal(topic, 'smartcom/records/ZE310.iv30_012');
    },
  },
};

/** Bound of one press: a direct read at 300 Bd start speed and a gateway DIRECT_READ take seconds, a busy machine more. */
const PRESS_TIMEOUT_MS = 60_000;
const SINK_TYPES = new Set(['debug', MQTT_STAND_IN]);
const ERROR_LEVEL = 20; // Node-RED's log.ERROR

interface LoggedError {
  level?: number;
  msg?: unknown;
}

describe('examples: every shipped flow runs against the simulators', function () {
  this.timeout(4 * PRESS_TIMEOUT_MS);
  let gateway: SmartcomSimulator;
  let meters: MeterSimServer;
  let gatewayPort = 0;
  let meterPort = 0;
  let outputDir = '';
  let serverStarted = false;

  before(initHelper);
  beforeEach(async () => {
    // As `npm start` has it: two meters in the AMS table, a few stored records, a mode C and a programming meter on the bus.
    gateway = new SmartcomSimulator({ port: 0, clock: { speed: 0 } });
    gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '12345678', interval: '1M' });
    gateway.addMeter({ port: 2, protocol: 'IEC62056-21', address: '947834', interval: '5M' });
    storeRecords(gateway, STORED_RECORDS);
    gatewayPort = (await gateway.start()).port;
    meters = new MeterSimServer([meterProfile('modeC'), meterProfile('programming')], { port: 0 });
    meterPort = (await meters.start()).port;
    outputDir = mkdtempSync(path.join(os.tmpdir(), 'smartcom-examples-'));
  });
  afterEach(async () => {
    await helper.unload();
    if (serverStarted) await helper.stopServer();
    serverStarted = false;
    await Promise.all([gateway.stop(), meters.stop()]);
    rmSync(outputDir, { recursive: true, force: true });
  });

  for (const example of exampleFiles()) {
    it(`${example.name}: deploys, and each Inject reaches its Debug nodes without errors`, async function () {
      const outputFile = path.join(outputDir, 'records.jsonl');
      const flow = rewriteForTest(example.flow, { gatewayPort, meterPort, outputFile });
      const missing = unknownTypes(flow);
      if (usesDashboard(flow) && !dashboardInstalled()) {
        // The dashboard demo needs @flowfuse/node-red-dashboard, which is not a dependency of this package.
        this.skip();
      }
      assert.deepEqual(missing, [], 'every node type of the example is loaded by this test (add its module to CORE_NODE_FILES)');
      const expectation = EXPECTATIONS[example.name] ?? {};
      const published: Published[] = [];
      // Dashboard 2.0 serves its pages on the runtime's HTTP server, which the helper starts only on request.
      if (usesDashboard(flow)) {
        await helper.startServer();
        serverStarted = true;
      }
      await helper.load([smartcomConfig, amsDevice, scdataRead, iec62056Read, mqttStandIn(published), ...(await coreModules(flow)), ...(await dashboardModules(flow))], flow);

      const sent = new Map<string, number>();
      for (const node of flow.filter((candidate) => PACKAGE_TYPES.has(candidate.type) && candidate.x !== undefined)) {
        sent.set(node.id, 0);
        deployed(node.id).on('call:send', () => sent.set(node.id, (sent.get(node.id) ?? 0) + 1));
      }
      const received = new Map<string, number>();
      for (const sink of flow.filter((node) => SINK_TYPES.has(node.type))) {
        received.set(sink.id, 0);
        deployed(sink.id).on('input', () => received.set(sink.id, (received.get(sink.id) ?? 0) + 1));
      }
      const widgetInputs = new Map<string, number>();
      for (const widget of flow.filter((node) => node.type.startsWith('ui-') && node.x !== undefined && helper.getNode(node.id))) {
        widgetInputs.set(widget.id, 0);
        deployed(widget.id).on('input', () => widgetInputs.set(widget.id, (widgetInputs.get(widget.id) ?? 0) + 1));
      }
      // node.error and done(err) of any node; an error a Catch node handles is not logged, so the log alone would miss it.
      const reported: string[] = [];
      for (const node of flow.filter((candidate) => candidate.type !== 'tab' && helper.getNode(candidate.id))) {
        deployed(node.id).on('call:error', (call: { args: unknown[] }) => reported.push(`${labelOf(flow, node.id)}: ${String(call.args[0])}`));
      }
      const logged = (): string[] => helper.log().args.map((args) => args[0] as LoggedError).filter((entry) => entry.level === ERROR_LEVEL).map((entry) => String(entry.msg));
      const errors = (): string[] => [...logged(), ...reported];
      const caughtBy = catchSinks(flow);
      // A flow with nothing to press (the demo's bare connection) only has to deploy without errors.
      const triggers = triggersOf(flow);
      assert.deepEqual(errors(), [], 'the flow deploys without errors');

      for (const trigger of triggers) {
        const name = String(trigger.name ?? trigger.id);
        const sinks = [...downstream(flow, trigger.id)].filter((id) => received.has(id) && !caughtBy.has(id));
        const before = new Map(received);
        const errorsBefore = errors().length;
        deployed(trigger.id).receive({});
        // A press with no Debug node after it (e.g. only a dashboard widget) counts when a SmartCOM node on its path sends;
        // one with no SmartCOM node on its path either (it only sets widget options) when a widget receives it.
        const senders = [trigger.id, ...downstream(flow, trigger.id)].filter((id) => PACKAGE_TYPES.has(String(flow.find((node) => node.id === id)?.type)));
        const widgets = [...downstream(flow, trigger.id)].filter((id) => widgetInputs.has(id));
        const sentBefore = new Map(sent);
        const widgetsBefore = new Map(widgetInputs);
        const progressed = (): boolean => {
          if (sinks.length > 0) return sinks.some((id) => received.get(id) !== before.get(id));
          if (senders.length > 0) return senders.some((id) => sent.get(id) !== sentBefore.get(id));
          return widgets.some((id) => widgetInputs.get(id) !== widgetsBefore.get(id));
        };
        const reached = sinks.length > 0 ? 'reaches a Debug node' : senders.length > 0 ? 'makes a SmartCOM node send' : 'reaches a Dashboard widget';
        await waitFor(() => progressed() || errors().length > errorsBefore, `"${name}" to reach a Debug node or fail`, PRESS_TIMEOUT_MS);
        if (expectation.settled) await waitFor(() => expectation.settled?.(gateway) ?? true, `"${name}" to finish`, PRESS_TIMEOUT_MS);
        const newErrors = errors().slice(errorsBefore);
        const expectedCode = expectation.errors?.[name];
        if (expectedCode) {
          assert.equal(newErrors.length, 1, `"${name}" fails once, on purpose`);
          assert.match(newErrors[0], new RegExp(expectedCode));
          assert.ok([...caughtBy].some((id) => received.get(id) !== before.get(id)), `the Catch node shows "${name}"'s error`);
        } else {
          assert.deepEqual(newErrors, [], `"${name}" runs without errors`);
          assert.ok(progressed(), `"${name}" ${reached}`);
        }
      }

      assert.equal(errors().length, Object.keys(expectation.errors ?? {}).length, `no errors but the expected ones: ${errors().join('; ')}`);
      const reachable = new Set(triggers.flatMap((trigger) => [...downstream(flow, trigger.id)]));
      for (const [id, count] of received) {
        if (reachable.has(id) && !caughtBy.has(id)) assert.ok(count > 0, `Debug node ${labelOf(flow, id)} received a message`);
      }
      if (expectation.published) expectation.published(published.map((entry) => String(entry.topic)));
      if (flow.some((node) => node.type === 'file')) {
        assert.equal(readFileSync(outputFile, 'utf8').trim().split('\n').length, STORED_RECORDS, 'the File node wrote one line per record');
      }
    });
  }
});

/** The Injects in file order; a flow without one is triggered through its SmartCOM nodes that take input. */
function triggersOf(flow: FlowNode[]): FlowNode[] {
  const injects = flow.filter((node) => node.type === 'inject');
  return injects.length > 0 ? injects : flow.filter((node) => INPUT_TYPES.has(node.type));
}

/** Sinks fed by a Catch node: they receive errors, so they are checked against the expected errors only. */
function catchSinks(flow: FlowNode[]): Set<string> {
  return new Set(flow.filter((node) => node.type === 'catch').flatMap((node) => [...downstream(flow, node.id)]));
}

function deployed(id: string): HelperNode {
  const node = helper.getNode(id);
  assert.ok(node, `node ${id} is deployed`);
  return node;
}

function labelOf(flow: FlowNode[], id: string): string {
  const node = flow.find((candidate) => candidate.id === id);
  return `"${String(node?.name || id)}"`;
}

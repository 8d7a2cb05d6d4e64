/**
 * scdata-read: the gateway's stored records (AT^SCDATA) through a smartcom-config connection:
 * count, free space, oldest n, filtered, delete oldest n, delete all (only when allowed), and a
 * drain that deletes a record only after it was delivered. The logic is in lib/scdata-read/ and
 * the library (src/smartcom/drain); this file wires it to Node-RED.
 */
import { MeterError } from '../src/errors';
import { asSmartcomConfig, type SmartcomConfigNode } from './lib/config-api';
import { errorLanguage, reportedError } from './lib/error-report';
import type { NodeStatus, RedApi, RedNode } from './lib/red';
import { AckTracker } from './lib/scdata-read/ack-tracker';
import { settingsFromDef, type ScdataReadDef, type ScdataReadSettings } from './lib/scdata-read/config';
import { contextCheckpoint, type NodeContextStore } from './lib/scdata-read/context-checkpoint';
import { DrainController } from './lib/scdata-read/drain-controller';
import { automaticFailure, automaticFailureMsg, missingGateway } from './lib/scdata-read/failures';
import { cachedIdentity, runOperation } from './lib/scdata-read/operations';
import { requestFrom } from './lib/scdata-read/request';
import { StatusView } from './lib/scdata-read/status-view';

/** The parts of a Node-RED node this one uses beyond RedNode. */
type ScdataNode = RedNode & { context(): NodeContextStore; send(msg: unknown): void };
type Send = (msg: unknown) => void;
type Msg = Record<string, unknown>;

/** The whole of one lease (a read of up to batchSize records, or a confirm-and-delete). */
const LEASE_TIMEOUT_MS = 60_000;

export = function registerScdataRead(RED: RedApi): void {
  function ScdataReadNode(this: ScdataNode, def: ScdataReadDef): void {
    RED.nodes.createNode(this, def);
    const config = asSmartcomConfig(RED.nodes.getNode(def.connection));
    if (!config) {
      refuseInput(this);
      return;
    }
    setUp(this, config, settingsFromDef(def));
  }

  /** Without a gateway the status is red, the reason is logged once, and every message fails with it (E_NOT_CONNECTED, for a Catch node). */
  function refuseInput(node: ScdataNode): void {
    const failure = missingGateway((key) => RED._(key), errorLanguage((key) => RED._(key), 'scdata-read'));
    node.status({ fill: 'red', shape: 'ring', text: RED._('scdata-read.status.no-config') });
    node.error(failure.message);
    node.on('input', (_msg, _send, done) => done(failure));
  }

  function setUp(node: ScdataNode, config: SmartcomConfigNode, settings: ScdataReadSettings): void {
    // Errors are reported in the runtime's language (nodes/lib/error-report.ts).
    const language = errorLanguage((key) => RED._(key), 'scdata-read');
    const status = new StatusView((s: NodeStatus) => node.status(s), (key, params) => RED._(key, params), settings.lowSpaceBytes, (text) => node.warn(text));
    // The config node pushes connection states to its users; this proxy lets the node's own status take part.
    const user = { id: node.id, status: (s: NodeStatus) => status.connectionStatus(s) };
    config.register(user);
    const lockKey = (): string | undefined => config.stats()?.key;
    const acks = settings.ackMode ? new AckTracker() : undefined;
    const drains = new DrainController({
      lender: config, lockKey, settings, status, acks,
      checkpoint: settings.checkpoint ? contextCheckpoint(node.context(), settings.checkpointStore) : undefined,
      warn: (text) => node.warn(text),
      // With a message of its own, so that Catch nodes get it (msg.auto, msg.error.code); logged as before when none does.
      error: (error, action) => node.error(automaticFailure(error, language), automaticFailureMsg(action)),
      send: (msg) => node.send(msg),
      timeoutMs: LEASE_TIMEOUT_MS,
      translate: (key, params) => RED._(key, params),
    });
    const identity = cachedIdentity(() => lockKey() ?? 'gateway');
    drains.startAutomatic();
    if (settings.pollIntervalMs > 0) setTimeout(() => void drains.poll(), 0);

    node.on('input', (msg, send, done) => {
      if (msg.ack !== undefined) {
        acks?.ack(msg.ack);
        return done();
      }
      if (msg.stop !== undefined && msg.stop !== false) {
        drains.stop();
        return done();
      }
      handle(msg, send).then(() => done(), (error: unknown) => done(asError(reportedError(error, language))));
    });

    async function handle(msg: Msg, send: Send): Promise<void> {
      const request = requestFrom(settings, await withCount(node, settings, msg), { deleteAllRefused: RED._('scdata-read.error.delete-all'), deleteAllHint: RED._('scdata-read.error.delete-all-hint') });
      if (request.action === 'drain') {
        await drains.run((out) => send(out));
        return;
      }
      const result = await runOperation(request, { lender: config, identity, timeoutMs: LEASE_TIMEOUT_MS });
      status.storeLevel(result.level);
      send({ ...msg, action: request.action, payload: result.payload });
    }

    node.on('close', (removed, done) => {
      void drains.close().then(() => config.deregister(user, removed)).then(() => done(), () => done());
    });
  }

  /** msg with `count` read from the node's typed input (msg, flow or global) when msg.count is not given. */
  function withCount(node: ScdataNode, settings: ScdataReadSettings, msg: Msg): Promise<Msg> {
    const from = settings.countFrom;
    if (!from || msg.count !== undefined) return Promise.resolve(msg);
    return new Promise((resolve, reject) => {
      RED.util.evaluateNodeProperty(from.value, from.type, node, msg, (err, value) => {
        if (err) reject(new MeterError('E_BAD_ARGUMENT', RED._('scdata-read.error.count-type', { type: from.type, value: from.value, reason: err.message }), { details: { field: 'count' } }));
        else resolve({ ...msg, count: value });
      });
    });
  }

  RED.nodes.registerType('scdata-read', ScdataReadNode);
};

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

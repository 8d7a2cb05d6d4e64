/**
 * iec62056-read: reads an IEC 62056-21 meter on each input, through a SmartCOM PRO gateway (smartcom-config)
 * or directly (serial port, optical probe, TCP tunnel). Glue only: lib/iec-read-* hold the logic.
 */
import { MeterError } from '../src/errors';
import { asSmartcomConfig, type SmartcomConfigNode } from './lib/config-api';
import { errorLanguage } from './lib/error-report';
import { bad, settingsFromDef, type IecReadDef, type IecReadSettings } from './lib/iec-read-def';
import { planRead } from './lib/iec-read-msg';
import { nodeError, outputMessages } from './lib/iec-read-output';
import { MeterReader } from './lib/iec-read-reader';
import { errorStatus, readingStatus, readStatus } from './lib/iec-read-status';
import type { RedApi, RedNode } from './lib/red';
import { iecReadSettings, readIecReconnect } from './lib/iec-read-settings';
import { namesLocale } from './lib/names-language';
import { withTypedInputs, type EvaluateTyped } from './lib/iec-read-typed';

export = function registerIec62056Read(RED: RedApi): void {
  /** Numbers each instance, so that a redeployed node never reuses its predecessor's pool user id. */
  let instanceCount = 0;
  const t = (key: string, params?: Record<string, string | number>): string => RED._(key, params);
  /** Errors are reported in the runtime's language (nodes/lib/error-report.ts). */
  const failureOf = (error: unknown) => nodeError(error, errorLanguage(t, 'iec62056-read'));

  function Iec62056ReadNode(this: RedNode, def: IecReadDef): void {
    RED.nodes.createNode(this, def);
    setUp(this, def);
  }

  function setUp(node: RedNode, def: IecReadDef): void {
    instanceCount += 1;
    let settings: IecReadSettings;
    try {
      settings = settingsFromDef(def, t);
    } catch (error) {
      return refuseInput(node, error);
    }
    const gateway = asSmartcomConfig(def.connection ? RED.nodes.getNode(def.connection) : undefined);
    if (settings.path === 'gateway' && !gateway) {
      return refuseInput(node, new MeterError('E_BAD_ARGUMENT', `iec62056-read: ${t('iec62056-read.errors.no-gateway')}`, { hint: t('iec62056-read.errors.no-gateway-hint') }));
    }
    // The gateway's connection status shows on this node too; the link opens when the first user registers.
    gateway?.register(node);
    const reader = new MeterReader({
      settings,
      password: node.credentials?.password,
      gateway,
      userId: `iec62056-read:${node.id}#${instanceCount}`,
      connection: { reconnect: readIecReconnect(RED.settings) },
      locale: namesLocale(def.namesLanguage, t, 'iec62056-read.locale'),
      translate: t,
    });
    reader.open();
    node.on('input', (msg, send, done) => {
      node.status(readingStatus(t));
      void readOnce(reader, settings, def, msg, evaluator(node, msg)).then(
        (messages) => {
          send(settings.output === 'payload' ? messages[0] : [messages]);
          node.status(readStatus(t, new Date(), countValues(messages, settings)));
          done();
        },
        (error: unknown) => {
          const failure = failureOf(error);
          node.status(errorStatus(t, failure.code));
          done(failure);
        },
      );
    });
    node.on('close', (removed, done) => {
      void closeAll(reader, gateway, node, removed).then(() => done());
    });
  }

  async function readOnce(reader: MeterReader, settings: IecReadSettings, def: IecReadDef, msg: Record<string, unknown>, evaluate: EvaluateTyped): Promise<Record<string, unknown>[]> {
    const payload = await reader.read(planRead(settings, await withTypedInputs(def, msg, evaluate), t));
    return outputMessages(msg, payload, settings.output);
  }

  /** Reads one of the node's typed inputs for this message; a failure names the property and the source. */
  function evaluator(node: RedNode, msg: Record<string, unknown>): EvaluateTyped {
    return (value, type, field) =>
      new Promise((resolve, reject) => {
        RED.util.evaluateNodeProperty(value, type, node, msg, (err, result) => {
          if (err) reject(bad(t, field, t('iec62056-read.errors.typed-input', { type, value, reason: err.message })));
          else resolve(result);
        });
      });
  }

  /** A node with a bad configuration fails every input with the reason, and shows it. */
  function refuseInput(node: RedNode, error: unknown): void {
    const failure = failureOf(error);
    node.error(failure.message);
    node.status(errorStatus(t, failure.code));
    node.on('input', (_msg, _send, done) => done(failure));
  }

  RED.nodes.registerType('iec62056-read', Iec62056ReadNode, {
    credentials: { password: { type: 'password' } },
    settings: iecReadSettings,
  });
};

function countValues(messages: Record<string, unknown>[], settings: IecReadSettings): number {
  if (settings.output === 'values') return messages.length;
  const payload = messages[0]?.payload as { values?: object } | undefined;
  return Object.keys(payload?.values ?? {}).length;
}

async function closeAll(reader: MeterReader, gateway: SmartcomConfigNode | undefined, node: RedNode, removed: boolean): Promise<void> {
  await reader.close().catch(() => undefined);
  await gateway?.deregister(node, removed).catch(() => undefined);
}

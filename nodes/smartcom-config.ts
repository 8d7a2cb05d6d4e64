/**
 * smartcom-config: one SmartCOM PRO AT-command connection (TCP or local serial console),
 * shared by every node that uses it. The logic lives in lib/shared-connection.ts; this file
 * reads the node's configuration, registers the type and the serial-port admin endpoint.
 */
import { createAtDriver } from '../src/at/driver';
import type { AtChannel } from '../src/at/channel';
import { isMeterError, MeterError } from '../src/errors';
import { defaultPool } from '../src/pool/pool';
import type { ConnectionOptions } from '../src/pool/types';
import { listSerialPorts } from '../src/transport/serial-ports';
import type { SmartcomConfigApi } from './lib/config-api';
import { CONFIG_DEFAULTS, settingsFromDef, type SmartcomConfigDef, type SmartcomCredentials, type SmartcomSettings } from './lib/config-def';
import { errorLanguage, reportText } from './lib/error-report';
import type { RedApi, RedNode, Translate } from './lib/red';
import { READ_PERMISSION, SERIAL_PORTS_PATH, serialPortsHandler } from './lib/serial-ports-route';
import { readReconnectLimits, smartcomConfigSettings } from './lib/settings';
import { SharedConnection } from './lib/shared-connection';

type ConfigNode = RedNode & SmartcomConfigApi;

export = function registerSmartcomConfig(RED: RedApi): void {
  /** Numbers each instance, so that a redeployed node never reuses its predecessor's pool user id. */
  let instanceCount = 0;

  function SmartcomConfigNode(this: ConfigNode, def: SmartcomConfigDef): void {
    RED.nodes.createNode(this, def);
    setUp(this, def);
  }

  function setUp(node: ConfigNode, def: SmartcomConfigDef): void {
    const credentials: SmartcomCredentials = node.credentials ?? {};
    instanceCount += 1;
    const settings = parseSettings(def, RED.settings, (key, params) => RED._(key, params));
    const commandTimeoutMs = settings instanceof MeterError ? CONFIG_DEFAULTS.commandTimeout * 1000 : settings.commandTimeoutMs;
    const shared = new SharedConnection({
      poolUserId: `smartcom-config:${node.id}#${instanceCount}`,
      pool: defaultPool,
      connectionOptions: () => {
        // A bad configuration fails the first register; SharedConnection shows it as a red status.
        if (settings instanceof MeterError) throw settings;
        return connectionOptions(settings, credentials);
      },
      commandTimeoutMs,
      longCommandTimeoutMs: settings instanceof MeterError ? CONFIG_DEFAULTS.longCommandTimeout * 1000 : settings.longCommandTimeoutMs,
      translate: (key, params) => RED._(key, params),
      // In the runtime's language (nodes/lib/error-report.ts).
      onError: (error) => node.error(reportText(error, errorLanguage((key) => RED._(key), 'smartcom-config'), `${error.message} (${error.code})`)),
    });
    node.register = (user) => shared.register(user);
    node.deregister = (user, removed) => shared.deregister(user, removed);
    node.command = (command, options) => shared.command(command, options);
    node.lease = (fn, options) => shared.lease(fn, options);
    node.stats = () => shared.stats();
    node.commandTimeoutMs = commandTimeoutMs;
    node.on('close', (_removed, done) => {
      void shared.close().then(() => done());
    });
  }

  RED.nodes.registerType('smartcom-config', SmartcomConfigNode, {
    credentials: { user: { type: 'text' }, password: { type: 'password' } },
    settings: smartcomConfigSettings,
  });

  RED.httpAdmin.get(SERIAL_PORTS_PATH, RED.auth.needsPermission(READ_PERMISSION), serialPortsHandler(() => listSerialPorts(), (key, params) => RED._(key, params)));
};

function parseSettings(def: SmartcomConfigDef, runtimeSettings: Record<string, unknown>, t: Translate): SmartcomSettings | MeterError {
  try {
    return settingsFromDef(def, readReconnectLimits(runtimeSettings), t);
  } catch (error) {
    return isMeterError(error) ? error : new MeterError('E_BAD_ARGUMENT', String(error));
  }
}

function connectionOptions(settings: SmartcomSettings, credentials: SmartcomCredentials): ConnectionOptions<AtChannel> {
  const user = credentials.user?.trim();
  return {
    endpoint: settings.endpoint,
    driver: createAtDriver({
      terminator: settings.terminator,
      ...(user ? { username: user } : {}),
      ...(credentials.password ? { password: credentials.password } : {}),
      loginTimeoutMs: settings.commandTimeoutMs,
      commandTimeoutMs: settings.commandTimeoutMs,
    }),
    queueLimit: settings.queueLimit,
    reconnect: settings.reconnect,
    keepAliveMs: settings.keepAliveMs,
    connectTimeoutMs: settings.connectTimeoutMs,
  };
}

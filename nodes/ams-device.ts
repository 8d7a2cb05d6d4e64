/**
 * ams-device: reads and changes the AMS configuration of a SmartCOM PRO (switch, retry count,
 * meter table, serial ports) through a smartcom-config connection. The action comes from the
 * editor or msg.action, its arguments from the editor or msg.payload (lib/ams-device-args.ts);
 * the work runs in one lease (lib/ams-device-actions.ts). This file is the glue.
 */
import { MeterError } from '../src/errors';
import { badArgument } from '../src/smartcom/validation';
import { runAction } from './lib/ams-device-actions';
import { chooseAction, resolveArgs, type ActionArgs, type Evaluate } from './lib/ams-device-args';
import type { AmsDeviceDef } from './lib/ams-device-def';
import { failureStatus, outcomeStatus, runningStatus, StatusBoard } from './lib/ams-device-status';
import { asSmartcomConfig, type SmartcomConfigNode } from './lib/config-api';
import { errorLanguage } from './lib/error-report';
import { nodeError, type ErrorWording } from './lib/node-error';
import type { RedApi, RedNode } from './lib/red';
import { renderStatus, type StatusDescriptor } from './lib/status';
import type { UserNode } from './lib/users';

type Msg = Record<string, unknown>;

export = function registerAmsDevice(RED: RedApi): void {
  const t = (key: string, params?: Record<string, string | number>): string => RED._(key, params);
  const render = (descriptor: StatusDescriptor) => renderStatus(descriptor, t);
  /** Errors are reported in the runtime's language (nodes/lib/error-report.ts). */
  const wording = (): ErrorWording => ({ language: errorLanguage(t, 'ams-device'), translate: t });

  function AmsDeviceNode(this: RedNode, def: AmsDeviceDef): void {
    RED.nodes.createNode(this, def);
    setUp(this, def);
  }

  function setUp(node: RedNode, def: AmsDeviceDef): void {
    const config = asSmartcomConfig(RED.nodes.getNode(def.connection));
    const board = new StatusBoard((status) => node.status(status));
    if (!config) {
      node.status(render({ fill: 'red', shape: 'ring', key: 'ams-device.status.no-config' }));
      node.on('input', (_msg, _send, done) => done(nodeError(missingConfig(t), 'ams-device', wording())));
      return;
    }
    // The config node pushes the connection status to this proxy; the board decides what shows.
    const user: UserNode = { id: node.id, status: (status) => board.setConnection(status) };
    config.register(user);
    node.on('input', (msg, send, done) => {
      void handle(node, def, config, board, msg).then(
        () => {
          send(msg);
          done();
        },
        (error: Error) => done(error),
      );
    });
    node.on('close', (removed, done) => {
      void config.deregister(user, removed).then(() => done());
    });
  }

  /** Resolves, runs and shapes one message; rejects with the error to report (msg is changed only on success). */
  async function handle(node: RedNode, def: AmsDeviceDef, config: SmartcomConfigNode, board: StatusBoard, msg: Msg): Promise<void> {
    let action = 'ams-device';
    let args: ActionArgs;
    try {
      const chosen = chooseAction(def, msg, t);
      action = chosen;
      args = await resolveArgs(chosen, def, msg, evaluator(node, msg), t);
    } catch (error) {
      board.finish(render(failureStatus(action, error)));
      throw nodeError(error, action, wording());
    }
    board.start(render(runningStatus(action)));
    try {
      msg.payload = await runAction(config, args, config.commandTimeoutMs);
      board.finish(render(outcomeStatus(args, msg.payload)));
    } catch (error) {
      board.finish(render(failureStatus(action, error)));
      throw nodeError(error, action, wording());
    }
  }

  function evaluator(node: RedNode, msg: Msg): Evaluate {
    return (value, type, field) =>
      new Promise((resolve, reject) => {
        RED.util.evaluateNodeProperty(value, type, node, msg, (err, result) => {
          if (err) reject(badArgument(field, t('ams-device.errors.typed-input', { type, value: JSON.stringify(value), reason: err.message }), value));
          else resolve(result);
        });
      });
  }

  RED.nodes.registerType('ams-device', AmsDeviceNode);
};

/** Texts from the catalog, so a German or Czech runtime reports them in its language. */
function missingConfig(t: (key: string) => string): MeterError {
  return new MeterError('E_NOT_CONNECTED', t('ams-device.errors.no-config'), { hint: t('ams-device.errors.no-config-hint') });
}

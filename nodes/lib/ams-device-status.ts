/**
 * What an ams-device node shows: the outcome of its last action (green: what it found or did;
 * red: the error code) while the connection is fine, and the connection's own status (from
 * smartcom-config) when it is not, or before the first action. Texts are catalog keys of the
 * ams-device namespace (locales/en-US/ams-device.json).
 */
import { isMeterError } from '../../src/errors';
import type { ActionArgs } from './ams-device-args';
import type { PortView, SyncPayload, TablePayload } from './ams-device-actions';
import type { NodeStatus } from './red';
import type { StatusDescriptor } from './status';

const PREFIX = 'ams-device.status.';

export function runningStatus(action: string): StatusDescriptor {
  return { fill: 'blue', shape: 'dot', key: `${PREFIX}running`, params: { action } };
}

export function outcomeStatus(args: ActionArgs, payload: unknown): StatusDescriptor {
  const action = args.action;
  switch (action) {
    case 'capabilities':
      return { fill: 'green', shape: 'dot', key: `${PREFIX}done`, params: { action } };
    case 'sync': {
      const sync = payload as SyncPayload;
      return { fill: 'green', shape: 'dot', key: `${PREFIX}${sync.dryRun ? 'dry-run' : 'synced'}`, params: { count: sync.steps.length } };
    }
    case 'port-get':
    case 'port-set': {
      const port = payload as PortView;
      return { fill: 'green', shape: 'dot', key: `${PREFIX}port`, params: { port: port.port, baudRate: port.baudRate ?? '?', framing: framing(port) } };
    }
    default:
      return { fill: 'green', shape: 'dot', key: `${PREFIX}devices`, params: { action, count: (payload as TablePayload).deviceCount } };
  }
}

/** Red ring with the gateway's `ERROR <n>` where it gave one, else the error code (an error without one: just "failed"). */
export function failureStatus(action: string, error: unknown): StatusDescriptor {
  const code = shortCode(error);
  if (code === undefined) return { fill: 'red', shape: 'ring', key: `${PREFIX}failed-uncoded`, params: { action } };
  return { fill: 'red', shape: 'ring', key: `${PREFIX}failed`, params: { action, code } };
}

export function shortCode(error: unknown): string | undefined {
  if (!isMeterError(error)) return undefined;
  const number = error.details.errorNumber;
  return error.code === 'E_AT_ERROR' && typeof number === 'number' ? `ERROR ${number}` : String(error.code);
}

/** `7E1` from data bits, parity and stop bits. */
function framing(port: PortView): string {
  const parity = typeof port.parity === 'string' ? port.parity.charAt(0).toUpperCase() : String(port.parity ?? '?');
  return `${port.dataBits ?? '?'}${parity}${port.stopBits ?? '?'}`;
}

/**
 * Decides which of the three sources is shown. A connection status that is green or blue
 * (connected, busy) is normal operation and does not hide the last outcome; any other
 * (connecting, reconnect, error) does, until the link is fine again.
 */
export class StatusBoard {
  private connection: NodeStatus | undefined;
  private outcome: NodeStatus | undefined;
  private running = 0;
  private runningStatus: NodeStatus | undefined;

  constructor(private readonly show: (status: NodeStatus) => void) {}

  setConnection(status: NodeStatus): void {
    this.connection = status;
    this.render();
  }

  start(status: NodeStatus): void {
    this.running++;
    this.runningStatus = status;
    this.render();
  }

  finish(status: NodeStatus): void {
    this.running = Math.max(0, this.running - 1);
    this.outcome = status;
    this.render();
  }

  private render(): void {
    const linkFine = this.connection === undefined || this.connection.fill === 'green' || this.connection.fill === 'blue';
    const own = this.running > 0 ? this.runningStatus : this.outcome;
    const status = linkFine ? (own ?? this.connection) : this.connection;
    if (status) this.show(status);
  }
}

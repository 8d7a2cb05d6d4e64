/**
 * The ams-device node's properties as the editor stores them. Values of typed inputs come as a
 * value and its type (`retry` + `retryType`); select boxes and text fields as strings.
 */
import type { NodeDef } from './red';

export const AMS_ACTIONS = [
  'status', 'capabilities', 'enable', 'disable', 'retry', 'add', 'remove', 'clear', 'interval', 'sync', 'port-get', 'port-set',
] as const;
export type AmsAction = (typeof AMS_ACTIONS)[number];

/** One row of the editor's wanted-table editor (strings: it comes from form fields). */
export interface WantedRow {
  port?: string | number;
  protocol?: string;
  address?: string;
  interval?: string;
}

export interface AmsDeviceDef extends NodeDef {
  connection: string;
  action?: string;
  /** retry: typed input, default msg.payload. */
  retry?: string;
  retryType?: string;
  /** add, remove by address, port-get, port-set: typed input, default num 2. */
  port?: string;
  portType?: string;
  protocol?: string;
  address?: string;
  interval?: string;
  /** remove: 'index' (typed input `index`, default msg.payload) or 'address' (address, port, protocol). */
  removeBy?: string;
  index?: string;
  indexType?: string;
  /** interval: the position, or the type 'all' for every meter. */
  target?: string;
  targetType?: string;
  /** clear is refused unless this is ticked. */
  allowClear?: boolean;
  /** sync: the wanted table used when msg.payload is not an array. */
  table?: WantedRow[];
  dryRun?: boolean;
  /** port-set: '' = leave this parameter as it is. */
  baudRate?: string;
  dataBits?: string;
  stopBits?: string;
  parity?: string;
  /** port-set: srestart (default), save, restart or '' (set only). */
  apply?: string;
}

/**
 * What a smartcom-config node offers to the nodes that use it (ams-device, scdata-read,
 * iec62056-read). A user node looks it up with RED.nodes.getNode(config.connection), calls
 * register(this) in its constructor and deregister(this, removed) in its close handler.
 */
import type { AtChannel, AtResponse } from '../../src/at/channel';
import type { AtCommand } from '../../src/at/command';
import type { ConnectionStats, LeaseFn, LeaseOptions } from '../../src/pool/types';
import type { RedNode } from './red';
import type { CommandOptions } from './shared-connection';
import type { UserNode } from './users';

export interface SmartcomConfigApi {
  /** Adds the node as a user: it receives the connection status from now on; the first user opens the link. */
  register(user: UserNode): void;
  /** `removed` is the close handler's flag: the link is released only when the last user leaves for good. */
  deregister(user: UserNode, removed: boolean): Promise<void>;
  /** Runs one AT command as a lease of its own, with the command timeout (or the long one with `{ long: true }`). */
  command(command: AtCommand, options?: CommandOptions): Promise<AtResponse>;
  /** Runs several steps with the link to itself. */
  lease<T>(fn: LeaseFn<AtChannel, T>, options: LeaseOptions): Promise<T>;
  /** The configured timeout of one AT command, ms: users bound their leases by it. */
  commandTimeoutMs: number;
  /** The connection's stats, or undefined while no user is registered. */
  stats(): ConnectionStats | undefined;
}

export type SmartcomConfigNode = RedNode & SmartcomConfigApi;

/** Narrows what RED.nodes.getNode returned: a smartcom-config node, or undefined. */
export function asSmartcomConfig(node: unknown): SmartcomConfigNode | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const candidate = node as Partial<SmartcomConfigNode>;
  return candidate.type === 'smartcom-config' && typeof candidate.register === 'function' ? (candidate as SmartcomConfigNode) : undefined;
}

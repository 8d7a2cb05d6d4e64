/**
 * The nodes that use one config node, keyed by node id, and the one status they all show.
 * A node that registers late gets the current status at once.
 */
import type { NodeStatus, RedNode } from './red';
import { sameStatus } from './status';

/** What a node needs to be a user: its id and a status it can show. */
export type UserNode = Pick<RedNode, 'id' | 'status'>;

export class UserRegistry {
  private readonly users = new Map<string, UserNode>();
  private current: NodeStatus | undefined;

  get size(): number {
    return this.users.size;
  }

  has(node: UserNode): boolean {
    return this.users.get(node.id) === node;
  }

  /** Returns true when this is the first user. */
  add(node: UserNode): boolean {
    const first = this.users.size === 0;
    this.users.set(node.id, node);
    if (this.current) node.status(this.current);
    return first;
  }

  /** Removes the node (only if it is the registered instance with that id); returns true when none remain. */
  remove(node: UserNode): boolean {
    if (this.users.get(node.id) === node) this.users.delete(node.id);
    return this.users.size === 0;
  }

  /** Pushes the status to every user, unless it is the one they already show. */
  broadcast(status: NodeStatus): void {
    if (sameStatus(this.current, status)) return;
    this.current = status;
    for (const node of this.users.values()) node.status(status);
  }

  /** Forgets the last status, so that the next broadcast always goes out. */
  resetStatus(): void {
    this.current = undefined;
  }

  clear(): void {
    this.users.clear();
    this.current = undefined;
  }
}

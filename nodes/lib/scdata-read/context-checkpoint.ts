/**
 * The drain checkpoint in the node's context, in the store the user named (a persistent one,
 * e.g. `localfilesystem`, survives a restart). The callback forms are used because a store may
 * be asynchronous; set's callback fires once the store has taken the value.
 */
import type { DrainCheckpoint, DrainCheckpointState } from '../../../src/smartcom/drain';

/** The part of Node-RED's node context this uses (Node-RED ships no types). */
export interface NodeContextStore {
  get(key: string, store: string | undefined, callback: (error: unknown, value: unknown) => void): void;
  set(key: string, value: unknown, store: string | undefined, callback: (error: unknown) => void): void;
}

export const CHECKPOINT_KEY = 'scdataDrainCheckpoint';

export function contextCheckpoint(context: NodeContextStore, store: string): DrainCheckpoint {
  const name = store === '' ? undefined : store;
  return {
    load: () =>
      new Promise<DrainCheckpointState | undefined>((resolve, reject) => {
        context.get(CHECKPOINT_KEY, name, (error, value) => (error ? reject(asError(error)) : resolve(checkpointState(value))));
      }),
    save: (state) =>
      new Promise<void>((resolve, reject) => {
        context.set(CHECKPOINT_KEY, state, name, (error) => (error ? reject(asError(error)) : resolve()));
      }),
  };
}

/** What the store returned, if it has the checkpoint's shape (anything else is ignored: a fresh start). */
function checkpointState(value: unknown): DrainCheckpointState | undefined {
  const candidate = value as Partial<DrainCheckpointState> | undefined;
  if (!candidate || typeof candidate.gatewayId !== 'string' || !Array.isArray(candidate.keys)) return undefined;
  return { gatewayId: candidate.gatewayId, keys: candidate.keys.filter((key) => typeof key === 'string'), lastSequence: { ...candidate.lastSequence } };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

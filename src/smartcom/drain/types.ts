import type { StoredRecord } from '../stored-record';

/** Records that left the gateway before they could be read: sequence numbers lostFrom..lostTo of one record type. */
export interface DrainGap {
  type: string;
  lostFrom: number;
  lostTo: number;
  count: number;
}

/** Handed to `deliver` with each round's records. */
export interface DeliveryRound {
  /** Marks the first `count` records of this round as delivered, before the rest (e.g. per-record progress before a failure). */
  delivered(count: number): void;
  /** 1, 2, ... */
  readonly number: number;
}

/**
 * Receives the records of one round, oldest first, never the same record twice within one drain.
 * Resolving means every record was delivered; resolving with a number n means only the first n
 * were (the drain then ends). Rejecting means only those marked with `round.delivered(n)` were.
 */
export type DeliverFn = (records: readonly StoredRecord[], round: DeliveryRound) => Promise<number | void> | number | void;

/** What a checkpoint keeps between drains (JSON-safe, so Node-RED context can store it). */
export interface DrainCheckpointState {
  gatewayId: string;
  /** Keys of records delivered but perhaps not yet deleted. */
  keys: string[];
  /** The highest sequence number delivered, per record type (for gap detection across drains). */
  lastSequence: Record<string, number>;
}

/** Where a drain keeps its state; `save` must have persisted before it resolves. */
export interface DrainCheckpoint {
  load(): Promise<DrainCheckpointState | undefined> | DrainCheckpointState | undefined;
  save(state: DrainCheckpointState): Promise<void> | void;
}

export interface DrainProgress {
  round: number;
  delivered: number;
  deleted: number;
  /** MESS_CNT when the drain started (at least `deleted`). */
  total: number;
  /** GET_SPACE (bytes) at the last delete. */
  freeBytes: number | undefined;
}

export type DrainStopReason = 'empty' | 'max' | 'stopped' | 'partial';

export interface DrainResult extends DrainProgress {
  gatewayId: string;
  stopped: DrainStopReason;
  gaps: DrainGap[];
  /** Sum of the gaps' counts. */
  lost: number;
  /** Rounds started over because the oldest record changed between read and delete. */
  restarts: number;
  /** Transient failures (link lost, timeout) that were retried. */
  retried: number;
  /** Delivered records still on the gateway at the end (held back as overwrite guard); the checkpoint remembers them. */
  heldBack: number;
  lastSequence: Record<string, number>;
}

export interface DrainOptions {
  /** Records read per round. Default 50. */
  batchSize?: number;
  /** Stop after delivering this many. Default: no limit. */
  maxRecords?: number;
  /** Ends the drain after the current round (like stop()). */
  signal?: AbortSignal;
  /** Identity for record keys. Default: the serial number from ATI4, else `lockKey`, else 'gateway'. */
  gatewayId?: string;
  /** One drain per key at a time in this process. Default: the lender's `key` (a pooled Connection's endpoint), else the gateway identity. */
  lockKey?: string;
  checkpoint?: DrainCheckpoint;
  /**
   * With less free space than this (bytes, GET_SPACE), a store may overwrite the oldest record, so
   * `overwriteGuard` delivered records are held back. Default: room for two of the largest records
   * seen (estimated from their text, at least 512 bytes each).
   */
  nearFullBytes?: number;
  /** Default 1. */
  overwriteGuard?: number;
  /** Consecutive transient failures retried (each round starts over from a fresh read). Default 5. */
  retries?: number;
  /** Each lease (one read or one confirm-and-delete). Default 30 s. */
  leaseTimeoutMs?: number;
  /** Each AT command. Default 10 s. */
  commandTimeoutMs?: number;
  onGap?: (gap: DrainGap) => void;
  onProgress?: (progress: DrainProgress) => void;
}

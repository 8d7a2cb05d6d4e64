/** The scdata-read node's settings as stored in the flow, and the same with numbers parsed and defaults applied. */
import type { NodeDef } from '../red';

export const ACTIONS = ['count', 'space', 'oldest', 'filtered', 'delete-oldest', 'delete-all', 'drain'] as const;
export type ScdataAction = (typeof ACTIONS)[number];

export interface ScdataReadDef extends NodeDef {
  connection: string;
  action: string;
  count: string | number;
  recordType: string;
  filter: string;
  allowDeleteAll: boolean;
  output: string;
  batchSize: string | number;
  maxRecords: string | number;
  ackMode: boolean;
  ackTimeout: string | number;
  checkpoint: boolean;
  checkpointStore: string;
  autoInterval: string | number;
  autoThreshold: string | number;
  pollInterval: string | number;
  lowSpace: string | number;
}

export interface ScdataReadSettings {
  action: ScdataAction;
  count: number;
  recordType: '' | 'AMS' | 'WMBUS';
  filter: string;
  allowDeleteAll: boolean;
  /** 'record': one message per record; 'batch': one message per round. */
  output: 'record' | 'batch';
  batchSize: number;
  /** 0 = no limit. */
  maxRecords: number;
  ackMode: boolean;
  ackTimeoutMs: number;
  checkpoint: boolean;
  /** Context store name; '' = the default store. */
  checkpointStore: string;
  /** 0 = off. */
  autoIntervalMs: number;
  /** Drain when MESS_CNT reaches this; 0 = off. */
  autoThreshold: number;
  /** How often MESS_CNT / GET_SPACE are polled for the threshold and the fill level; 0 = never. */
  pollIntervalMs: number;
  /** Warn below this many free bytes; 0 = off. */
  lowSpaceBytes: number;
}

function num(value: unknown, fallback: number): number {
  const parsed = typeof value === 'number' ? value : Number(String(value ?? '').trim() || NaN);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

export function settingsFromDef(def: Partial<ScdataReadDef>): ScdataReadSettings {
  const action = (ACTIONS as readonly string[]).includes(def.action ?? '') ? (def.action as ScdataAction) : 'drain';
  const recordType = def.recordType === 'AMS' || def.recordType === 'WMBUS' ? def.recordType : '';
  return {
    action,
    count: Math.max(1, Math.floor(num(def.count, 10))),
    recordType,
    filter: def.filter ?? '',
    allowDeleteAll: def.allowDeleteAll === true,
    output: def.output === 'batch' ? 'batch' : 'record',
    batchSize: Math.max(1, Math.floor(num(def.batchSize, 50))),
    maxRecords: Math.floor(num(def.maxRecords, 0)),
    ackMode: def.ackMode === true,
    ackTimeoutMs: num(def.ackTimeout, 30) * 1000,
    checkpoint: def.checkpoint === true,
    checkpointStore: def.checkpointStore ?? '',
    autoIntervalMs: num(def.autoInterval, 0) * 1000,
    autoThreshold: Math.floor(num(def.autoThreshold, 0)),
    pollIntervalMs: num(def.pollInterval, 60) * 1000,
    lowSpaceBytes: Math.floor(num(def.lowSpace, 0)),
  };
}

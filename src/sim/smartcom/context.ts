/** What command handlers and the scheduler share: the gateway's state and its services. */
import type { AmsReadRequest, AmsReadResult } from '../meter-source';
import type { AmsTable } from './ams-table';
import type { SimClock } from './clock';
import type { ResolvedOptions } from './options';
import type { SerialPortState } from './port-settings';
import type { RecordStore, SimRecord } from './record-store';

export interface GatewayContext {
  readonly options: ResolvedOptions;
  readonly clock: SimClock;
  readonly ports: ReadonlyMap<number, SerialPortState>;
  readonly ams: AmsTable;
  readonly store: RecordStore;
  /** One read through the meter reader, retried `retries` times on failure; never rejects. */
  readMeter(request: AmsReadRequest, retries: number): Promise<AmsReadResult>;
  /** Stores a record (time: unix seconds, default now) and announces it ('record' event). */
  storeRecord(fields: Omit<SimRecord, 'seq' | 'type' | 'time'> & { time?: number }): SimRecord;
  /** A real-time wait that stop() cancels. */
  sleep(ms: number): Promise<void>;
}

/** Per-connection state the commands can change. */
export interface ConnectionState {
  readonly id: number;
  echo: boolean;
}

/** Draining the gateway's record store without losing a record: see RecordDrain. */
export { RecordDrain, drainRecords } from './record-drain';
export type { DrainLender } from './record-drain';
export { eachRecord } from './each-record';
export { isDrainRunning } from './lock';
export { confirmAndDelete } from './confirm-delete';
export type {
  DeliverFn, DeliveryRound, DrainCheckpoint, DrainCheckpointState, DrainGap, DrainOptions, DrainProgress, DrainResult, DrainStopReason,
} from './types';

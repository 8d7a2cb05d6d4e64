/** The SmartCOM PRO gateway simulator (AT interface over TCP). */
export { SmartcomSimulator, type CommandLogEntry, type ResponseLogEntry } from './simulator';
export type { SmartcomSimulatorOptions, SmartcomSimulatorVariants, SimClockOptions, SimErrorStyle, SimLineEnding } from './options';
export type { SimRecord, DeletedRecord, DeleteReason } from './record-store';
export type { AmsEntryView } from './ams-table';
export { AMS_INTERVALS, AMS_PROTOCOLS } from './ams-table';
export { SimErrorNumber } from './formatter';
export type { CommandFaultOptions } from './command-faults';
export {
  createFixedMeterReader, fixedDataLines, FIXED_IDENTIFICATION, ABSENT_METER_ERROR,
  type FixedMeterOptions, type FixedMeterReader,
} from './fixed-meter';
export { MAX_FILTER_CONDITIONS, MAX_FILTER_LENGTH } from './filter';

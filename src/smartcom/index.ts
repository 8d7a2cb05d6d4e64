/** The SmartCOM layer: response parsers (one per response type), validated command builders, the client and the AMS sync. */
export { parseScdataRecord, parseScdataRecords } from './scdata';
export type { AmsRecord, RawRecord, ScdataRecord } from './scdata';
export { parseCount } from './count';
export { parseAmsTable } from './scams';
export type { AmsDevice, AmsTable } from './scams';
export { parsePortSettings } from './scport';
export type { PortSettings } from './scport';
export { parseAmsCapabilities } from './capabilities';
export type { AmsCapabilities, AmsCapability } from './capabilities';
export { splitFields } from './fields';
export type { Field } from './fields';
export { AMS_INTERVAL_NAMES, AMS_PROTOCOL_NAMES, BAUD_RATES, amsAddress, amsInterval, amsProtocol, validAmsDevice } from './ams-device';
export type { AmsDeviceSpec, AmsInterval, AmsProtocol, ValidAmsDevice } from './ams-device';
export { PARITY_CODES, PORT_APPLY_ACTIONS, parityCode, portParameterValues } from './port-change';
export type { ParityName, PortApply, PortParameterValue, PortSettingsChange } from './port-change';
export { MAX_GATEWAY_PORT } from './validation';
export {
  amsAddCommand, amsCapabilitiesCommand, amsClearCommand, amsEnableCommand, amsIntervalCommand, amsRemoveCommand,
  amsRetryCommand, amsStatusCommand, directReadCommand, portApplyCommand, portParameterCommand, portReadCommand,
} from './commands';
export { DEFAULT_COMMAND_TIMEOUT_MS, SmartcomClient } from './client';
export type { PortSetResult, SmartcomClientOptions } from './client';
export { MAX_AMS_DEVICES, amsDeviceKey, planAmsSync, validWantedTable } from './ams-plan';
export type { AmsSyncStep } from './ams-plan';
export { applyAmsSteps, summarizeAmsPlan } from './ams-model';
export type { AmsPlanSummary } from './ams-model';
export { syncAms } from './ams-sync';
export type { SyncAmsOptions, SyncAmsResult } from './ams-sync';
export { withSmartcom } from './with-smartcom';
export type { AtChannelLender, WithSmartcomOptions } from './with-smartcom';
export { amsFailure, DEFAULT_DIRECT_READ_TIMEOUT_MS, directRead } from './direct-read';
export type { DirectReadOptions, GatewayReadResult, GatewayReplyKind } from './direct-read';
export { parseDirectReadReply } from './direct-read-reply';
export type { DirectReadReply, DirectReadReplyKind } from './direct-read-reply';
export { DIRECT_READ_RECORD_INDEX, newestStoredRecord } from './direct-read-store';
export type { StoredRecordQuery } from './direct-read-store';
export { findAmsDevice, removeAmsDeviceBy, validDeviceSelector } from './ams-remove';
export type { AmsDeviceSelector } from './ams-remove';
export { portDifferences, portView, setPortSettingsVerified } from './port-verify';
export type { PortDifference, PortView } from './port-verify';
export {
  SCDATA_FILTER_MAX_CONDITIONS, SCDATA_FILTER_MAX_LENGTH, MAX_RECORD_COUNT, deleteAllCommand, deleteOldestCommand, getFilteredCommand, getOldestCommand,
  getSpaceCommand, messCountCommand, recordCount, recordTypeCondition, scdataFilter, serialNumberCommand,
} from './scdata-commands';
export {
  deleteAllRecords, deleteOldestRecords, readFilteredRecords, readFreeSpace, readGatewayIdentity, readOldestRecords, readRecordCount,
} from './scdata-ops';
export { recordKey, toStoredRecord } from './stored-record';
export type { StoredDataFormat, StoredRecord } from './stored-record';
export * from './drain';

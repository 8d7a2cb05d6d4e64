/** Parsers for the SmartCOM's AT responses, one per response type. */
export { parseScdataRecord, parseScdataRecords } from './scdata';
export type { AmsRecord, RawRecord, ScdataRecord } from './scdata';
export { parseCount } from './count';
export { parseAmsTable } from './scams';
export type { AmsDevice, AmsTable } from './scams';
export { parsePortSettings } from './scport';
export type { PortSettings } from './scport';
export { splitFields } from './fields';
export type { Field } from './fields';

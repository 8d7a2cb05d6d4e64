/** The `iec62056-read` node's output, as pure library functions: a read's payload and one message per value. */
export { shapeMeterPayload } from './shape';
export type { MeterReadSource } from './source';
export { meterValueMessages, topicLevel, type ValueMessageOptions } from './messages';
export type { ChecksumReport, MeterInfo, MeterPath, MeterPayload, MeterValue, ProfileRow, ProfileValue, ShapeOptions, ValueMessage } from './types';

/** IEC 62056-21 readout parsing: whole captures (parseReadout), bare data blocks, and the inverse formatter. */
export { parseReadout } from './readout';
export { parseDataBlock } from './data-block';
export { formatDataBlock, formatValue } from './format';
export { parseDecimal } from './value';
export { crc16Arc } from './crc16';
export type {
  CrcCheck,
  DataBlock,
  DataSet,
  DataValue,
  Diagnostic,
  DiagnosticCode,
  LoadProfile,
  LoadProfileChannel,
  LoadProfileRow,
  ParseOptions,
  Readout,
  ReadoutMode,
} from './types';

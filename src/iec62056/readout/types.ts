import type { BccAlgorithm, BccCheck } from '../bcc';
import type { IdentificationMessage } from '../identification';

/**
 * One bracket group of a data set: `(raw)`.
 * - `raw` is the whole text inside one pair of brackets, exactly as transmitted (`0000123.4*kWh`, `(ER11)`).
 * - `value` is a JS number when the value text is a decimal number (see value.ts for the exact rule and the
 *   precision guarantee), otherwise the value text itself (a string).
 * - `unit` is the text after the unit separator, or null (see value.ts for when `*` and `#` separate a unit).
 * - `error` is set only for meter error codes such as `ER23` or the nested `(ER11)`.
 */
export interface DataValue {
  raw: string;
  value: number | string;
  unit: string | null;
  error?: string;
}

/** `address(value)(value)...`: the address exactly as transmitted, the bracket groups in order. */
export interface DataSet {
  address: string;
  values: DataValue[];
}

export type DiagnosticCode =
  | 'PARITY_ERROR'
  | 'GARBAGE_SKIPPED'
  | 'ECHO_SKIPPED'
  | 'BAD_IDENTIFICATION'
  | 'NO_DATA_MESSAGE'
  | 'MISSING_ETX'
  | 'MISSING_BCC'
  | 'BCC_MISMATCH'
  | 'PARTIAL_BLOCK'
  | 'MISSING_END_MARKER'
  | 'TRAILING_BYTES'
  | 'CRC_MISMATCH'
  | 'UNEXPECTED_CHARACTER'
  | 'ADDRESS_WITHOUT_VALUE'
  | 'VALUE_WITHOUT_ADDRESS'
  | 'UNTERMINATED_VALUE'
  | 'METER_ERROR_VALUE'
  | 'LOAD_PROFILE_HEADER'
  | 'LOAD_PROFILE_ROWS'
  | 'TOO_MANY_DIAGNOSTICS';

/** Something the parser noticed and worked around. `position` is a byte offset into the input. */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  position: number;
}

/**
 * The DSMR P1 checksum: 4 hex digits after `!`, CRC16/ARC over `/` ... `!`. `received` and `expected` are both
 * numbers (0-0xFFFF), like the BCC's: `received` is the transmitted hex digits' value (`E8E5` -> 0xE8E5).
 */
export interface CrcCheck {
  present: boolean;
  valid: boolean;
  /** The value of the 4 transmitted hex digits. */
  received?: number;
  /** The CRC16/ARC of the telegram. */
  expected?: number;
}

export interface LoadProfileChannel {
  address: string;
  unit: string;
}

export interface LoadProfileRow {
  /** Meter-local time `YYYY-MM-DDThh:mm:ss` (no zone; with a trailing `Z` when the season digit says UTC). */
  timestamp: string;
  /** The season digit of the header this row belongs to: 0 normal/winter, 1 summer, 2 UTC. */
  season: number;
  values: DataValue[];
}

/** One `P.xx` header and the rows that follow it. A header repeated mid-reply starts a new LoadProfile. */
export interface LoadProfile {
  address: string;
  /** Byte position of the header's address. */
  position: number;
  season: number;
  /** The header time, same format as the row timestamps. */
  start: string;
  status: string;
  intervalMinutes: number;
  channels: LoadProfileChannel[];
  rows: LoadProfileRow[];
}

export interface ParseOptions {
  /**
   * Bytes with bit 7 set: a 7E1 line read as 8N1 carries the parity in bit 7.
   * 'auto' (default) strips bit 7 from every byte when any byte has it set; true always strips; false never.
   */
  stripParity?: 'auto' | boolean;
  /** BCC algorithms accepted, in order of preference. Default: XOR (the standard), then the Kamstrup 7-bit sum. */
  bccAlgorithms?: readonly BccAlgorithm[];
  /** Build `loadProfiles` from `P.xx` data sets (default true). */
  loadProfiles?: boolean;
  /** Most diagnostics kept (default 100); one TOO_MANY_DIAGNOSTICS entry marks the cut. */
  maxDiagnostics?: number;
}

/** The data-set level result: also what parseDataBlock returns for an unframed block. */
export interface DataBlock {
  dataSets: DataSet[];
  /**
   * Each address mapped to its FIRST data set (a prototype-less object, so any address is a safe key).
   * Built from `dataSets` on first read (an own enumerable property; see values-map.ts), then kept.
   */
  values: Record<string, DataSet>;
  diagnostics: Diagnostic[];
  loadProfiles?: LoadProfile[];
}

/**
 * - 'readout': a data message `STX ... ! CR LF ETX BCC` (modes A/B/C), or framed data after an identification.
 * - 'push': an identification followed by data without STX (mode D, DSMR P1).
 * - 'data-block': no identification and no `!` (an R1/R5 answer `STX ... ETX BCC`, or an unframed block).
 */
export type ReadoutMode = 'readout' | 'push' | 'data-block';

export interface Readout extends DataBlock {
  identification?: IdentificationMessage;
  bcc?: BccCheck;
  crc?: CrcCheck;
  parityStripped: boolean;
  mode: ReadoutMode;
}

import { MeterError } from '../../errors';
import type { MeterReader } from '../meter-source';

/** How the simulator answers where the vendor documentation shows no sample (reference section 6). */
export interface SmartcomSimulatorVariants {
  /** `^SCDATA: 5` ('bare') or `^SCDATA: "MESS_CNT",5` ('keyword'). */
  messCount: 'bare' | 'keyword';
  /** `^SCDATA: 1024` ('bare') or `^SCDATA: "GET_SPACE",1024` ('keyword'). */
  getSpace: 'bare' | 'keyword';
  /**
   * DIRECT_READ answer: 'scams-lines' prints `^SCAMS: "DIRECT_READ",<err>,"<ident>"` then one
   * `^SCAMS: <line>` per data line; 'record' prints one `^SCDATA:` record line (not stored);
   * 'stored-only' stores a record and answers just OK.
   */
  directRead: 'scams-lines' | 'record' | 'stored-only';
  /** 'rejected': DIRECT_READ with a 5th (baud rate) argument answers ERROR. */
  directReadBaudArgument: 'optional' | 'rejected';
}

/** `ERROR`, `ERROR <n>` or `+CME ERROR: <n>`. */
export type SimErrorStyle = 'plain' | 'numbered' | 'cme';

export type SimLineEnding = '\r\n' | '\n' | '\r';

export interface SimClockOptions {
  /** Simulated milliseconds per real millisecond; 0 = time moves only through advanceClock(). Default 1. */
  speed?: number;
  /** Simulated start time in ms since the epoch. Default: the real time at construction. */
  start?: number;
}

export interface SmartcomSimulatorOptions {
  host?: string;
  /** 0 (default) = an ephemeral port. */
  port?: number;
  login?: { username: string; password: string };
  /** Printed once when a connection opens (before any login prompt). */
  banner?: string;
  /** Default echo of new connections (ATE1 like the real unit). Default true. */
  echo?: boolean;
  lineEnding?: SimLineEnding;
  errorStyle?: SimErrorStyle;
  /** Records held by the ring buffer; when full the oldest is overwritten. Default 1000. */
  capacity?: number;
  /** Nominal bytes per record, for GET_SPACE (free slots x this). Default 512. */
  recordBytes?: number;
  /** AMS table size (DEV_ADD beyond it answers ERROR). Default 32. */
  tableSize?: number;
  /** Sequence number of the first stored record. Default 1. */
  firstSeq?: number;
  variants?: Partial<SmartcomSimulatorVariants>;
  /** Supplies readings; default: createFixedMeterReader() (ZPA-style data for any address). */
  meterReader?: MeterReader;
  /** Real milliseconds a DIRECT_READ takes before it answers (a long command). Default 1500. */
  directReadMs?: number;
  clock?: SimClockOptions;
  /** Real milliseconds between scheduler checks when the clock runs by itself. Default 200. */
  tickMs?: number;
  /** ATI / ATI3 / ATI4 answers. */
  model?: string;
  firmware?: string;
  serialNumber?: string;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  login: { username: string; password: string } | undefined;
  banner: string | undefined;
  echo: boolean;
  lineEnding: SimLineEnding;
  errorStyle: SimErrorStyle;
  capacity: number;
  recordBytes: number;
  tableSize: number;
  firstSeq: number;
  variants: SmartcomSimulatorVariants;
  directReadMs: number;
  tickMs: number;
  model: string;
  firmware: string;
  serialNumber: string;
}

export const DEFAULT_VARIANTS: SmartcomSimulatorVariants = {
  messCount: 'keyword',
  getSpace: 'keyword',
  directRead: 'scams-lines',
  directReadBaudArgument: 'optional',
};

export function resolveOptions(options: SmartcomSimulatorOptions): ResolvedOptions {
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    login: options.login,
    banner: options.banner,
    echo: options.echo ?? true,
    lineEnding: options.lineEnding ?? '\r\n',
    errorStyle: options.errorStyle ?? 'plain',
    capacity: positiveInteger(options.capacity, 1000, 'capacity'),
    recordBytes: positiveInteger(options.recordBytes, 512, 'recordBytes'),
    tableSize: positiveInteger(options.tableSize, 32, 'tableSize'),
    firstSeq: options.firstSeq ?? 1,
    variants: { ...DEFAULT_VARIANTS, ...options.variants },
    directReadMs: options.directReadMs ?? 1500,
    tickMs: positiveInteger(options.tickMs, 200, 'tickMs'),
    model: options.model ?? '2N SmartCom PRO (simulator)',
    firmware: options.firmware ?? 'SCE_1.12.0.12.24',
    serialNumber: options.serialNumber ?? '54-0000-0001',
  };
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new MeterError('E_BAD_ARGUMENT', `SmartcomSimulator option ${name} must be a positive integer, got ${value}`, {
      hint: `Pass a whole number of 1 or more for ${name}, or leave it out for the default.`,
    });
  return value;
}

import type { DataSet, Readout } from '../iec62056/readout';

/** How the meter was reached: through a SmartCOM PRO gateway, or directly (serial port, probe, TCP tunnel). */
export type MeterPath = 'gateway' | 'direct';

/** The checksum verdict as the readout reports it: the BCC of modes A-C, or the CRC of a DSMR telegram. */
export type ChecksumReport = NonNullable<Readout['bcc']> | NonNullable<Readout['crc']>;

/** One register of the output, keyed in `values` by its code as the meter sent it. */
export interface MeterValue {
  /**
   * The first bracket group's value: a number where the text is a decimal number, otherwise the text
   * (without the unit). Registers the OBIS dictionary marks as text (serial numbers, dates, times, status
   * words, versions) stay text even when all digits, so leading zeros survive.
   */
  value: number | string;
  /** The meter's unit; when it sends none and the value is a number, the dictionary's default unit; else null. */
  unit: string | null;
  /** The whole text inside the first pair of brackets, as transmitted. */
  raw: string;
  /** The OBIS name (en-US unless a locale is asked for), with the billing period; null when unknown. */
  name: string | null;
  /** A meter error code such as `ER03` given instead of a value. */
  error?: string;
}

/** One column of a load-profile row. */
export interface ProfileValue {
  /** The channel's code as the profile header gives it, e.g. `1.5.0` or `1-0:1.5.0`. */
  code: string;
  value: number | string;
  /** The row value's own unit, else the header's unit for the channel (null when neither is given). */
  unit: string | null;
}

/** One interval of a load profile. */
export interface ProfileRow {
  /** Meter-local `YYYY-MM-DDThh:mm:ss`; a trailing `Z` when the meter says UTC (see LoadProfileRow). */
  timestamp: string;
  /** The status word of the header the row belongs to (e.g. `00000080` during a power failure). */
  status: string;
  values: ProfileValue[];
}

export interface MeterInfo {
  /** The device address the meter was asked with (the gateway's meter serial); null when none was used. */
  address: string | null;
  /** The identification text after the baud character, e.g. `ZMD3104100.B32`; null when not received. */
  identification: string | null;
  /** The three-letter manufacturer id, e.g. `LGZ` (a lower-case third letter means a 20 ms reaction time). */
  manufacturer: string | null;
}

/** The `iec62056-read` node's payload for one meter read. */
export interface MeterPayload {
  meter: MeterInfo;
  /** ISO 8601 time of the read (given, or when the payload was shaped). */
  timestamp: string;
  /** First data set of each code (after the filter), load-profile headers left out (see `loadProfile`). */
  values: Record<string, MeterValue>;
  /** Every data set in telegram order, duplicates kept (after the filter): all bracket groups, untouched. */
  dataSets: DataSet[];
  /** The checksum verdict; null when the source had none (e.g. a capture without one). */
  bcc: ChecksumReport | null;
  /** How long the session took, when known. */
  durationMs: number | null;
  path: MeterPath;
  /** Load-profile rows of every P.xx profile in the read, in order; present only when there are profiles. */
  loadProfile?: ProfileRow[];
}

export interface ShapeOptions {
  path: MeterPath;
  /** The device address used in the request. */
  address?: string;
  /** Registers to keep, short or full forms (see matchesObis); empty or absent keeps everything. */
  registers?: readonly string[];
  /** Time of the read; default: now. */
  timestamp?: Date | string;
  /** Session duration for a bare Readout (client results carry their own `timings.totalMs`). */
  durationMs?: number;
  /** Locale of the names (default en-US; missing names fall back to en-US). */
  locale?: string;
}

/** One message of the "one message per value" output. */
export interface ValueMessage {
  /** `<meter>/<code>`, safe as an MQTT topic (see meterValueMessages). */
  topic: string;
  payload: number | string;
  unit: string | null;
  name: string | null;
}

/**
 * A generated load profile (P.01) for programming-mode meters. The reply to `R5 P.01(from;to)` is a header data set
 * `P.01(ZYYMMDDhhmmss)(status)(interval)(n)(obis1)(unit1)...` followed by one `(v1)...(vn)` line per interval; the
 * header is repeated in the middle of the reply whenever the status changes (as EMH/Metcom meters do).
 */
export interface SimLoadProfileChannel {
  obis: string;
  unit: string;
  /** Value of the first row and increment per row (deterministic, so tests can predict rows). */
  base: number;
  step: number;
  decimals: number;
  /** Explicit value per row (a live meter's own history); rows beyond it fall back to base + step x row. */
  values?: readonly number[];
}

export interface LoadProfileSpec {
  /** First interval end, as UTC `YYMMDDhhmm`. */
  start: string;
  intervalMinutes: number;
  rows: number;
  channels: readonly SimLoadProfileChannel[];
  /** Status of the first row, 8 hex digits as EMH prints it. */
  status: string;
  /** Rows (0-based) at which the status changes, e.g. a power failure flag. */
  statusChanges: readonly { row: number; status: string }[];
}

export interface SimLoadProfileRow {
  /** UTC `YYMMDDhhmm` of the interval end. */
  time: string;
  status: string;
  values: string[];
}

const pad = (value: number): string => String(value).padStart(2, '0');

function parseStamp(stamp: string): Date {
  const [yy, mo, dd, hh, mi] = [0, 2, 4, 6, 8].map((i) => Number(stamp.slice(i, i + 2)));
  return new Date(Date.UTC(2000 + yy, mo - 1, dd, hh, mi));
}

function formatStamp(date: Date): string {
  return `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`;
}

export function loadProfileRows(spec: LoadProfileSpec): SimLoadProfileRow[] {
  const first = parseStamp(spec.start).getTime();
  const rows: SimLoadProfileRow[] = [];
  let status = spec.status;
  for (let row = 0; row < spec.rows; row++) {
    status = spec.statusChanges.find((change) => change.row === row)?.status ?? status;
    const time = formatStamp(new Date(first + row * spec.intervalMinutes * 60_000));
    const values = spec.channels.map((channel) => (channel.values?.[row] ?? channel.base + channel.step * row).toFixed(channel.decimals));
    rows.push({ time, status, values });
  }
  return rows;
}

/**
 * The bounds of `P.01(from;to)`: each `ZYYMMDDhhmm` (Z the season flag, ignored here) or empty for open-ended.
 * Returns undefined when the argument is not in that form.
 */
export function parseProfileRange(argument: string): { from?: string; to?: string } | undefined {
  const match = /^\(([0-9]{11})?;([0-9]{11})?\)$/.exec(argument);
  if (!match) return undefined;
  return { from: match[1]?.slice(1), to: match[2]?.slice(1) };
}

/** The reply's data lines for the rows within [from, to], header repeated at each status change. */
export function formatLoadProfile(name: string, spec: LoadProfileSpec, range: { from?: string; to?: string }): string[] {
  const rows = loadProfileRows(spec).filter((row) => (range.from === undefined || row.time >= range.from) && (range.to === undefined || row.time <= range.to));
  const lines: string[] = [];
  let headerStatus: string | undefined;
  for (const row of rows) {
    if (row.status !== headerStatus) {
      const channels = spec.channels.map((channel) => `(${channel.obis})(${channel.unit})`).join('');
      lines.push(`${name}(0${row.time}00)(${row.status})(${spec.intervalMinutes})(${spec.channels.length})${channels}`);
      headerStatus = row.status;
    }
    lines.push(row.values.map((value) => `(${value})`).join(''));
  }
  return lines;
}

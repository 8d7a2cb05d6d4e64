import type { DiagnosticSink } from './diagnostics';
import type { DataSet, DataValue, LoadProfile, LoadProfileChannel } from './types';

/*
 * Load profiles (IEC 62056-21 R5 answers to `P.01(;)`, also P.02):
 *
 *   P.01(ZYYMMDDhhmm[ss])(status)(interval minutes)(n)(obis1)(unit1)...(obisN)(unitN)
 *   (v1)...(vN)          one row per interval, as continuation lines of the header's data set
 *
 * Z is the season digit (0 normal/winter, 1 summer, 2 UTC). Row k (from 0) is stamped header time + k x interval.
 * A header repeated mid-reply (status change, clock jump) re-bases the stamps: it yields a new LoadProfile.
 * Event logs (P.98: an empty interval) are not profiles and are left as plain data sets.
 */

const MINUTE_MS = 60_000;

function isProfileAddress(address: string): boolean {
  const n = address.length;
  if (n < 4) return false;
  const tail = address.charCodeAt(n - 4) === 0x50 && address[n - 3] === '.' && isDigitAt(address, n - 2) && isDigitAt(address, n - 1);
  return tail && (n === 4 || address[n - 5] === ':');
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x30 && code <= 0x39;
}

function wholeNumber(value: DataValue): number | undefined {
  return typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : undefined;
}

interface HeaderTime {
  season: number;
  epochMs: number;
}

/** `ZYYMMDDhhmmss` or `ZYYMMDDhhmm`, read as a naive (zone-less) time. */
function parseHeaderTime(raw: string): HeaderTime | undefined {
  if ((raw.length !== 13 && raw.length !== 11) || !/^\d+$/.test(raw)) return undefined;
  const field = (at: number): number => Number(raw.slice(at, at + 2));
  const [year, month, day, hour, minute] = [2000 + field(1), field(3), field(5), field(7), field(9)];
  const second = raw.length === 13 ? field(11) : 0;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(epochMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  return { season: Number(raw[0]), epochMs };
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const DAY_MS = 86_400_000;

/** `YYYY-MM-DDT` of a day number (days since 1970-01-01): days-to-civil, proleptic Gregorian as Date uses. */
function datePrefix(days: number): string {
  // Days since 0000-03-01 in 400-year eras, so that the leap day falls at the end of a (shifted) year.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return `${yearOfEra + era * 400 + (month <= 2 ? 1 : 0)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
}

/*
 * Rows are consecutive intervals, so most share the previous row's day: the date part is kept from one call
 * to the next, and the `hh:mm:` part comes from a table of the 1440 minutes of a day (made on first use).
 * A Date object and its getters per row had been the parser's most expensive step on load profiles.
 */
let lastDay = Number.NaN;
let lastPrefix = '';
let minutesOfDay: string[] | undefined;

function minuteTable(): string[] {
  minutesOfDay ??= Array.from({ length: 1440 }, (_, m) => `${TWO_DIGITS[Math.floor(m / 60)]}:${TWO_DIGITS[m % 60]}:`);
  return minutesOfDay;
}

/** `YYYY-MM-DDThh:mm:ss` (+ `Z` for season 2) of a whole-second naive time; equal to Date#toISOString's digits. */
export function stamp(epochMs: number, season: number): string {
  const days = Math.floor(epochMs / DAY_MS);
  if (days !== lastDay) {
    lastPrefix = datePrefix(days);
    lastDay = days;
  }
  const seconds = Math.floor((epochMs - days * DAY_MS) / 1000);
  const minutes = Math.floor(seconds / 60);
  const text = lastPrefix + minuteTable()[minutes] + TWO_DIGITS[seconds - minutes * 60];
  return season === 2 ? `${text}Z` : text;
}

function buildOne(set: DataSet, position: number, sink: DiagnosticSink): LoadProfile | undefined {
  const values = set.values;
  if (values.length < 4) return undefined;
  const interval = wholeNumber(values[2]);
  if (interval === undefined || interval === 0) return undefined; // P.98-style log or not a profile header
  const channelCount = wholeNumber(values[3]);
  const time = parseHeaderTime(values[0].raw);
  if (channelCount === undefined || time === undefined || values.length < 4 + 2 * channelCount) {
    sink.add('LOAD_PROFILE_HEADER', `${set.address} header is not (ZYYMMDDhhmmss)(status)(interval)(n)(obis)(unit)...; kept as a plain data set`, position);
    return undefined;
  }
  const channels: LoadProfileChannel[] = [];
  for (let c = 0; c < channelCount; c++) channels.push({ address: values[4 + 2 * c].raw, unit: values[5 + 2 * c].raw });
  const first = 4 + 2 * channelCount;
  const restLength = values.length - first;
  const rows: LoadProfile['rows'] = [];
  const rowCount = channelCount === 0 ? 0 : Math.floor(restLength / channelCount);
  for (let r = 0, at = first; r < rowCount; r++, at += channelCount) {
    rows.push({ timestamp: stamp(time.epochMs + r * interval * MINUTE_MS, time.season), season: time.season, values: values.slice(at, at + channelCount) });
  }
  if (restLength !== rowCount * channelCount) {
    sink.add('LOAD_PROFILE_ROWS', `${set.address}: ${restLength - rowCount * channelCount} value(s) left over after ${rowCount} complete row(s) of ${channelCount}`, position);
  }
  const profile: LoadProfile = {
    address: set.address,
    position,
    season: time.season,
    start: stamp(time.epochMs, time.season),
    status: values[1].raw,
    intervalMinutes: interval,
    channels,
    rows,
  };
  return profile;
}

/** Load profiles found among the data sets (positions: the address position of each set). */
export function buildLoadProfiles(dataSets: readonly DataSet[], positions: readonly number[], sink: DiagnosticSink): LoadProfile[] {
  const profiles: LoadProfile[] = [];
  for (let i = 0; i < dataSets.length; i++) {
    if (!isProfileAddress(dataSets[i].address)) continue;
    const profile = buildOne(dataSets[i], positions[i], sink);
    if (profile) profiles.push(profile);
  }
  return profiles;
}

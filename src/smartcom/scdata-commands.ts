import { AtCommand } from '../at/command';
import { badArgument, integerIn, stringValue } from './validation';

/**
 * Builders for `AT^SCDATA` (the gateway's stored records). Each checks its values first
 * (E_BAD_ARGUMENT naming the field), so a bad value never reaches the gateway.
 */

const SCDATA = '^SCDATA';

/** GET_OLDEST / DEL_OLDEST take a count; the simulator accepts 1-65535 and 2N documents no limit. */
export const MAX_RECORD_COUNT = 65535;
/** `AT^SCDATA=?` lists GET_FILTERED with "0-150": the filter's length. */
export const SCDATA_FILTER_MAX_LENGTH = 150;
/** The vendor FAQ: "up to 10 conditions per command". */
export const SCDATA_FILTER_MAX_CONDITIONS = 10;

export function recordCount(value: unknown, field = 'count'): number {
  return integerIn(value, 1, MAX_RECORD_COUNT, field);
}

/**
 * A GET_FILTERED filter `<cond>;<cond>...`: at most 150 characters and 10 conditions, printable
 * ASCII without `"` (the filter travels inside one quoted argument: a quote would end it early).
 */
export function scdataFilter(value: unknown, field = 'filter'): string {
  const filter = stringValue(value, field);
  if (filter.length > SCDATA_FILTER_MAX_LENGTH) throw badArgument(field, `is ${filter.length} characters long; the gateway takes at most ${SCDATA_FILTER_MAX_LENGTH}`, filter);
  const bad = /["\x00-\x1f\x7f-\uffff]/.exec(filter);
  if (bad) {
    const what = bad[0] === '"' ? 'a double quote' : `the character 0x${bad[0].charCodeAt(0).toString(16).padStart(2, '0')}`;
    throw badArgument(field, `contains ${what} at position ${bad.index}`, filter, 'Use printable ASCII without double quotes, line breaks or control characters.');
  }
  const conditions = filter.split(';').filter((part) => part.trim() !== '');
  if (conditions.length > SCDATA_FILTER_MAX_CONDITIONS) {
    throw badArgument(field, `has ${conditions.length} conditions; the gateway takes at most ${SCDATA_FILTER_MAX_CONDITIONS}`, filter);
  }
  return filter;
}

/** The one condition 2N documents: `RECORD_TYPE=AMS` or `RECORD_TYPE=WMBUS`. */
export function recordTypeCondition(type: unknown): string {
  const name = typeof type === 'string' ? type.toUpperCase() : type;
  if (name !== 'AMS' && name !== 'WMBUS') throw badArgument('recordType', `must be AMS or WMBUS, got ${JSON.stringify(type)}`, type);
  return `RECORD_TYPE=${name}`;
}

/*
 * A drain sends the same few lines again and again (GET_SPACE, GET_OLDEST 1, GET_OLDEST/DEL_OLDEST of its
 * batch size): an AtCommand is immutable, so each line is built and checked once and then reused.
 */
const MESS_CNT = lazy(() => AtCommand.set(SCDATA, ['MESS_CNT']));
const GET_SPACE = lazy(() => AtCommand.set(SCDATA, ['GET_SPACE']));
const DEL_ALL = lazy(() => AtCommand.set(SCDATA, ['DEL_ALL']));
const getOldestByCount = new Map<number, AtCommand>();
const deleteOldestByCount = new Map<number, AtCommand>();
/** Counts kept per command: a drain uses two or three; the cap only bounds a caller that asks for many. */
const MAX_CACHED_COUNTS = 32;

export function messCountCommand(): AtCommand {
  return MESS_CNT();
}

export function getSpaceCommand(): AtCommand {
  return GET_SPACE();
}

export function getOldestCommand(count: number): AtCommand {
  return byCount(getOldestByCount, count, (checked) => AtCommand.set(SCDATA, ['GET_OLDEST', checked]));
}

export function getFilteredCommand(filter: string): AtCommand {
  return AtCommand.set(SCDATA, ['GET_FILTERED', scdataFilter(filter)]);
}

export function deleteOldestCommand(count: number): AtCommand {
  return byCount(deleteOldestByCount, count, (checked) => AtCommand.set(SCDATA, ['DEL_OLDEST', checked]));
}

export function deleteAllCommand(): AtCommand {
  return DEL_ALL();
}

function lazy(make: () => AtCommand): () => AtCommand {
  let command: AtCommand | undefined;
  return () => (command ??= make());
}

/** The command for a valid count, from the cache or made (recordCount throws E_BAD_ARGUMENT for a bad one). */
function byCount(cache: Map<number, AtCommand>, count: number, make: (checked: number) => AtCommand): AtCommand {
  const cached = cache.get(count);
  if (cached) return cached;
  const command = make(recordCount(count));
  if (cache.size >= MAX_CACHED_COUNTS) cache.clear();
  cache.set(count, command);
  return command;
}

/** `ATI4`: the serial number (2N's AT API documents it; the simulator answers it too). */
export function serialNumberCommand(): AtCommand {
  return AtCommand.exec('I4');
}

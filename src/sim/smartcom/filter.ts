/**
 * GET_FILTERED filters: `<condition>;<condition>;...`, all must hold (logical AND), at most 10
 * conditions and 150 characters. Documented by the vendor: RECORD_TYPE (AMS | WMBUS). Simulator-
 * specific additions: INDEX, ERROR, TIME, SEQ compared with = != < > <= >= against an integer.
 */
import type { SimRecord } from './record-store';

export const MAX_FILTER_LENGTH = 150;
export const MAX_FILTER_CONDITIONS = 10;

type Relation = '=' | '!=' | '<' | '>' | '<=' | '>=';
type RecordPredicate = (record: SimRecord) => boolean;

const NUMERIC_FIELDS: Readonly<Record<string, (record: SimRecord) => number>> = {
  INDEX: (record) => record.index,
  ERROR: (record) => record.errorCode,
  TIME: (record) => record.time,
  SEQ: (record) => record.seq,
};

const CONDITION = /^\s*([A-Z_]+)\s*(!=|<=|>=|=|<|>)\s*(\S+)\s*$/i;

/** A predicate over records, or undefined when the filter is malformed or too long. */
export function parseFilter(filter: string): RecordPredicate | undefined {
  if (filter.length > MAX_FILTER_LENGTH) return undefined;
  // A trailing ';' is tolerated; an empty filter matches every record.
  const parts = filter.split(';').filter((part, i, all) => !(i === all.length - 1 && part.trim() === ''));
  if (parts.length > MAX_FILTER_CONDITIONS) return undefined;
  const predicates: RecordPredicate[] = [];
  for (const part of parts) {
    const predicate = parseCondition(part);
    if (!predicate) return undefined;
    predicates.push(predicate);
  }
  return (record) => predicates.every((predicate) => predicate(record));
}

function parseCondition(text: string): RecordPredicate | undefined {
  const match = CONDITION.exec(text);
  if (!match) return undefined;
  const field = match[1].toUpperCase();
  const relation = match[2] as Relation;
  const value = match[3];
  if (field === 'RECORD_TYPE') {
    const type = value.toUpperCase();
    if ((type !== 'AMS' && type !== 'WMBUS') || (relation !== '=' && relation !== '!=')) return undefined;
    return (record) => (record.type === type) === (relation === '=');
  }
  const read = NUMERIC_FIELDS[field];
  if (!read || !/^-?\d+$/.test(value)) return undefined;
  const expected = Number(value);
  return (record) => compare(read(record), relation, expected);
}

function compare(actual: number, relation: Relation, expected: number): boolean {
  switch (relation) {
    case '=': return actual === expected;
    case '!=': return actual !== expected;
    case '<': return actual < expected;
    case '>': return actual > expected;
    case '<=': return actual <= expected;
    case '>=': return actual >= expected;
  }
}

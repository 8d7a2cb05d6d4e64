/** The iec62056-read node's own status: reading, the last good read, or the error code. Catalog keys of its namespace. */
import type { NodeStatus } from './red';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function readingStatus(t: Translate): NodeStatus {
  return { fill: 'blue', shape: 'dot', text: t('iec62056-read.status.reading') };
}

/** `12:03:04 · 14 values` (local time of the read). */
export function readStatus(t: Translate, at: Date, values: number): NodeStatus {
  const time = at.toTimeString().slice(0, 8);
  return { fill: 'green', shape: 'dot', text: t('iec62056-read.status.read', { time, count: values }) };
}

export function errorStatus(t: Translate, code: string | number): NodeStatus {
  return { fill: 'red', shape: 'ring', text: t('iec62056-read.status.error', { code }) };
}

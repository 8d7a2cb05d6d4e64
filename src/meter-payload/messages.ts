import type { MeterPayload, ValueMessage } from './types';

/*
 * "One message per value": each register of a payload as its own message, topic `<meter>/<code>`, ready for
 * an MQTT out node. MQTT gives `+` and `#` a meaning in subscriptions (and brokers refuse them in published
 * topics), `/` would add a topic level, a leading `$` marks broker-internal topics, and control characters and
 * spaces make topics hard to type: each of these becomes `_` in either level, and an empty level becomes `_`.
 */

const UNSAFE = /[+#/\s\x00-\x1f\x7f]/g;

/** One topic level made safe for MQTT (see above). */
export function topicLevel(text: string): string {
  const safe = text.replace(UNSAFE, '_');
  if (safe === '') return '_';
  return safe.startsWith('$') ? `_${safe.slice(1)}` : safe;
}

export interface ValueMessageOptions {
  /** The first topic level; default: the meter's address, else its identification, else `meter`. */
  meter?: string;
}

/**
 * One message per entry of `payload.values`, in the payload's order:
 * `{ topic: '<meter>/<OBIS code as sent>', payload: value, unit, name }`. Load-profile rows are not included.
 */
export function meterValueMessages(payload: MeterPayload, options: ValueMessageOptions = {}): ValueMessage[] {
  const meter = topicLevel(options.meter || payload.meter.address || payload.meter.identification || 'meter');
  const messages: ValueMessage[] = [];
  for (const code of Object.keys(payload.values)) {
    const entry = payload.values[code];
    messages.push({ topic: `${meter}/${topicLevel(code)}`, payload: entry.value, unit: entry.unit, name: entry.name });
  }
  return messages;
}

/**
 * The node's DeliverFn: one message per record (or one per round), and when a record counts as
 * delivered: when send() returned for it, or (acknowledged delivery) when its key came back.
 */
import { MeterError } from '../../../src/errors';
import type { DeliverFn, DeliveryRound } from '../../../src/smartcom/drain';
import type { StoredRecord } from '../../../src/smartcom/stored-record';
import type { AckTracker } from './ack-tracker';

export interface DeliveryOptions {
  output: 'record' | 'batch';
  /** With a tracker, records count only once acknowledged. */
  acks: AckTracker | undefined;
  ackTimeoutMs: number;
  send: (msg: Record<string, unknown>) => void;
  /** The node's catalog (RED._), for the texts of the node's own errors. */
  translate: (key: string, params?: Record<string, string | number>) => string;
}

/** `index/<n>` for a meter without identification; `<type>/<sequence>` for records without a meter (WMBUS). */
export function recordTopic(record: StoredRecord): string {
  if (record.identification) return record.identification;
  if (record.index !== null) return `index/${record.index}`;
  return `${record.type.toLowerCase()}/${record.sequence ?? 'unknown'}`;
}

export function nodeDeliver(options: DeliveryOptions): DeliverFn {
  return async (records, round) => {
    if (options.output === 'batch') {
      options.send(withAck({ topic: 'scdata/batch', payload: [...records], keys: records.map((r) => r.key) }, records.map((r) => r.key), options));
    } else {
      sendEach(records, round, options);
    }
    if (!options.acks) return;
    const keys = records.map((record) => record.key);
    const acknowledged = await options.acks.wait(keys, options.ackTimeoutMs);
    if (acknowledged === keys.length) return;
    round.delivered(acknowledged);
    const t = options.translate;
    throw new MeterError('E_TIMEOUT', t('scdata-read.error.not-acknowledged', { count: keys.length - acknowledged, seconds: options.ackTimeoutMs / 1000 }), {
      details: { notAcknowledged: keys.slice(acknowledged) },
      hint: t('scdata-read.error.not-acknowledged-hint'),
    });
  };
}

function sendEach(records: readonly StoredRecord[], round: DeliveryRound, options: DeliveryOptions): void {
  records.forEach((record, i) => {
    options.send(withAck({ topic: recordTopic(record), payload: record, key: record.key }, record.key, options));
    // Without acknowledgements, handing the message to the runtime is the delivery.
    if (!options.acks) round.delivered(i + 1);
  });
}

/** In acknowledged mode the message carries its own ack, so the Complete node's copy of it can be wired straight back. */
function withAck(msg: Record<string, unknown>, ack: string | string[], options: DeliveryOptions): Record<string, unknown> {
  return options.acks ? { ...msg, ack } : msg;
}

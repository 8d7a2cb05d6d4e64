/** One stored AMS record, as `^SCDATA: "AMS",<time>,<seq>,"<protocol>",<index>,<err>,"<ident>","<data>"`. */
export interface SimRecord {
  type: 'AMS';
  /** Unix time in seconds (simulated clock). */
  time: number;
  seq: number;
  protocol: string;
  /** Position of the meter in the AMS table at read time; 0 for DIRECT_READ. */
  index: number;
  errorCode: number;
  identification: string;
  data: string;
}

export type DeleteReason = 'DEL_OLDEST' | 'DEL_ALL' | 'overwrite';

export interface DeletedRecord {
  record: SimRecord;
  reason: DeleteReason;
  /** Simulated ms when it was deleted. */
  at: number;
}

/**
 * The gateway's circular record buffer: a fixed number of slots, oldest first; storing into a
 * full buffer overwrites the oldest record (and says so in the deletion log).
 */
export class RecordStore {
  /** Every record that left the store, in order, with the reason. */
  readonly deleted: DeletedRecord[] = [];
  private readonly slots: SimRecord[] = [];
  private nextSeq: number;

  constructor(readonly capacity: number, firstSeq: number, private readonly now: () => number) {
    this.nextSeq = firstSeq;
  }

  get count(): number {
    return this.slots.length;
  }

  get free(): number {
    return this.capacity - this.slots.length;
  }

  /** Takes the next sequence number (DIRECT_READ 'record' answers use one without storing). */
  takeSeq(): number {
    return this.nextSeq++;
  }

  add(fields: Omit<SimRecord, 'seq' | 'type'>): SimRecord {
    const record: SimRecord = { type: 'AMS', seq: this.takeSeq(), ...fields };
    if (this.slots.length >= this.capacity) this.remove(1, 'overwrite');
    this.slots.push(record);
    return record;
  }

  oldest(n: number): SimRecord[] {
    return this.slots.slice(0, n);
  }

  all(): SimRecord[] {
    return this.slots.slice();
  }

  /** Deletes up to n oldest records; returns how many went. */
  deleteOldest(n: number): number {
    return this.remove(n, 'DEL_OLDEST');
  }

  deleteAll(): number {
    return this.remove(this.slots.length, 'DEL_ALL');
  }

  private remove(n: number, reason: DeleteReason): number {
    const gone = this.slots.splice(0, Math.min(n, this.slots.length));
    const at = this.now();
    for (const record of gone) this.deleted.push({ record, reason, at });
    return gone.length;
  }
}

import { open, type FileHandle } from 'node:fs/promises';
import type { DeliverFn } from '../../src/smartcom/drain';

/**
 * A deliver that appends one JSON line per record to `path` and fsyncs before it resolves: a
 * round counts as delivered only once its lines are on disk, so the drain deletes only those.
 * (A crash between the fsync and the delete leaves lines that the next drain writes again, with
 * the same `key`.)
 */
export async function jsonlFile(path: string): Promise<{ deliver: DeliverFn; close(): Promise<void> }> {
  const file: FileHandle = await open(path, 'a');
  return {
    deliver: async (records) => {
      await file.appendFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
      await file.sync();
    },
    close: () => file.close(),
  };
}

import { MeterError } from '../../errors';

/** Gateways with a drain running in this process: two drains of one store would delete each other's records. */
const running = new Set<string>();

export function isDrainRunning(key: string): boolean {
  return running.has(key);
}

/** Takes the lock for `key` or fails with E_BUSY; returns the release function. */
export function acquireDrainLock(key: string): () => void {
  if (running.has(key)) {
    throw new MeterError('E_BUSY', `a drain of ${key} is already running`, {
      details: { key },
      hint: 'Wait for it to finish, or stop it first; records are never read by two drains at once.',
    });
  }
  running.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running.delete(key);
  };
}

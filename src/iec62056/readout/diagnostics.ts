import type { Diagnostic, DiagnosticCode } from './types';

export const DEFAULT_MAX_DIAGNOSTICS = 100;

/**
 * Collects diagnostics with a cap, so that a long run of garbage cannot grow the result without bound:
 * after `max` entries one TOO_MANY_DIAGNOSTICS entry is added and the rest are dropped.
 */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private full = false;

  constructor(private readonly max = DEFAULT_MAX_DIAGNOSTICS) {}

  add(code: DiagnosticCode, message: string, position: number): void {
    if (this.full) return;
    if (this.list.length >= this.max) {
      this.full = true;
      this.list.push({ code: 'TOO_MANY_DIAGNOSTICS', message: `more than ${this.max} diagnostics; the rest were dropped`, position });
      return;
    }
    this.list.push({ code, message, position });
  }

  /** Moves the entries of another sink (e.g. a tentative one) into this one. */
  absorb(other: DiagnosticSink): void {
    for (const entry of other.list) this.add(entry.code, entry.message, entry.position);
  }
}

/** Fault injection per command: make matching command lines fail with ERROR, without running them. */
import type { DispatchResult } from './dispatcher';
import { fail, SimErrorNumber } from './formatter';

export interface CommandFaultOptions {
  /** The error number shown in the `numbered` / `cme` error styles. Default 1 (general). */
  error?: SimErrorNumber;
  /** How many matching commands fail; default every one until cleared. */
  times?: number;
}

interface CommandFault {
  match: RegExp;
  error: SimErrorNumber;
  remaining: number;
}

export class CommandFaults {
  private faults: CommandFault[] = [];

  add(match: RegExp, options: CommandFaultOptions = {}): void {
    this.faults.push({ match, error: options.error ?? SimErrorNumber.UNKNOWN_COMMAND, remaining: options.times ?? Infinity });
  }

  clear(): void {
    this.faults = [];
  }

  /** The injected failure for this line (counting it), or undefined when the command runs normally. */
  take(line: string): DispatchResult | undefined {
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.match.test(line));
    if (!fault) return undefined;
    fault.remaining--;
    return { ...fail(fault.error), reason: `injected fault (${fault.match.source})` };
  }
}

import type { AtCommand } from './command';

/**
 * What a received line is, relative to the command that is running (or to none).
 * - 'unsolicited': a line the gateway may send at any time (a known URC), never part of an answer;
 * - 'answer': part of the running command's answer;
 * - 'foreign': the information line of another command: the answers are out of step with the commands;
 * - 'other': an unprefixed or unknown line (a banner, an unknown `+` URC): kept as a URC, as before.
 */
export type LineKind = 'unsolicited' | 'answer' | 'foreign' | 'other';

const PREFIX = /^([\^+][A-Za-z0-9_]+):/;

/**
 * Unsolicited lines without a prefix that a GSM gateway may send (V.25ter/27.007 call progress and
 * start-up notices). Our commands never dial, so these never end or belong to one of our answers.
 */
const PLAIN_UNSOLICITED = new Set(['RING', 'NO CARRIER', 'BUSY', 'NO ANSWER', 'NO DIALTONE', 'RDY', '^SYSSTART', '+PBREADY']);
/** A longer line is none of them: it is not upper-cased (a copy of a whole record line) just to find that out. */
const LONGEST_PLAIN_UNSOLICITED = Math.max(...[...PLAIN_UNSOLICITED].map((text) => text.length));

/** Documented SmartCOM URCs (the server AT API's `at^scind` subscriptions). */
const SMARTCOM_URCS = new Set(['^SCUSER', '^SCTERMINAL', '^SCLINK']);

/**
 * Prefixes another command's answer legitimately carries: an M-Bus scan answers `^SCAMSADD:` and a
 * DIRECT_READ may answer with a `^SCDATA:` record. They are not a sign of being out of step.
 */
const RELATED: Record<string, readonly string[]> = { '^SCAMS': ['^SCDATA'] };

/** The `^XXX` / `+XXX` prefix of an information line, upper-cased, or undefined. */
export function prefixOf(line: string): string | undefined {
  // Most lines (record data, OK) fail at the first character: no regex run for them.
  const first = line.charCodeAt(0);
  if (first !== CARET && first !== PLUS) return undefined;
  return PREFIX.exec(line)?.[1].toUpperCase();
}

const CARET = 0x5e;
const PLUS = 0x2b;

function isPlainUnsolicited(line: string): boolean {
  return line.length <= LONGEST_PLAIN_UNSOLICITED && PLAIN_UNSOLICITED.has(line.toUpperCase());
}

/** A known SmartCOM URC prefix, unless it is the running command's own. */
function isUrcPrefix(prefix: string | undefined, running: AtCommand | undefined): boolean {
  return prefix !== undefined && SMARTCOM_URCS.has(prefix) && prefix !== running?.responsePrefix;
}

/** A line the gateway may send on its own while `running` (or nothing) is running. Expects a trimmed line. */
export function isUnsolicited(line: string, running: AtCommand | undefined): boolean {
  return isPlainUnsolicited(line) || isUrcPrefix(prefixOf(line), running);
}

/** Classifies an information line (not a final result, not an echo) received while `command` runs. */
export function kindOf(line: string, command: AtCommand): LineKind {
  if (isPlainUnsolicited(line)) return 'unsolicited';
  const prefix = prefixOf(line); // once per line: the checks below share it
  if (isUrcPrefix(prefix, command)) return 'unsolicited';
  const own = command.responsePrefix;
  if (prefix === undefined) return 'answer';
  if (own !== undefined && prefix.startsWith(own)) return 'answer';
  if (own !== undefined && RELATED[own]?.includes(prefix)) return 'other';
  // Only the gateway's own ^SC family is known well enough to call a mismatch a shift; `+` lines stay URCs.
  return prefix.startsWith('^SC') ? 'foreign' : 'other';
}

/** While no command runs: a `^SC` information line that is no known URC is the stale answer of an earlier command. */
export function isStaleAnswer(line: string): boolean {
  const prefix = prefixOf(line);
  return prefix !== undefined && prefix.startsWith('^SC') && !SMARTCOM_URCS.has(prefix);
}

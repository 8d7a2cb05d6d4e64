/**
 * Tells garbage that looks like several meters answering one request at once from other garbage. A request
 * without an address makes every meter on a bus answer; their identification lines overlap on the wire and
 * arrive as one malformed line, which alone reads like a wrong speed or parity. These signs point at the cause.
 *
 * Works on the text the client keeps of what it received (bit 7 already cleared, the last few dozen bytes).
 */

/** Why the received text looks like colliding answers. */
export type CollisionSign =
  /** One line with two or more `/` starts: `//LEGMZH55...`; a real identification never holds a second `/`. */
  | 'several-starts'
  /** Two line ends interleaved (`CR CR LF LF`) after a `/`: two lines ended at the same moment. */
  | 'doubled-line-end'
  /** A line that began as a valid `/XXXZ` and then turned to control characters: bytes overlapping mid-line. */
  | 'garbled-after-valid-start';

/** `/`, three manufacturer letters and a printable baud character: how every identification line begins. */
const VALID_START = /^\/[A-Za-z]{3}[\x20-\x7e]/;
/** A control character other than the line ends, or DEL: what overlapping (or parity-damaged) bytes turn into. */
const GARBLED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/;

/** The first sign of colliding answers in the received text, or undefined when it does not look like that. */
export function collisionSign(received: string): CollisionSign | undefined {
  const start = received.indexOf('/');
  if (start < 0) return undefined; // nothing that began an identification: not a collision we can tell
  const fromStart = received.slice(start);
  if (fromStart.includes('\r\r\n\n')) return 'doubled-line-end';
  for (const line of fromStart.split(/[\r\n]+/)) {
    if (!line.startsWith('/')) continue;
    if (line.indexOf('/', 1) > 0) return 'several-starts';
    if (VALID_START.test(line) && GARBLED.test(line.slice(5))) return 'garbled-after-valid-start';
  }
  return undefined;
}

/** The hint for an identification failure whose bytes look like colliding answers. */
export const COLLISION_HINT =
  "Several meters may be answering at once: give the meter's address (a request without one makes every meter on the bus answer). " +
  'With only one meter on the line, check the parity (7E1) and the line speed.';

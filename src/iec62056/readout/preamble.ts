import { ACK, CR, LF, STX } from '../constants';
import { IdentificationMessage } from '../identification';
import type { DiagnosticSink } from './diagnostics';

/*
 * Everything before the data: NULs (wake-up) and noise, echoes of our own request (`/?!`, `/?12345678!`)
 * and of our option select (`ACK 0 5 0 CR LF`), the identification line, blank lines. The scan ends at the
 * first STX (a data message), at the first printable byte after the identification when no STX follows
 * (a push telegram), or at the end of the input.
 */

export type PreambleKind = 'stx' | 'push' | 'no-data' | 'bare';

export interface Preamble {
  kind: PreambleKind;
  identification?: IdentificationMessage;
  /** Position of the identification's `/` (the DSMR CRC starts there), or -1. */
  identStart: number;
  /** Position of the STX ('stx'), of the first data byte ('push'), or after the last leading echo ('bare'). */
  dataStart: number;
}

const SLASH = 0x2f;
const BANG = 0x21;
const OPEN = 0x28;
const CLOSE = 0x29;
const NUL = 0;
/** Longest line looked at as an identification or request echo (ids are at most ~64 characters). */
const MAX_ID_LINE = 100;
const MAX_ACK_LINE = 8;
const STX_CHAR = String.fromCharCode(STX);

/** End of the line starting at `start` (the CR/LF position, or the input end), or -1 when longer than max. */
function lineEnd(text: string, start: number, max: number): number {
  const limit = Math.min(text.length, start + max);
  for (let i = start; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === CR || code === LF) return i;
  }
  return limit === text.length ? limit : -1;
}

function skipLineBreak(text: string, at: number): number {
  let i = at;
  if (i < text.length && text.charCodeAt(i) === CR) i++;
  if (i < text.length && text.charCodeAt(i) === LF) i++;
  return i;
}

function isRequestEcho(line: string): boolean {
  return line.length >= 3 && line.charCodeAt(line.length - 1) === BANG && line.indexOf('!') === line.length - 1;
}

/** An identification candidate never holds brackets: this keeps `imp/kWh)` in a bare data block from matching. */
function decodeIdentification(line: string): IdentificationMessage | undefined {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === OPEN || code === CLOSE) return undefined;
  }
  return IdentificationMessage.tryDecode(line);
}

export function scanPreamble(text: string, sink: DiagnosticSink): Preamble {
  const n = text.length;
  let identification: IdentificationMessage | undefined;
  let identStart = -1;
  let garbageStart = -1;
  let garbage = 0;
  let afterEcho = 0;
  const flushGarbage = (): void => {
    if (garbage > 0) sink.add('GARBAGE_SKIPPED', `${garbage} unexpected byte(s) skipped before the message`, garbageStart);
    garbage = 0;
    garbageStart = -1;
  };
  const result = (kind: PreambleKind, dataStart: number): Preamble => {
    flushGarbage();
    return { kind, identification, identStart, dataStart };
  };
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === STX) return result('stx', i);
    if (code === SLASH && identification === undefined) {
      const end = lineEnd(text, i, MAX_ID_LINE);
      const line = end < 0 ? '' : text.slice(i, end);
      if (end >= 0 && isRequestEcho(line)) {
        sink.add('ECHO_SKIPPED', `echo of the request ${JSON.stringify(line)} skipped`, i);
        i = skipLineBreak(text, end);
        if (garbage === 0 && identification === undefined) afterEcho = i;
        continue;
      }
      const candidate = end < 0 ? undefined : decodeIdentification(line);
      if (candidate !== undefined) {
        flushGarbage();
        identification = candidate;
        identStart = i;
        i = skipLineBreak(text, end);
        continue;
      }
      sink.add('BAD_IDENTIFICATION', `${JSON.stringify(line.slice(0, 40) || text.slice(i, i + 40))} is not an identification message`, i);
      i++;
      continue;
    }
    if (code === ACK) {
      const end = lineEnd(text, i, MAX_ACK_LINE);
      sink.add('ECHO_SKIPPED', 'echo of the acknowledgement / option select message skipped', i);
      i = end < 0 ? i + 1 : skipLineBreak(text, end);
      if (garbage === 0 && identification === undefined) afterEcho = i;
      continue;
    }
    if (code === CR || code === LF || code === NUL) {
      i++;
      continue;
    }
    if (identification !== undefined && code >= 0x20 && code < 0x7f) {
      const stx = text.indexOf(STX_CHAR, i);
      if (stx < 0) return result('push', i);
      // Noise between the identification and the data message (e.g. a byte caught during the baud switch).
      garbage += stx - i;
      if (garbageStart < 0) garbageStart = i;
      i = stx;
      continue;
    }
    if (garbageStart < 0) garbageStart = i;
    garbage++;
    i++;
  }
  return identification === undefined ? result('bare', afterEcho) : result('no-data', n);
}

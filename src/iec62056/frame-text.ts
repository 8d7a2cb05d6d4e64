import { MeterError } from '../errors';

/*
 * The one rule for text that goes into an IEC 62056-21 frame we send (passwords, register addresses, values,
 * load-profile bounds, device addresses). The protocol is 7-bit ASCII and frames are delimited by control
 * characters, so only printable ASCII 0x20-0x7E is allowed. Anything else could turn into a framing byte on the
 * wire: frames are encoded one byte per character (latin1 keeps only a character's low byte, so U+0103 is sent
 * as ETX) and a 7E1 line clears bit 7 (so 0x83 arrives as ETX). A password holding such characters could close
 * its own frame and smuggle a complete second command (a W1 write) after it.
 */

/** Characters that frame a data set `address(value)` and a request `/?address!`: never inside a field. */
export const DATA_SET_FRAMING = '()/!';

/** Index of the first character that is not printable ASCII or is one of `forbidden`; -1 when there is none. */
export function findBadFrameChar(text: string, forbidden = ''): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || forbidden.includes(text[i])) return i;
  }
  return -1;
}

export interface FrameTextRule {
  /** Printable characters that frame this field and so must not occur inside it, e.g. `()` in a password. */
  forbidden?: string;
  /** Do not echo the offending character (a password's characters are part of the credential). */
  secret?: boolean;
}

/** Throws MeterError E_BAD_ARGUMENT naming `field` when `text` holds a character that must not go into a frame. */
export function checkFrameText(field: string, text: string, rule: FrameTextRule = {}): void {
  const index = findBadFrameChar(text, rule.forbidden);
  if (index < 0) return;
  const allowed = `printable ASCII (0x20-0x7E)${rule.forbidden ? ` without ${[...rule.forbidden].join(' ')}` : ''}`;
  const what = rule.secret ? 'an unsupported character' : `an unsupported character ${describeChar(text, index)}`;
  throw new MeterError('E_BAD_ARGUMENT', `${field} has ${what} at position ${index}; only ${allowed} can go into an IEC 62056-21 frame`, {
    details: { field, position: index },
  });
}

/** `"é" (U+00E9)`: the character and its code, so that invisible ones (U+0103) can be told apart. */
export function describeChar(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0;
  return `${JSON.stringify(String.fromCodePoint(code))} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

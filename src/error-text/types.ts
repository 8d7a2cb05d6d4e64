/** The shapes of one language's error texts (src/error-text/<language>.ts). */
import type { KnownAmsCode } from '../error-codes';
import type { ClientErrorCode } from '../errors';

/** What a user reads about an error code: what went wrong, and (where one helps) what to try. */
export interface ErrorText {
  readonly summary: string;
  readonly hint?: string;
}

/**
 * Texts for codes that no table lists. `{detail}` is the low 16 bits of an AMS code (its number within
 * the family), `{code}` the whole code.
 */
export interface FallbackTexts {
  /** An IEC 62056-21 code (65536 + detail) that is not in the table. */
  readonly iec62056: string;
  /** An M-Bus code (131072 + detail). */
  readonly mbus: string;
  /** Any other number. */
  readonly general: string;
  /** A string code this version does not know (e.g. from a newer library, read back from JSON). */
  readonly client: string;
}

/** The words that join summary, hint and the library's own (English) message into one line. */
export interface JoiningWords {
  /** Introduces the hint: `... (65541). Try: Check the probe ...`. */
  readonly hint: string;
  /** Introduces the library's message: `... — detail: no identification message ...`. */
  readonly detail: string;
}

/** Every text of one language. The Record types make the compiler insist on every code. */
export interface ErrorTexts {
  /** The gateway's AMS codes, the same keys as AMS_ERROR_CODES. */
  readonly ams: Readonly<Record<KnownAmsCode, ErrorText>>;
  /** The library's own `E_*` codes. */
  readonly client: Readonly<Record<ClientErrorCode, ErrorText>>;
  readonly fallback: FallbackTexts;
  readonly words: JoiningWords;
}

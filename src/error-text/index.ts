/**
 * The library's error codes in the user's language (en, de, cs): a short summary of what went wrong
 * and, where one helps, what to try. The error's own `message` stays English and untouched: it carries
 * the specifics (the command, the numbers) and is what logs and tests match on; these texts name the
 * general problem on top of it.
 */
import { AMS_ERROR_CODES } from '../error-codes';
import type { ErrorCode, MeterError } from '../errors';
import { CS } from './cs';
import { DE } from './de';
import { EN } from './en';
import type { ErrorText, ErrorTexts } from './types';

export type { ErrorText, ErrorTexts, FallbackTexts, JoiningWords } from './types';

export const ERROR_TEXT_LANGUAGES = ['en', 'de', 'cs'] as const;
export type ErrorTextLanguage = (typeof ERROR_TEXT_LANGUAGES)[number];

const TEXTS: Readonly<Record<ErrorTextLanguage, ErrorTexts>> = { en: EN, de: DE, cs: CS };

/** Every language's tables, for checks and for callers who compose their own texts. */
export function errorTexts(language: ErrorTextLanguage): ErrorTexts {
  return TEXTS[language];
}

/**
 * The language of the texts for a locale tag: `de`, `de-AT`, `de_CH.UTF-8` give de, `cs-CZ` gives cs;
 * anything else (en-US, fr, '', undefined) gives en.
 */
export function errorTextLanguage(locale: string | undefined): ErrorTextLanguage {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return (ERROR_TEXT_LANGUAGES as readonly string[]).includes(primary) ? (primary as ErrorTextLanguage) : 'en';
}

/** What the code means in `language`; a code no table lists is described by its family and number. */
export function localizedError(error: Pick<MeterError, 'code'>, language: string): ErrorText {
  return codeText(error.code, TEXTS[errorTextLanguage(language)]);
}

function codeText(code: ErrorCode, texts: ErrorTexts): ErrorText {
  if (typeof code === 'string') {
    const known = Object.prototype.hasOwnProperty.call(texts.client, code) ? texts.client[code] : undefined;
    return known ?? { summary: fill(texts.fallback.client, { code }) };
  }
  if (AMS_ERROR_CODES.has(code)) return texts.ams[code as keyof ErrorTexts['ams']];
  const family = code >> 16;
  const detail = code & 0xffff;
  const template = family === 1 ? texts.fallback.iec62056 : family === 2 ? texts.fallback.mbus : texts.fallback.general;
  return { summary: fill(template, { code, detail }) };
}

/**
 * One line for a user: the summary in `language`, the code, the table's hint in `language`, then the
 * library's message as the detail, e.g.
 * `IEC 62056-21: Zeitüberschreitung, ... (65541). Abhilfe: Prüfen Sie ... — Details: <message>`.
 * The error's own hint is written for the place it failed, in whatever language its author used (the
 * library's: English); unless it is the table's English hint it follows the detail, so nothing is lost.
 */
export function localizedErrorText(error: Pick<MeterError, 'code' | 'message' | 'hint'>, language: string): string {
  const texts = TEXTS[errorTextLanguage(language)];
  const { summary, hint } = codeText(error.code, texts);
  const englishHint = codeText(error.code, EN).hint;
  const tryThis = hint === undefined ? '' : ` ${texts.words.hint}: ${hint}`;
  const ownHint = error.hint !== undefined && error.hint !== englishHint && error.hint !== hint ? ` (${error.hint})` : '';
  return `${summary} (${String(error.code)}).${tryThis} — ${texts.words.detail}: ${error.message}${ownHint}`;
}

/** `{name}` placeholders replaced by the values. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

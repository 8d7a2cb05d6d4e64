/**
 * How the nodes word an error for the runtime's language. In English a node keeps its own wording, exactly
 * as before (flows and tests match on it). In German and Czech the translated summary of the code and what
 * to try lead, and the library's English message follows as the detail (src/error-text):
 * `IEC 62056-21: Zeitüberschreitung, ... (65541). Abhilfe: Prüfen Sie ... — Details: <message>`.
 * Only the text changes: the code, and the shape of msg.error a Catch node gets, stay as they are.
 */
import { errorTextLanguage, localizedErrorText, type ErrorTextLanguage } from '../../src/error-text';
import { isMeterError, MeterError } from '../../src/errors';
import { runtimeLocale } from './names-language';

type Translate = (key: string) => string;

/** The language of the runtime for error texts: the tag at `<type>.locale` in the node's catalog; en when none. */
export function errorLanguage(translate: Translate, type: string): ErrorTextLanguage {
  return errorTextLanguage(runtimeLocale(translate, `${type}.locale`));
}

/** `english` (the node's own text) in English or for anything but a MeterError; else the translated line. */
export function reportText(error: unknown, language: ErrorTextLanguage, english: string): string {
  return language !== 'en' && isMeterError(error) ? localizedErrorText(error, language) : english;
}

/**
 * What done(err) reports: the error itself in English; in German or Czech a MeterError with the same code,
 * details, hint and (if it had one) cause, whose message is the translated line. Node-RED copies `code` and
 * `cause` into msg.error only when they are own properties, so the copy keeps exactly the original's.
 */
export function reportedError(error: unknown, language: ErrorTextLanguage): unknown {
  if (language === 'en' || !isMeterError(error)) return error;
  return new MeterError(error.code, localizedErrorText(error, language), {
    details: error.details,
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
    ...(Object.hasOwn(error, 'cause') ? { cause: error.cause } : {}),
  });
}

/**
 * The node's errors that no answer goes with, shaped so that a Catch node gets them like the node's other
 * errors (msg.error.code, msg.error.message): a message into a node without a gateway, and a failure of an
 * automatic drain or poll. Node-RED hands an error to Catch nodes only with a msg, so an automatic failure,
 * which no input message waits for, goes with a fresh AutomaticFailureMsg.
 */
import type { ErrorTextLanguage } from '../../../src/error-text';
import { isMeterError, MeterError } from '../../../src/errors';
import { reportedError, reportText } from '../error-report';
import type { AutomaticAction } from './drain-controller';

type Translate = (key: string) => string;

/** The msg.topic of an automatic failure's message. */
export const AUTOMATIC_TOPIC = 'scdata/auto';

/** What a Catch node gets with an automatic failure (besides msg.error): nothing else, no payload. */
export interface AutomaticFailureMsg {
  topic: typeof AUTOMATIC_TOPIC;
  /** `drain`: an automatic drain (every N seconds or at the threshold); `count`: the poll of MESS_CNT and GET_SPACE. */
  action: AutomaticAction;
  auto: true;
}

export function automaticFailureMsg(action: AutomaticAction): AutomaticFailureMsg {
  return { topic: AUTOMATIC_TOPIC, action, auto: true };
}

/**
 * The error node.error reports for an automatic failure. Its message is the line the log has always shown
 * (`<message> (<code>)` in English, the translated line in German and Czech); the code, details, hint and
 * cause are the failure's own, as own properties, so that a Catch node reads msg.error.code. Anything but a
 * MeterError is reported as it is.
 */
export function automaticFailure(error: unknown, language: ErrorTextLanguage): Error {
  if (!isMeterError(error)) return error instanceof Error ? error : new Error(String(error));
  return new MeterError(error.code, reportText(error, language, `${error.message} (${String(error.code)})`), {
    details: error.details,
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
    ...(Object.hasOwn(error, 'cause') ? { cause: error.cause } : {}),
  });
}

/**
 * What every message into a node without a gateway (no smartcom-config node chosen, or it is disabled or
 * gone) fails with: E_NOT_CONNECTED, as ams-device reports it. In English `<problem> [E_NOT_CONNECTED]
 * <what to do>`; in German and Czech the translated line of the code, with the catalog's texts as the detail.
 */
export function missingGateway(t: Translate, language: ErrorTextLanguage): MeterError {
  const problem = t('scdata-read.error.no-config');
  const hint = t('scdata-read.error.no-config-hint');
  const error = new MeterError('E_NOT_CONNECTED', language === 'en' ? `${problem} [E_NOT_CONNECTED] ${hint}` : problem, { hint });
  return reportedError(error, language) as MeterError;
}

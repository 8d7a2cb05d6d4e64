/**
 * What one input message asks for: the editor's action unless msg.action names another, with
 * msg.count / msg.filter / msg.recordType overriding the editor's values. Checked before anything
 * is sent (E_BAD_ARGUMENT).
 */
import { MeterError } from '../../../src/errors';
import { recordCount, recordTypeCondition, scdataFilter } from '../../../src/smartcom/scdata-commands';
import { ACTIONS, type ScdataAction, type ScdataReadSettings } from './config';

export type ScdataRequest =
  | { action: 'count' }
  | { action: 'space' }
  | { action: 'drain' }
  | { action: 'delete-all' }
  | { action: 'oldest' | 'delete-oldest'; count: number }
  | { action: 'filtered'; filter: string };

/** Node-visible texts, from the node's catalog (English defaults, e.g. for the library's own tests). */
export interface RequestTexts {
  deleteAllRefused: string;
  deleteAllHint: string;
}

const ENGLISH: RequestTexts = {
  deleteAllRefused: 'delete-all is not allowed by this node',
  deleteAllHint: 'Tick "Allow delete all" in the node if every stored record, delivered or not, may really be deleted.',
};

export function requestFrom(settings: ScdataReadSettings, msg: Record<string, unknown>, texts: RequestTexts = ENGLISH): ScdataRequest {
  const action = actionOf(msg.action ?? settings.action);
  switch (action) {
    case 'oldest':
    case 'delete-oldest':
      return { action, count: recordCount(msg.count ?? settings.count, 'msg.count') };
    case 'filtered':
      return { action, filter: filterOf(settings, msg) };
    case 'delete-all':
      if (!settings.allowDeleteAll) {
        throw new MeterError('E_BAD_ARGUMENT', texts.deleteAllRefused, { details: { field: 'action' }, hint: texts.deleteAllHint });
      }
      return { action };
    case 'count':
    case 'space':
    case 'drain':
      return { action } as ScdataRequest;
  }
}

/** Any case and surrounding spaces, as ams-device takes its msg.action. */
function actionOf(value: unknown): ScdataAction {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (typeof name === 'string' && (ACTIONS as readonly string[]).includes(name)) return name as ScdataAction;
  throw new MeterError('E_BAD_ARGUMENT', `msg.action must be one of ${ACTIONS.join(', ')}, got ${JSON.stringify(value)}`, { details: { field: 'msg.action' } });
}

/** RECORD_TYPE from the builder (or msg.recordType) first, then the free text conditions. */
function filterOf(settings: ScdataReadSettings, msg: Record<string, unknown>): string {
  const type = msg.recordType ?? settings.recordType;
  const rest = msg.filter ?? settings.filter;
  const parts = [type ? recordTypeCondition(type) : '', typeof rest === 'string' ? rest.trim() : scdataFilter(rest, 'msg.filter')];
  return scdataFilter(parts.filter((part) => part !== '').join(';'), 'filter');
}

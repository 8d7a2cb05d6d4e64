/**
 * The iec62056-read properties that are typed inputs: the meter address (str, msg, flow, global, env) and the
 * register and filter lists (a literal OBIS list, msg, flow or global). A literal is part of the settings; any
 * other type is read for each message here and handed to planRead as if it were the msg override, except that
 * a real msg.address / msg.registers / msg.filter still wins.
 */
import type { IecReadDef } from './iec-read-def';

/** Reads one typed value for this message (RED.util.evaluateNodeProperty, promisified by the caller). */
export type EvaluateTyped = (value: string, type: string, field: string) => Promise<unknown>;

/** The list types whose value is written in the node (the editor's own `obis` type, or none stored). */
export function isLiteralList(type: string | undefined): boolean {
  return type === undefined || type === '' || type === 'obis';
}

/** msg with address, registers and filter filled in from the node's non-literal typed inputs, where msg has none. */
export async function withTypedInputs(def: IecReadDef, msg: Record<string, unknown>, evaluate: EvaluateTyped): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...msg };
  const addressType = def.addressType ?? 'str';
  if (addressType !== 'str' && msg.address === undefined) out.address = addressText(await evaluate(def.address ?? '', addressType, 'address'));
  if (!isLiteralList(def.registersType) && msg.registers === undefined) out.registers = (await evaluate(def.registers ?? '', def.registersType as string, 'registers')) ?? undefined;
  if (!isLiteralList(def.filterType) && msg.filter === undefined) out.filter = (await evaluate(def.filter ?? '', def.filterType as string, 'filter')) ?? undefined;
  return out;
}

/** A missing value is no address (the node's literal is not used: its text is a property name). */
function addressText(value: unknown): unknown {
  return value === undefined || value === null ? '' : value;
}

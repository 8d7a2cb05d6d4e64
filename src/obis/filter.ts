import { type ObisCode, parseObis } from './code';

/*
 * Register filters ("registers to keep") in either form. Two codes match when their C, D, E and F groups are
 * equal and A and B are equal where BOTH sides give them: the reduced form says nothing about medium and
 * channel, so `1.8.0` matches `1-0:1.8.0*255` and `1-0:1.8.0` matches `1.8.0`, but `1-0:1.8.0` does not
 * match `0-1:1.8.0`. F is never a wildcard: `1.8.0` is the current value and does not match `1.8.0*03`
 * (a filter that kept every billing period of a register would keep most of a long readout).
 * Entries that are not OBIS codes match the same text exactly (trimmed), so odd meter addresses can be kept too.
 */

function sameRegister(x: Readonly<ObisCode>, y: Readonly<ObisCode>): boolean {
  if (x.c !== y.c || x.d !== y.d || x.e !== y.e || x.f !== y.f) return false;
  if (x.a !== undefined && y.a !== undefined && x.a !== y.a) return false;
  return x.b === undefined || y.b === undefined || x.b === y.b;
}

/** A compiled filter: a predicate on codes. */
export type ObisFilter = (code: string) => boolean;

/**
 * Compiles a filter once for many codes. An empty or missing list keeps everything (no filter configured).
 */
export function compileObisFilter(filter: readonly string[] | undefined): ObisFilter {
  const entries = (filter ?? []).filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
  if (entries.length === 0) return () => true;
  const codes: Readonly<ObisCode>[] = [];
  const texts = new Set<string>();
  for (const entry of entries) {
    const parsed = parseObis(entry);
    if (parsed === null) texts.add(entry.trim());
    else codes.push(parsed);
  }
  return (code: string): boolean => {
    const parsed = parseObis(code);
    if (parsed === null) return typeof code === 'string' && texts.has(code.trim());
    return codes.some((wanted) => sameRegister(wanted, parsed));
  };
}

/**
 * Whether `code` is one of the registers in `filter` (short or full forms, both ways; see above).
 * An empty filter matches every code. For many codes, compile once with compileObisFilter.
 */
export function matchesObis(filter: readonly string[], code: string): boolean {
  return compileObisFilter(filter)(code);
}

/** Splits a register list as users type it (`1.8.0, 2.8.0; C.1.0` or one per line) into entries. */
export function splitObisList(text: string): string[] {
  if (typeof text !== 'string') return [];
  return text.split(/[\s,;]+/).filter((entry) => entry !== '');
}

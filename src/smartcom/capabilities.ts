import { afterPrefix } from './fields';

/** One line of the `AT^SCAMS=?` listing, e.g. `^SCAMS: "DEV_REMOVE",1-32`. */
export interface AmsCapability {
  /** Upper-cased: ENABLE, RETRY, DEV_ADD, ... */
  keyword: string;
  /** The parameter notation after the keyword as printed (`1-32`, `"ALL"|1-32,"3"`), '' when none. */
  parameters: string;
}

/** The answer to `AT^SCAMS=?`. */
export interface AmsCapabilities {
  capabilities: AmsCapability[];
  /** Upper-cased keywords in listing order, for `includes('DIRECT_READ')`. */
  keywords: string[];
  /** The table size the gateway states in DEV_REMOVE's range (`1-32` -> 32), if it does. */
  maxDevices: number | undefined;
}

const KEYWORD_LINE = /^"([A-Za-z0-9_]+)"\s*(?:,\s*(.*))?$/s;

/**
 * Reads `AT^SCAMS=?` lines. The notation is only a description (the manual's last line is even
 * cut off), so it is kept as text rather than parsed into ranges; other lines are ignored.
 */
export function parseAmsCapabilities(lines: readonly string[]): AmsCapabilities {
  const capabilities: AmsCapability[] = [];
  for (const line of lines) {
    const rest = afterPrefix(line, '\\^SCAMS');
    const match = rest === undefined ? null : KEYWORD_LINE.exec(rest.trim());
    if (match) capabilities.push({ keyword: match[1].toUpperCase(), parameters: (match[2] ?? '').trim() });
  }
  const remove = capabilities.find((capability) => capability.keyword === 'DEV_REMOVE');
  const range = remove ? /^1\s*-\s*(\d+)$/.exec(remove.parameters) : null;
  return {
    capabilities,
    keywords: capabilities.map((capability) => capability.keyword),
    maxDevices: range ? Number(range[1]) : undefined,
  };
}

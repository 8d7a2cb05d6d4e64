import { afterPrefix, integerField, parseError, splitFields, stringField } from './fields';

/** One row of the AMS table: `^SCAMS: 1> 2,"IEC62056-21","947834","3M"`. */
export interface AmsDevice {
  /** Table position (1-based), used by DEV_REMOVE / DEV_INTERVAL. */
  index: number;
  /** Gateway port: 1 RS232, 2 RS485 or M-Bus, 128 internal inputs. */
  port: number;
  protocol: string;
  address: string;
  interval: string;
}

/** The answer to `AT^SCAMS?`. Values the gateway did not print are undefined. */
export interface AmsTable {
  enabled: boolean | undefined;
  retry: number | undefined;
  /** From `"DEV_CNT",n`, or 0 after `NO DEVICE`. */
  deviceCount: number | undefined;
  devices: AmsDevice[];
}

const DEVICE_LINE = /^(\d+)\s*>\s*(.*)$/s;

/** Reads `AT^SCAMS?` lines. Unknown keywords and lines of other commands are ignored; a malformed known line is an E_PARSE. */
export function parseAmsTable(lines: readonly string[]): AmsTable {
  const table: AmsTable = { enabled: undefined, retry: undefined, deviceCount: undefined, devices: [] };
  for (const line of lines) {
    const rest = afterPrefix(line, '\\^SCAMS');
    if (rest !== undefined) readLine(table, rest.trim(), line);
  }
  return table;
}

function readLine(table: AmsTable, rest: string, line: string): void {
  if (/^NO\s+DEVICES?$/i.test(rest)) {
    table.deviceCount ??= 0;
    return;
  }
  const device = DEVICE_LINE.exec(rest);
  if (device) {
    table.devices.push(parseDevice(Number(device[1]), device[2], line));
    return;
  }
  const fields = splitFields(rest, line);
  if (!fields[0]?.quoted) return;
  switch (fields[0].value.toUpperCase()) {
    case 'ENABLE': {
      const value = integerField(fields[1], 'ENABLE value', line);
      if (value !== 0 && value !== 1) throw parseError('ENABLE must be 0 or 1', line);
      table.enabled = value === 1;
      return;
    }
    case 'RETRY':
      table.retry = integerField(fields[1], 'RETRY value', line);
      return;
    case 'DEV_CNT':
      table.deviceCount = integerField(fields[1], 'DEV_CNT value', line);
      return;
    default:
      return; // a keyword of a newer firmware: not ours to judge
  }
}

function parseDevice(index: number, text: string, line: string): AmsDevice {
  const fields = splitFields(text, line);
  if (fields.length < 4) throw parseError(`an AMS device line has 4 fields after the index, this one has ${fields.length}`, line);
  return {
    index,
    port: integerField(fields[0], 'port', line),
    protocol: stringField(fields[1], 'protocol', line),
    address: stringField(fields[2], 'address', line),
    interval: stringField(fields[3], 'interval', line),
  };
}

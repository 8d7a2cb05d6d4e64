/** AT^SCAMS: the AMS switch, retry count, meter table and DIRECT_READ. */
import type { AmsReadResult } from '../../meter-source';
import { AMS_INTERVALS, AMS_PROTOCOLS } from '../ams-table';
import { expectArgCount, integerArg, keywordOf, reject, stringArg } from '../args';
import type { ParsedCommand } from '../command-line';
import type { GatewayContext } from '../context';
import { type CommandResult, formatRecord, ok, quote, SimErrorNumber } from '../formatter';
import { PORT_VALUE_CHOICES } from '../port-settings';

type Extended = Extract<ParsedCommand, { kind: 'extended' }>;

const PREFIX = '^SCAMS: ';
const MAX_PORT = 1000;
const MAX_TEXT = 32;

export function handleScams(ctx: GatewayContext, command: Extended): CommandResult | Promise<CommandResult> {
  switch (command.mode) {
    case 'test':
      return ok(testListing(ctx.ams.size));
    case 'query':
      return ok(tableListing(ctx));
    case 'set':
      return setAms(ctx, command);
    case 'exec':
      return reject(SimErrorNumber.SYNTAX, 'AT^SCAMS needs ?, =? or =<arguments>');
  }
}

/** The manual's listing; the DIRECT_READ tail after `1-1000` is cut off there, so ours is a guess. */
function testListing(tableSize: number): string[] {
  return [
    '"ENABLE",0|1',
    '"RETRY",0-9',
    '"DEV_ADD",1-1000,"32"|1-1000,"32","3"',
    `"DEV_REMOVE",1-${tableSize}`,
    '"DEV_CLEAR"',
    `"DEV_INTERVAL","ALL"|1-${tableSize},"3"`,
    '"DIRECT_READ",1-1000,"32"|1-1000,"32","32"|300-115200',
  ].map((line) => PREFIX + line);
}

function tableListing(ctx: GatewayContext): string[] {
  const { ams } = ctx;
  const lines = [`${PREFIX}"ENABLE",${ams.enabled ? 1 : 0}`, `${PREFIX}"RETRY",${ams.retry}`];
  if (ams.entries.length === 0) return [...lines, `${PREFIX}NO DEVICE`];
  lines.push(`${PREFIX}"DEV_CNT",${ams.entries.length}`);
  ams.entries.forEach((entry, i) => {
    lines.push(`${PREFIX}${i + 1}> ${entry.port},${quote(entry.protocol)},${quote(entry.address)},${quote(entry.interval)}`);
  });
  return lines;
}

function setAms(ctx: GatewayContext, command: Extended): CommandResult | Promise<CommandResult> {
  const { args } = command;
  const { ams } = ctx;
  const keyword = keywordOf(args);
  const now = ctx.clock.now();
  switch (keyword) {
    case 'ENABLE': {
      expectArgCount(args, 2, 2, keyword);
      const enable = integerArg(args, 1, 0, 1, keyword) === 1;
      if (enable && !ams.enabled) ams.rearm(now);
      ams.enabled = enable;
      return ok();
    }
    case 'RETRY':
      expectArgCount(args, 2, 2, keyword);
      ams.retry = integerArg(args, 1, 0, 9, keyword);
      return ok();
    case 'DEV_ADD': {
      expectArgCount(args, 5, 5, keyword);
      const port = integerArg(args, 1, 1, MAX_PORT, 'port');
      const protocol = protocolArg(stringArg(args, 2, MAX_TEXT, 'protocol'));
      const address = stringArg(args, 3, MAX_TEXT, 'address');
      const interval = intervalArg(stringArg(args, 4, 3, 'interval'));
      if (ams.isFull) reject(SimErrorNumber.TABLE_FULL, `the AMS table is full (${ams.size} meters)`);
      ams.add({ port, protocol, address, interval }, now);
      return ok();
    }
    case 'DEV_REMOVE':
      expectArgCount(args, 2, 2, keyword);
      if (!ams.remove(integerArg(args, 1, 1, ams.size, 'table position'))) reject(SimErrorNumber.NO_SUCH_ENTRY, 'no meter at that position');
      return ok();
    case 'DEV_CLEAR':
      expectArgCount(args, 1, 1, keyword);
      ams.entries.length = 0;
      return ok();
    case 'DEV_INTERVAL': {
      expectArgCount(args, 3, 3, keyword);
      const all = args[1].quoted && args[1].value.toUpperCase() === 'ALL';
      const target = all ? 'ALL' : integerArg(args, 1, 1, ams.size, 'table position');
      const interval = intervalArg(stringArg(args, 2, 3, 'interval'));
      if (!ams.setInterval(target, interval, now)) reject(SimErrorNumber.NO_SUCH_ENTRY, 'no meter at that position');
      return ok();
    }
    case 'DIRECT_READ':
      return directRead(ctx, command);
    default:
      return reject(SimErrorNumber.BAD_VALUE, `unknown AT^SCAMS keyword ${keyword}`);
  }
}

function protocolArg(text: string): string {
  const protocol = AMS_PROTOCOLS.find((known) => known === text.toUpperCase());
  if (!protocol) reject(SimErrorNumber.BAD_VALUE, `unknown protocol ${text}; use ${AMS_PROTOCOLS.join(', ')}`);
  return protocol;
}

function intervalArg(text: string): string {
  const interval = text.toUpperCase();
  if (!AMS_INTERVALS.has(interval)) reject(SimErrorNumber.BAD_VALUE, `unknown interval ${text}`);
  return interval;
}

/** DIRECT_READ,port,"protocol","address"[,baud]: a long command; answers per the directRead variant. */
async function directRead(ctx: GatewayContext, command: Extended): Promise<CommandResult> {
  const { args } = command;
  const { variants } = ctx.options;
  expectArgCount(args, 4, 5, 'DIRECT_READ');
  if (args.length === 5 && variants.directReadBaudArgument === 'rejected') {
    reject(SimErrorNumber.NOT_SUPPORTED, 'this gateway variant takes no baud rate in DIRECT_READ');
  }
  const port = integerArg(args, 1, 1, MAX_PORT, 'port');
  const protocol = protocolArg(stringArg(args, 2, MAX_TEXT, 'protocol'));
  const address = stringArg(args, 3, MAX_TEXT, 'address');
  let baudRate = ctx.ports.get(port)?.active.BAUDRATE;
  if (args.length === 5) {
    baudRate = integerArg(args, 4, 0, Number.MAX_SAFE_INTEGER, 'baud rate');
    if (!PORT_VALUE_CHOICES.BAUDRATE.includes(baudRate)) reject(SimErrorNumber.BAD_VALUE, `unsupported baud rate ${baudRate}`);
  }
  await ctx.sleep(ctx.options.directReadMs);
  const result = await ctx.readMeter({ port, protocol, address, baudRate }, 0);
  return ok(directReadLines(ctx, protocol, result));
}

function directReadLines(ctx: GatewayContext, protocol: string, result: AmsReadResult): string[] {
  const fields = {
    protocol,
    index: 0,
    errorCode: result.ok ? 0 : result.errorCode,
    identification: result.ok ? result.identification : '',
    data: result.ok ? result.data : '',
  };
  switch (ctx.options.variants.directRead) {
    case 'stored-only':
      ctx.storeRecord(fields);
      return [];
    case 'record':
      return [formatRecord({ type: 'AMS', time: ctx.clock.unixSeconds(), seq: ctx.store.takeSeq(), ...fields })];
    case 'scams-lines': {
      const dataLines = fields.data.split(/\r\n|\r|\n/).filter((line) => line !== '');
      return [`${PREFIX}"DIRECT_READ",${fields.errorCode},${quote(fields.identification)}`, ...dataLines.map((line) => PREFIX + line)];
    }
  }
}

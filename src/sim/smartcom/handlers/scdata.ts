/** AT^SCDATA: the stored records (count, free space, list, filter, delete). */
import { expectArgCount, integerArg, keywordOf, reject } from '../args';
import type { ParsedCommand } from '../command-line';
import type { GatewayContext } from '../context';
import { type CommandResult, formatRecord, ok, SimErrorNumber } from '../formatter';
import { MAX_FILTER_LENGTH, parseFilter } from '../filter';

type Extended = Extract<ParsedCommand, { kind: 'extended' }>;

const PREFIX = '^SCDATA: ';

/** The vendor FAQ's listing, verbatim. */
const TEST_LISTING = ['"MESS_CNT"', '"GET_SPACE"', '"GET_OLDEST"', `"GET_FILTERED","0-${MAX_FILTER_LENGTH}"`, '"DEL_OLDEST"', '"DEL_ALL"'];

export function handleScdata(ctx: GatewayContext, command: Extended): CommandResult {
  if (command.mode === 'test') return ok(TEST_LISTING.map((line) => PREFIX + line));
  if (command.mode !== 'set') return reject(SimErrorNumber.SYNTAX, 'AT^SCDATA needs =? or =<arguments>');
  const { args } = command;
  const { store } = ctx;
  const { variants } = ctx.options;
  const keyword = keywordOf(args);
  switch (keyword) {
    case 'MESS_CNT':
      expectArgCount(args, 1, 1, keyword);
      return ok([PREFIX + (variants.messCount === 'keyword' ? `"MESS_CNT",${store.count}` : `${store.count}`)]);
    case 'GET_SPACE': {
      expectArgCount(args, 1, 1, keyword);
      const bytes = store.free * ctx.options.recordBytes;
      return ok([PREFIX + (variants.getSpace === 'keyword' ? `"GET_SPACE",${bytes}` : `${bytes}`)]);
    }
    case 'GET_OLDEST':
      expectArgCount(args, 1, 2, keyword);
      return ok(store.oldest(countArg(command)).map(formatRecord));
    case 'GET_FILTERED': {
      expectArgCount(args, 2, 2, keyword);
      // Whether the real unit wants the filter quoted is not documented: accept both.
      const predicate = parseFilter(args[1].value);
      if (!predicate) reject(SimErrorNumber.BAD_VALUE, 'malformed filter (see the simulator README for the grammar)');
      return ok(store.all().filter(predicate).map(formatRecord));
    }
    case 'DEL_OLDEST':
      expectArgCount(args, 1, 2, keyword);
      store.deleteOldest(countArg(command));
      return ok();
    case 'DEL_ALL':
      expectArgCount(args, 1, 1, keyword);
      store.deleteAll();
      return ok();
    default:
      return reject(SimErrorNumber.BAD_VALUE, `unknown AT^SCDATA keyword ${keyword}`);
  }
}

const MAX_COUNT = 65535;

/** The optional record count of GET_OLDEST / DEL_OLDEST (default 1; more than are stored is fine). */
function countArg(command: Extended): number {
  return command.args.length < 2 ? 1 : integerArg(command.args, 1, 1, MAX_COUNT, 'record count');
}

/** The AT layer: safe command text, framing, the channel, the optional login and the pool driver. */
export { DEFAULT_MAX_ARGUMENT_LENGTH, assertLineSafe, encodeArgument, encodeArguments } from './arguments';
export type { AtArgument, EncodeOptions } from './arguments';
export { AtCommand, MAX_COMMAND_LINE } from './command';
export type { AtCommandKind } from './command';
export { AtChannel } from './channel';
export type { AtChannelOptions, AtChannelStats, AtResponse, AtTerminator, ExecuteOptions } from './channel';
export { DEFAULT_MAX_LINE, DEFAULT_MAX_QUOTED_LINE, LineReader } from './line-reader';
export type { LineReaderOptions, LineSink, LineTooLong } from './line-reader';
export { isFinalResult, parseFinalResult } from './result-codes';
export type { AtErrorResult, FinalResult } from './result-codes';
export { TelnetFilter } from './telnet';
export { DEFAULT_LOGIN_QUIET_MS, login } from './login';
export type { LoginOptions, LoginOutcome } from './login';
export { createAtDriver } from './driver';
export type { AtDriverOptions } from './driver';

import { EventEmitter } from 'node:events';
import { MeterError } from '../errors';
import type { ByteLink } from '../transport/link';
import { assertLineSafe } from './arguments';
import { AtCommand } from './command';
import { LineReader, LineSink, LineTooLong } from './line-reader';
import { AnswerLimits, answerTooLargeError, atErrorFor, lineTooLongError, outOfStepError, timeoutError } from './channel-errors';
import { isStaleAnswer, isUnsolicited, kindOf } from './line-kinds';
import { parseFinalResult } from './result-codes';
import { TelnetFilter } from './telnet';

export type AtTerminator = '\r' | '\r\n';

export interface AtChannelOptions {
  /** Sent after every command line. CR is the AT standard; some TCP bridges want CRLF. */
  terminator?: AtTerminator;
  /** After an abandoned command, a late answer is expected (and dropped) for this long at most. */
  lateAnswerWindowMs?: number;
  /** Caps on one answer (default 10,000 lines, 4 MiB characters): beyond them the command fails with E_ANSWER_TOO_LARGE. */
  maxAnswerLines?: number;
  maxAnswerChars?: number;
  /** Before the link check after being out of step, the link must have been quiet this long (default 200 ms). */
  drainQuietMs?: number;
}

/** Counters for diagnostics and tests. */
export interface AtChannelStats {
  /** Lines dropped because they outgrew the line cap. */
  linesTooLong: number;
  /** Times the answers were found out of step with the commands. */
  outOfStep: number;
  /** Link checks (`AT`) run to get back in step, and how many of them failed. */
  linkChecks: number;
  linkCheckFailures: number;
}

/**
 * Something whose `aborted` becomes true when the command is no longer wanted. An AbortSignal also fails
 * a command that is already running; a plain flag (a pool lease's end) is only looked at before sending
 * and while waiting for a quiet link: the pool abandons the running command itself (abandonPending).
 */
export type AbortCheck = AbortSignal | { readonly aborted: boolean };

export interface ExecuteOptions {
  timeoutMs: number;
  signal?: AbortCheck;
}

/** The information lines of a successful command (echo removed, URCs taken out). */
export interface AtResponse {
  command: string;
  lines: string[];
}

interface Pending {
  command: AtCommand;
  /** `<prefix>:` of the command's own information lines (e.g. `^SCDATA:`), or undefined for basic commands. */
  answerPrefix: string | undefined;
  signal: AbortCheck | undefined;
  lines: string[];
  chars: number;
  echoSeen: boolean;
  settle: (error: MeterError | undefined) => void;
}

const DEFAULT_LATE_ANSWER_WINDOW_MS = 120_000;
const DEFAULT_MAX_ANSWER_LINES = 10_000;
const DEFAULT_MAX_ANSWER_CHARS = 4 * 1024 * 1024;
const DEFAULT_DRAIN_QUIET_MS = 200;

/**
 * One AT conversation on a byte link. Events:
 * - 'urc' (line): a line that belongs to no command (unsolicited result code, banner, late text);
 * - 'discard' (line): a line dropped because it belongs to an earlier command's (late or stale) answer;
 * - 'out-of-step' (reason): the answers were found out of step with the commands;
 * - 'tx' (text) / 'line' (line): traffic, for logs.
 *
 * Staying in step: a final result or a `^SC` answer line with no command running, a `^SC` line of another
 * command, an over-long line or an over-large answer mean that answers and commands no longer match. The
 * running command (if any) fails with E_OUT_OF_STEP / E_LINE_TOO_LONG / E_ANSWER_TOO_LARGE, later lines are
 * dropped, and the next command first waits for the link to go quiet and checks it with a plain `AT`.
 * With `echoExpected` (the gateway echoes, ATE1), lines that arrive before a command's echo are not its
 * answer: they are dropped, so a late answer can never be taken for the next command's.
 */
export class AtChannel extends EventEmitter {
  readonly terminator: AtTerminator;
  /** Set by the driver when the gateway is known to echo every command line. */
  echoExpected = false;
  /** Whether the last finished command's echo was seen (the driver's echo probe). */
  lastEchoSeen = false;
  readonly stats: AtChannelStats = { linesTooLong: 0, outOfStep: 0, linkChecks: 0, linkCheckFailures: 0 };
  private readonly link: ByteLink;
  private readonly reader = new LineReader();
  private readonly telnet = new TelnetFilter();
  private readonly lateAnswerWindowMs: number;
  private readonly limits: AnswerLimits;
  private readonly drainQuietMs: number;
  private pending: Pending | undefined;
  /** Set while the late answer of an abandoned command is still expected: drop lines until its final result. */
  private discardUntil: number | undefined;
  private abandonedAt: number | undefined;
  /** Why the answers are out of step; the next command checks the link first. */
  private outOfStepReason: string | undefined;
  /** A link check is running: no command may be sent meanwhile. */
  private checking = false;
  private checkFailed = false;
  private lastReceiveAt = 0;
  private rawListener: ((text: string) => void) | undefined;
  private closed = false;
  /**
   * The signal whose abort fails the running command. A lease's commands share its signal, so the listener
   * is added once per signal rather than once per command (EventTarget listeners are not cheap).
   */
  private watchedSignal: AbortSignal | undefined;
  private readonly onWatchedAbort = (): void => {
    const pending = this.pending;
    if (pending && pending.signal === this.watchedSignal) this.giveUp(new MeterError('E_ABORTED', `${pending.command.text} was aborted`, { details: { command: pending.command.text } }));
  };
  private readonly sink: LineSink = { line: (line) => this.handleLine(line), tooLong: (info) => this.lineTooLong(info) };
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onClose = (error?: Error): void => this.linkClosed(error);

  constructor(link: ByteLink, options: AtChannelOptions = {}) {
    super();
    this.link = link;
    this.terminator = options.terminator ?? '\r';
    if (this.terminator !== '\r' && this.terminator !== '\r\n') {
      throw new MeterError('E_BAD_ARGUMENT', `AT line terminator must be "\\r" or "\\r\\n", got ${JSON.stringify(options.terminator)}`);
    }
    this.lateAnswerWindowMs = options.lateAnswerWindowMs ?? DEFAULT_LATE_ANSWER_WINDOW_MS;
    this.limits = { maxLines: options.maxAnswerLines ?? DEFAULT_MAX_ANSWER_LINES, maxChars: options.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS };
    this.drainQuietMs = options.drainQuietMs ?? DEFAULT_DRAIN_QUIET_MS;
    link.on('data', this.onData);
    link.on('close', this.onClose);
  }

  /** True while a command (or a link check) waits for its final result. */
  get busy(): boolean {
    return this.pending !== undefined || this.checking;
  }

  /** True while the late answer of an abandoned command is being dropped. */
  get resyncing(): boolean {
    return this.lateAnswerExpected();
  }

  /** Why the answers are out of step with the commands, or undefined when in step. */
  get outOfStep(): string | undefined {
    return this.outOfStepReason;
  }

  /** A link check after being out of step failed: only reopening the link brings it back in step. */
  get needsReset(): boolean {
    return this.checkFailed;
  }

  /** Diagnostics of the line splitter: characters examined (one per character received). */
  get charsScanned(): number {
    return this.reader.charsScanned;
  }

  /**
   * Milliseconds since a command was abandoned while its late answer has still not come; undefined when in step.
   * (With echo off, a next command sent meanwhile would have its own answer taken for the late one.)
   */
  get awaitingLateAnswerMs(): number | undefined {
    return this.lateAnswerExpected() && this.abandonedAt !== undefined ? Date.now() - this.abandonedAt : undefined;
  }

  /** A late answer is still expected: a command was abandoned and its window has not run out. */
  private lateAnswerExpected(): boolean {
    if (this.discardUntil !== undefined && Date.now() > this.discardUntil) this.discardUntil = undefined;
    return this.discardUntil !== undefined;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Sends one command and resolves with its information lines when `OK` arrives. When the answers were
   * found out of step, the link is first drained and checked with `AT` (within the same timeout).
   */
  async execute(command: AtCommand, options: ExecuteOptions): Promise<AtResponse> {
    const refusal = this.refusalFor(command, options.signal);
    if (refusal) throw refusal;
    if (this.outOfStepReason === undefined) return this.send(command, options.timeoutMs, options.signal);
    const deadline = Date.now() + options.timeoutMs;
    await this.checkLink(command, deadline, options.signal);
    return this.send(command, Math.max(1, deadline - Date.now()), options.signal);
  }

  /**
   * Gives up the running command (the pool calls this after a lease timeout): it fails with
   * E_ABORTED, and its late answer, up to and including its final result code, will be dropped
   * instead of being taken for the next command's answer. No-op when nothing is running.
   */
  abandonPending(): void {
    if (this.pending) this.giveUp(new MeterError('E_ABORTED', `${this.pending.command.text} was abandoned`, { details: { command: this.pending.command.text } }));
  }

  /**
   * Hands every received text chunk (Telnet removed) to `listener` instead of the line splitter,
   * for the login dialogue whose prompts end without a line break. Returns the function that
   * ends raw mode; the line splitter then starts from a clean state.
   */
  readRaw(listener: (text: string) => void): () => void {
    this.rawListener = listener;
    return () => {
      if (this.rawListener !== listener) return;
      this.rawListener = undefined;
      this.reader.reset();
    };
  }

  /** Writes one line of text (login name, password) with the terminator. `secret` keeps it out of errors and 'tx' events. */
  async writeLine(text: string, what: string, secret = false): Promise<void> {
    assertLineSafe(text, what, !secret);
    if (this.closed || !this.link.isOpen) throw new MeterError('E_NOT_CONNECTED', `cannot send the ${what}: the link is closed`);
    this.emit('tx', secret ? '<hidden>' : text);
    await this.link.write(text + this.terminator);
  }

  /** Removes every listener this channel added to the link and fails a running command with E_CLOSED. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.link.off('data', this.onData);
    this.link.off('close', this.onClose);
    this.watchedSignal?.removeEventListener('abort', this.onWatchedAbort);
    this.watchedSignal = undefined;
    this.pending?.settle(new MeterError('E_CLOSED', `${this.pending.command.text} failed: the AT channel was closed`, { details: { command: this.pending.command.text } }));
  }

  private refusalFor(command: AtCommand, signal: AbortCheck | undefined): MeterError | undefined {
    if (this.closed) return new MeterError('E_CLOSED', `cannot send ${command.text}: the AT channel is closed`);
    if (!this.link.isOpen) return new MeterError('E_NOT_CONNECTED', `cannot send ${command.text}: the link is not open`);
    const running = this.pending?.command.text ?? (this.checking ? 'the link check' : undefined);
    if (running !== undefined) {
      return new MeterError('E_PROTOCOL', `cannot send ${command.text} while ${running} is still running`, {
        details: { command: command.text, running },
        hint: 'Send AT commands one at a time (the connection pool does this for you).',
      });
    }
    if (signal?.aborted) return new MeterError('E_ABORTED', `${command.text} was aborted before it was sent`, { details: { command: command.text } });
    return undefined;
  }

  /** Writes the command line and waits for its final result. */
  private send(command: AtCommand, timeoutMs: number, signal: AbortCheck | undefined): Promise<AtResponse> {
    return new Promise<AtResponse>((resolve, reject) => {
      const lines: string[] = [];
      // The timer and the abort listener act through giveUp(), which reaches the pending entry set below.
      const timer = setTimeout(() => this.giveUp(timeoutError(command, timeoutMs, lines)), timeoutMs);
      const settle = (error: MeterError | undefined): void => {
        this.lastEchoSeen = this.pending?.echoSeen ?? false;
        this.pending = undefined;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve({ command: command.text, lines });
      };
      if (signal?.aborted) return settle(new MeterError('E_ABORTED', `${command.text} was aborted before it was sent`, { details: { command: command.text } }));
      const own = command.responsePrefix;
      this.pending = { command, answerPrefix: own === undefined ? undefined : `${own}:`, signal, lines, chars: 0, echoSeen: false, settle };
      if (signal instanceof AbortSignal) this.watch(signal);
      this.write(command.text + this.terminator);
    });
  }

  /** Listens to `signal` (once; it stays watched until another signal comes, as the next command of a lease uses it too). */
  private watch(signal: AbortSignal): void {
    if (signal === this.watchedSignal) return;
    this.watchedSignal?.removeEventListener('abort', this.onWatchedAbort);
    this.watchedSignal = signal;
    signal.addEventListener('abort', this.onWatchedAbort, { once: true });
  }

  /** Out of step: waits until the link is quiet (dropping what arrives), then `AT` must answer `OK`. */
  private async checkLink(command: AtCommand, deadline: number, signal: AbortCheck | undefined): Promise<void> {
    this.checking = true;
    this.stats.linkChecks++;
    try {
      await this.drain(command, deadline, signal);
      this.reader.reset(); // a partial line left after the quiet time is garbage too
      this.checking = false;
      await this.send(AtCommand.exec(''), Math.max(1, deadline - Date.now()), signal);
      this.outOfStepReason = undefined;
      this.checkFailed = false;
    } catch (error) {
      this.stats.linkCheckFailures++;
      if (error instanceof MeterError && ['E_ABORTED', 'E_CLOSED', 'E_CONNECTION_LOST', 'E_NOT_CONNECTED'].includes(String(error.code))) throw error;
      this.checkFailed = true;
      throw outOfStepError(command, 'the answers were out of step and the link check (AT) failed', { outOfStep: this.outOfStepReason }, error);
    } finally {
      this.checking = false;
    }
  }

  /** Resolves once nothing has arrived for drainQuietMs; fails at the deadline, on abort or when the channel closes. */
  private drain(command: AtCommand, deadline: number, signal: AbortCheck | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        if (signal?.aborted) return reject(new MeterError('E_ABORTED', `${command.text} was aborted`, { details: { command: command.text } }));
        if (this.closed) return reject(new MeterError('E_CLOSED', `${command.text} failed: the AT channel was closed`, { details: { command: command.text } }));
        const now = Date.now();
        const quietFor = now - this.lastReceiveAt;
        if (quietFor >= this.drainQuietMs) return resolve();
        if (now >= deadline) return reject(outOfStepError(command, 'the gateway did not stop sending', { drainQuietMs: this.drainQuietMs }));
        setTimeout(tick, Math.max(1, Math.min(this.drainQuietMs - quietFor, deadline - now)));
      };
      tick();
    });
  }

  /** Fails the running command after its line went out: its answer may still come, so drop it when it does. */
  private giveUp(error: MeterError): void {
    if (!this.pending) return;
    this.abandonedAt = Date.now();
    this.discardUntil = this.abandonedAt + this.lateAnswerWindowMs;
    this.pending.settle(error);
  }

  /** Marks the answers out of step and fails the running command (if any) with `error`. */
  private loseStep(reason: string, error?: MeterError): void {
    this.stats.outOfStep++;
    this.outOfStepReason = reason;
    this.emit('out-of-step', reason);
    if (error) this.pending?.settle(error);
  }

  private write(text: string): void {
    if (this.listenerCount('tx') > 0) this.emit('tx', text.trimEnd());
    this.link.write(text).catch((cause: unknown) => {
      this.pending?.settle(new MeterError('E_CONNECTION_LOST', `could not send ${text.trimEnd()}: ${String(cause)}`, { cause }));
    });
  }

  private receive(chunk: Buffer): void {
    this.lastReceiveAt = Date.now();
    const { data, reply } = this.telnet.push(chunk);
    if (reply.length > 0) this.link.write(reply).catch(() => undefined); // the 'close' event reports a dead link
    if (data.length === 0) return;
    // latin1 maps every byte to one character, so a chunk split never breaks a character.
    const text = data.toString('latin1');
    if (this.rawListener) {
      this.rawListener(text);
      return;
    }
    this.reader.read(text, this.sink);
  }

  private lineTooLong(info: LineTooLong): void {
    this.stats.linesTooLong++;
    const pending = this.pending;
    this.loseStep(`a line of more than ${info.limit} characters`, pending && lineTooLongError(pending.command, info));
  }

  private handleLine(line: string): void {
    if (this.listenerCount('line') > 0) this.emit('line', line);
    if (this.isPlainAnswer(line)) return this.collect(this.pending as Pending, line);
    const trimmed = line.trim();
    if (this.discarding(trimmed)) return;
    const pending = this.pending;
    if (isUnsolicited(trimmed, pending?.command)) this.emit('urc', line);
    else if (pending) this.answerLine(pending, line, trimmed);
    else this.idleLine(line, trimmed);
  }

  /**
   * The common case, decided without the general classification below: in step, after the echo (if one is
   * expected), a line that starts with the running command's own `<prefix>:` is part of its answer. (Such a
   * line is no final result, no plain URC, and its prefix is the command's own, so the general path would
   * say the same; it costs a few regex runs and copies per line, and a record store answers in thousands.)
   */
  private isPlainAnswer(line: string): boolean {
    const pending = this.pending;
    if (pending?.answerPrefix === undefined || this.discardUntil !== undefined) return false;
    return (pending.echoSeen || !this.echoExpected) && line.startsWith(pending.answerPrefix);
  }

  /** A line while no command runs: a URC or banner, or a sign that an answer came after its command finished. */
  private idleLine(line: string, trimmed: string): void {
    const stale = parseFinalResult(trimmed) !== undefined || isStaleAnswer(trimmed);
    if (stale && this.outOfStepReason === undefined) this.loseStep(`${JSON.stringify(trimmed.slice(0, 40))} arrived with no command running`);
    if (stale || this.outOfStepReason !== undefined) this.emit('discard', trimmed);
    else this.emit('urc', line);
  }

  private answerLine(pending: Pending, line: string, trimmed: string): void {
    if (!pending.echoSeen && pending.lines.length === 0 && trimmed.toUpperCase() === pending.command.text.toUpperCase()) {
      pending.echoSeen = true;
      return;
    }
    // With echo on, what comes before the echo is an earlier command's answer, not this one's.
    if (this.echoExpected && !pending.echoSeen) return void this.emit('discard', trimmed);
    const result = parseFinalResult(trimmed);
    if (result) return pending.settle(atErrorFor(result, pending.command, pending.lines));
    const kind = kindOf(trimmed, pending.command);
    if (kind === 'other') return void this.emit('urc', line);
    if (kind === 'foreign') {
      const reason = `${JSON.stringify(trimmed.slice(0, 40))} is not an answer to ${pending.command.text}`;
      return this.loseStep(reason, outOfStepError(pending.command, reason, { line: trimmed.slice(0, 200), lines: [...pending.lines] }));
    }
    this.collect(pending, line);
  }

  private collect(pending: Pending, line: string): void {
    pending.lines.push(line);
    pending.chars += line.length;
    if (pending.lines.length <= this.limits.maxLines && pending.chars <= this.limits.maxChars) return;
    const error = answerTooLargeError(pending.command, pending.lines.length, pending.chars, this.limits);
    pending.lines.length = 0; // the partial answer is not kept: that is the memory the cap protects
    this.loseStep(`the answer to ${pending.command.text} outgrew its cap`, error);
  }

  /** While resyncing: drops the line if it belongs to the abandoned command's late answer. */
  private discarding(trimmed: string): boolean {
    if (!this.lateAnswerExpected()) return false;
    // The echo of the command now running proves the late answer is over (the gateway answers in order).
    if (this.pending && trimmed.toUpperCase() === this.pending.command.text.toUpperCase()) {
      this.discardUntil = undefined;
      return false;
    }
    if (parseFinalResult(trimmed)) this.discardUntil = undefined;
    this.emit('discard', trimmed);
    return true;
  }

  private linkClosed(error?: Error): void {
    const pending = this.pending;
    if (pending) {
      const reason = error ? `: ${error.message}` : '';
      pending.settle(new MeterError('E_CONNECTION_LOST', `the link closed while ${pending.command.text} was running${reason}`, { details: { command: pending.command.text }, cause: error }));
    }
    this.dispose();
  }
}

import { EventEmitter } from 'node:events';
import { MeterError } from '../errors';
import type { ByteLink } from '../transport/link';
import { assertLineSafe } from './arguments';
import type { AtCommand } from './command';
import { LineReader } from './line-reader';
import { atErrorFor, timeoutError } from './channel-errors';
import { parseFinalResult } from './result-codes';
import { TelnetFilter } from './telnet';

export type AtTerminator = '\r' | '\r\n';

export interface AtChannelOptions {
  /** Sent after every command line. CR is the AT standard; some TCP bridges want CRLF. */
  terminator?: AtTerminator;
  /** After an abandoned command, a late answer is expected (and dropped) for this long at most. */
  lateAnswerWindowMs?: number;
}

export interface ExecuteOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The information lines of a successful command (echo removed, URCs taken out). */
export interface AtResponse {
  command: string;
  lines: string[];
}

interface Pending {
  command: AtCommand;
  lines: string[];
  echoSeen: boolean;
  settle: (error: MeterError | undefined) => void;
}

const URC_PREFIX = /^([\^+][A-Za-z0-9_]+):/;
const DEFAULT_LATE_ANSWER_WINDOW_MS = 120_000;

/**
 * One AT conversation on a byte link. Events:
 * - 'urc' (line): a line that belongs to no command (unsolicited result code, banner, late text);
 * - 'discard' (line): a line of an abandoned command's late answer, dropped;
 * - 'tx' (text) / 'line' (line): traffic, for logs.
 */
export class AtChannel extends EventEmitter {
  readonly terminator: AtTerminator;
  private readonly link: ByteLink;
  private readonly reader = new LineReader();
  private readonly telnet = new TelnetFilter();
  private readonly lateAnswerWindowMs: number;
  private pending: Pending | undefined;
  /** Set while the late answer of an abandoned command is still expected: drop lines until its final result. */
  private discardUntil: number | undefined;
  private abandonedAt: number | undefined;
  private rawListener: ((text: string) => void) | undefined;
  private closed = false;
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
    link.on('data', this.onData);
    link.on('close', this.onClose);
  }

  /** True while a command waits for its final result. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** True while the late answer of an abandoned command is being dropped. */
  get resyncing(): boolean {
    return this.lateAnswerExpected();
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

  /** Sends one command and resolves with its information lines when `OK` arrives. */
  execute(command: AtCommand, options: ExecuteOptions): Promise<AtResponse> {
    const refusal = this.refusalFor(command, options.signal);
    if (refusal) return Promise.reject(refusal);
    return new Promise<AtResponse>((resolve, reject) => {
      const lines: string[] = [];
      // The timer and the abort listener act through giveUp(), which reaches the pending entry set below.
      const timer = setTimeout(() => this.giveUp(timeoutError(command, options.timeoutMs, lines)), options.timeoutMs);
      const onAbort = (): void => this.giveUp(new MeterError('E_ABORTED', `${command.text} was aborted`, { details: { command: command.text } }));
      const settle = (error: MeterError | undefined): void => {
        this.pending = undefined;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve({ command: command.text, lines });
      };
      this.pending = { command, lines, echoSeen: false, settle };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.write(command.text + this.terminator);
    });
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
    this.pending?.settle(new MeterError('E_CLOSED', `${this.pending.command.text} failed: the AT channel was closed`, { details: { command: this.pending.command.text } }));
  }

  private refusalFor(command: AtCommand, signal: AbortSignal | undefined): MeterError | undefined {
    if (this.closed) return new MeterError('E_CLOSED', `cannot send ${command.text}: the AT channel is closed`);
    if (!this.link.isOpen) return new MeterError('E_NOT_CONNECTED', `cannot send ${command.text}: the link is not open`);
    if (this.pending) {
      return new MeterError('E_PROTOCOL', `cannot send ${command.text} while ${this.pending.command.text} is still running`, {
        details: { command: command.text, running: this.pending.command.text },
        hint: 'Send AT commands one at a time (the connection pool does this for you).',
      });
    }
    if (signal?.aborted) return new MeterError('E_ABORTED', `${command.text} was aborted before it was sent`, { details: { command: command.text } });
    return undefined;
  }

  /** Fails the running command after its line went out: its answer may still come, so drop it when it does. */
  private giveUp(error: MeterError): void {
    if (!this.pending) return;
    this.abandonedAt = Date.now();
    this.discardUntil = this.abandonedAt + this.lateAnswerWindowMs;
    this.pending.settle(error);
  }

  private write(text: string): void {
    this.emit('tx', text.trimEnd());
    this.link.write(text).catch((cause: unknown) => {
      this.pending?.settle(new MeterError('E_CONNECTION_LOST', `could not send ${text.trimEnd()}: ${String(cause)}`, { cause }));
    });
  }

  private receive(chunk: Buffer): void {
    const { data, reply } = this.telnet.push(chunk);
    if (reply.length > 0) this.link.write(reply).catch(() => undefined); // the 'close' event reports a dead link
    if (data.length === 0) return;
    // latin1 maps every byte to one character, so a chunk split never breaks a character.
    const text = data.toString('latin1');
    if (this.rawListener) {
      this.rawListener(text);
      return;
    }
    for (const line of this.reader.push(text)) this.handleLine(line);
  }

  private handleLine(line: string): void {
    this.emit('line', line);
    const trimmed = line.trim();
    if (this.discarding(trimmed)) return;
    const pending = this.pending;
    if (!pending) {
      this.emit('urc', line);
      return;
    }
    if (!pending.echoSeen && pending.lines.length === 0 && trimmed.toUpperCase() === pending.command.text.toUpperCase()) {
      pending.echoSeen = true;
      return;
    }
    const result = parseFinalResult(trimmed);
    if (result) pending.settle(atErrorFor(result, pending.command, pending.lines));
    else if (isForeignUrc(trimmed, pending.command)) this.emit('urc', line);
    else pending.lines.push(line);
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

function isForeignUrc(line: string, command: AtCommand): boolean {
  const match = URC_PREFIX.exec(line);
  if (!match) return false;
  return match[1].toUpperCase() !== command.responsePrefix;
}

import { MeterError, isMeterError } from '../errors';
import type { AtChannel } from './channel';
import { AtCommand } from './command';

/**
 * The optional login dialogue (the SmartCOM Server AT API asks `Login:` then `Password:` and
 * answers `OK`; the terminal itself may ask nothing). Runs on the channel's raw text because a
 * prompt usually ends without a line break.
 */
export interface LoginOptions {
  username?: string;
  password?: string;
  /** Bounds the whole dialogue. */
  timeoutMs: number;
  /** No prompt within this quiet time (restarted by every chunk of banner text) means no login. */
  quietMs?: number;
  signal?: AbortSignal;
  /** Diagnostics: counts the characters the dialogue examines (each received character once, plus the short partial line). */
  stats?: { charsScanned: number };
}

/** 'none': the gateway asked for nothing. 'accepted': credentials sent and accepted. */
export type LoginOutcome = 'none' | 'accepted';

export const DEFAULT_LOGIN_QUIET_MS = 300;

const USER_PROMPT = /(?:^|\s)(?:login|user ?name|user)\s*:$/i;
const PASSWORD_PROMPT = /(?:^|\s)password\s*:$/i;
const REJECTION = /incorrect|invalid|denied|fail|wrong|refused|unauthori|^error\b/i;

type Stage = 'watch' | 'sent-user' | 'sent-password';

/** Prompts and results are short: the unfinished line is kept to this many characters (its end, where a prompt is). */
const MAX_PARTIAL = 256;
const LINE_BREAK = /\r\n|\r|\n/;

/** Runs the dialogue; resolves when the channel is ready for AT commands. Never puts the password in an error. */
export async function login(channel: AtChannel, options: LoginOptions): Promise<LoginOutcome> {
  const outcome = await new LoginDialogue(channel, options).run();
  if (outcome !== 'verify') return outcome;
  await verifyWithAt(channel, options);
  return 'accepted';
}

class LoginDialogue {
  private stage: Stage = 'watch';
  /** The unfinished line (bounded), the last finished non-empty line, and what the finished lines since the last send showed. */
  private partial = '';
  private lastLine = '';
  private sawRejection = false;
  private sawOk = false;
  private quietTimer: NodeJS.Timeout | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private finish: (outcome: LoginOutcome | 'verify' | MeterError) => void = () => undefined;

  constructor(
    private readonly channel: AtChannel,
    private readonly options: LoginOptions,
  ) {}

  run(): Promise<LoginOutcome | 'verify'> {
    return new Promise((resolve, reject) => {
      const signal = this.options.signal;
      const onAbort = (): void => this.finish(new MeterError('E_ABORTED', 'the login was aborted'));
      const endRaw = this.channel.readRaw((text) => this.receive(text));
      this.finish = (outcome) => {
        this.finish = () => undefined;
        clearTimeout(this.quietTimer);
        clearTimeout(this.deadlineTimer);
        signal?.removeEventListener('abort', onAbort);
        endRaw();
        if (outcome instanceof MeterError) reject(outcome);
        else resolve(outcome);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.deadlineTimer = setTimeout(() => this.finish(this.deadlineError()), this.options.timeoutMs);
      this.restartQuiet();
    });
  }

  /** Linear: each chunk is split once, together with the bounded unfinished line before it. */
  private receive(text: string): void {
    const joined = this.partial + text;
    if (this.options.stats) this.options.stats.charsScanned += joined.length;
    const parts = joined.split(LINE_BREAK);
    this.partial = (parts.pop() ?? '').slice(-MAX_PARTIAL);
    for (const part of parts) this.finishedLine(part.trim());
    const current = this.partial.trim();
    const last = current !== '' ? current : this.lastLine;
    if (USER_PROMPT.test(last)) return this.onUserPrompt();
    if (PASSWORD_PROMPT.test(last)) return this.onPasswordPrompt();
    if (this.stage === 'watch') return this.restartQuiet();
    if (this.sawRejection || REJECTION.test(current)) return this.finish(rejected('the gateway rejected the login'));
    if (this.sawOk || /^OK$/i.test(current)) return this.finish('accepted');
    // Other text (a welcome banner): wait until it is quiet, then check that AT is accepted.
    if (this.stage === 'sent-password') this.restartQuiet();
  }

  private finishedLine(line: string): void {
    if (line === '') return;
    this.lastLine = line.slice(-MAX_PARTIAL);
    if (REJECTION.test(line)) this.sawRejection = true;
    if (/^OK$/i.test(line)) this.sawOk = true;
  }

  private onUserPrompt(): void {
    if (this.stage !== 'watch') return this.finish(rejected('the gateway asked for the login again: wrong user or password'));
    const username = this.options.username;
    if (!username) return this.finish(missingCredentials());
    this.send(username, 'login name', false, 'sent-user');
  }

  private onPasswordPrompt(): void {
    if (this.stage === 'sent-password') return this.finish(rejected('the gateway asked for the password again: wrong user or password'));
    const password = this.options.password;
    if (password === undefined || password === '') return this.finish(missingCredentials());
    this.send(password, 'password', true, 'sent-password');
  }

  private send(text: string, what: string, secret: boolean, next: Stage): void {
    clearTimeout(this.quietTimer);
    this.stage = next;
    // Only what the gateway says after this send counts as its answer to it.
    this.partial = '';
    this.lastLine = '';
    this.sawRejection = false;
    this.sawOk = false;
    this.channel.writeLine(text, what, secret).then(
      () => {
        if (next === 'sent-password') this.restartQuiet();
      },
      (error: unknown) => this.finish(isMeterError(error) ? error : rejected(`could not send the ${what}`)),
    );
  }

  private restartQuiet(): void {
    clearTimeout(this.quietTimer);
    const quietMs = this.options.quietMs ?? DEFAULT_LOGIN_QUIET_MS;
    this.quietTimer = setTimeout(() => this.finish(this.stage === 'watch' ? 'none' : 'verify'), quietMs);
  }

  private deadlineError(): MeterError {
    if (this.stage === 'watch') return rejected('the gateway kept sending text without a prompt or a pause');
    const waitedFor = this.stage === 'sent-user' ? 'the login name' : 'the password';
    return rejected(`no answer to ${waitedFor} within ${this.options.timeoutMs} ms`);
  }
}

/** After a password with no `OK`: the gateway must accept `AT`, or the login did not work. */
async function verifyWithAt(channel: AtChannel, options: LoginOptions): Promise<void> {
  try {
    await channel.execute(AtCommand.exec(''), { timeoutMs: options.timeoutMs, signal: options.signal });
  } catch (error) {
    if (isMeterError(error) && (error.code === 'E_ABORTED' || error.code === 'E_CONNECTION_LOST' || error.code === 'E_CLOSED')) throw error;
    throw rejected('the gateway did not accept AT after the login', error);
  }
}

function rejected(message: string, cause?: unknown): MeterError {
  return new MeterError('E_LOGIN_FAILED', `login failed: ${message}`, {
    hint: 'Check the user and password configured for the gateway.',
    cause,
  });
}

function missingCredentials(): MeterError {
  return new MeterError('E_LOGIN_FAILED', 'the gateway asks for a login; set user and password', {
    hint: 'Enter the user and password of the gateway in the connection settings.',
  });
}

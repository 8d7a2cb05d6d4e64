import { MeterError, isMeterError } from '../errors';
import type { SessionDriver, SessionReadiness } from '../pool/types';
import type { ByteLink } from '../transport/link';
import { assertLineSafe } from './arguments';
import { AtChannel, AtTerminator } from './channel';
import { AtCommand } from './command';
import { login } from './login';

export interface AtDriverOptions {
  terminator?: AtTerminator;
  username?: string;
  password?: string;
  /** Bounds the whole login dialogue (prompt, credentials, acceptance). */
  loginTimeoutMs: number;
  /** For ATE0 and the keep-alive AT. */
  commandTimeoutMs: number;
  /** No prompt within this quiet time means the gateway needs no login (default 300 ms). */
  loginQuietMs?: number;
  /** Passed to the channel: how long a late answer of an abandoned command is dropped. */
  lateAnswerWindowMs?: number;
  /** How long the next command waits for a timed-out command's late answer before the link is reopened (default 1500 ms). */
  lateAnswerGraceMs?: number;
  /**
   * true (default): `ATE1`, and when the gateway then echoes, lines before a command's echo are never taken for
   * its answer (a late answer cannot shift the answers by one). false: `ATE0`, as before (about 10-20% more
   * commands per second on a loopback link, but answers are matched by order and prefix only).
   */
  echo?: boolean;
}

const DEFAULT_LATE_ANSWER_GRACE_MS = 1500;

/**
 * The pool's driver for an AT link: open = channel + optional login + echo setup (`ATE1`, then an `AT` whose
 * echo proves it; an ERROR answer is tolerated and the channel then works without echo); keep-alive = `AT`;
 * a lease timeout abandons the running command so its late answer is dropped; close = dispose.
 */
export function createAtDriver(options: AtDriverOptions): SessionDriver<AtChannel> {
  validateCredentials(options);
  const lateAnswerGraceMs = options.lateAnswerGraceMs ?? DEFAULT_LATE_ANSWER_GRACE_MS;
  return {
    async open(link: ByteLink, signal: AbortSignal): Promise<AtChannel> {
      const channel = new AtChannel(link, { terminator: options.terminator, lateAnswerWindowMs: options.lateAnswerWindowMs });
      try {
        await login(channel, {
          username: options.username,
          password: options.password,
          timeoutMs: options.loginTimeoutMs,
          quietMs: options.loginQuietMs,
          signal,
        });
        await setUpEcho(channel, options.echo ?? true, options.commandTimeoutMs, signal);
        return channel;
      } catch (error) {
        channel.dispose();
        throw error;
      }
    },
    async keepAlive(channel: AtChannel, signal: AbortSignal): Promise<void> {
      await channel.execute(AtCommand.exec(''), { timeoutMs: options.commandTimeoutMs, signal });
    },
    onLeaseTimeout(channel: AtChannel): void {
      channel.abandonPending();
    },
    // A timed-out command's late answer must come before the next command goes out, or the two answers could
    // be confused; a gateway that never answers it is brought back in step by reopening the link.
    readiness(channel: AtChannel): SessionReadiness {
      if (channel.needsReset) return 'reset'; // the link check after an out-of-step answer failed
      const waited = channel.awaitingLateAnswerMs;
      if (waited === undefined) return 'ready';
      return waited < lateAnswerGraceMs ? 'wait' : 'reset';
    },
    async close(channel: AtChannel): Promise<void> {
      channel.dispose();
    },
  };
}

async function setUpEcho(channel: AtChannel, echo: boolean, timeoutMs: number, signal: AbortSignal): Promise<void> {
  try {
    await channel.execute(AtCommand.exec(echo ? 'E1' : 'E0'), { timeoutMs, signal });
  } catch (error) {
    if (isMeterError(error) && error.code === 'E_AT_ERROR') return;
    throw error;
  }
  if (!echo) return;
  // Rely on the echo only once the gateway has shown it echoes (some terminals ignore ATE1).
  await channel.execute(AtCommand.exec(''), { timeoutMs, signal });
  channel.echoExpected = channel.lastEchoSeen;
}

/** Fails at configuration time, without showing the password, when a credential could break the line. */
function validateCredentials(options: AtDriverOptions): void {
  if (options.username !== undefined) assertLineSafe(options.username, 'the login name');
  if (options.password !== undefined) assertLineSafe(options.password, 'the password', false);
  if (!(options.loginTimeoutMs > 0) || !(options.commandTimeoutMs > 0)) {
    throw new MeterError('E_BAD_ARGUMENT', 'loginTimeoutMs and commandTimeoutMs must be positive numbers of milliseconds', {
      details: { loginTimeoutMs: options.loginTimeoutMs, commandTimeoutMs: options.commandTimeoutMs },
    });
  }
}

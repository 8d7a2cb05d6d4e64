import type { ReconnectPolicy } from './types';

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, factor: 2, jitter: 0.2 };

/**
 * The wait before reconnect attempt number `attempt` (0 = the first retry):
 * initialDelayMs * factor^attempt, capped at maxDelayMs, then spread by ±jitter so that many
 * clients of one gateway do not reconnect in lock-step. Never above maxDelayMs, never negative.
 * `random` returns a number in [0, 1) and is injected by tests.
 */
export function backoffDelay(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt);
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * Math.pow(Math.max(1, policy.factor), exponent));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const spread = 1 + jitter * (2 * random() - 1);
  return Math.round(Math.min(policy.maxDelayMs, Math.max(0, base * spread)));
}

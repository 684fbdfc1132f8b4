/**
 * Sign-in failures counted per account and per client address over a sliding window. Past the
 * limit, sign-in is refused without checking the password until the oldest failure leaves the
 * window. Kept in this process's memory: several server processes behind one address count apart.
 */

export interface SignInLimits {
  /** Failures allowed per username within the window. */
  perAccount: number;
  /** Failures allowed per client address within the window (covers guessing across usernames). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Keys tracked before expired entries are swept, so a flood of usernames cannot grow memory forever. */
const SWEEP_AT = 10_000;

export interface SignInLimiter {
  /** Seconds until a sign-in for this account from this address may be tried again, or 0. */
  retryAfter(account: string, address: string): number;
  recordFailure(account: string, address: string): void;
  /** A successful sign-in forgets the account's failures (not the address's). */
  recordSuccess(account: string): void;
}

export function createSignInLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, now: () => number = Date.now): SignInLimiter {
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const cutoff = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const waitFor = (key: string, limit: number): number => {
    const times = recent(key);
    if (times.length < limit) return 0;
    // Allowed again once enough failures have left the window to fall below the limit.
    const freeAt = times[times.length - limit] + limits.windowMs;
    return Math.max(1, Math.ceil((freeAt - now()) / 1000));
  };
  const sweep = () => {
    if (failures.size < SWEEP_AT) return;
    for (const key of [...failures.keys()]) recent(key);
  };

  return {
    retryAfter: (account, address) => Math.max(waitFor(`u:${account}`, limits.perAccount), waitFor(`a:${address}`, limits.perAddress)),
    recordFailure(account, address) {
      sweep();
      for (const key of [`u:${account}`, `a:${address}`]) failures.set(key, [...recent(key), now()]);
    },
    recordSuccess(account) {
      failures.delete(`u:${account}`);
    },
  };
}

import type { DfnsError } from "./errors";

/** How a GET is retried: bounded in attempts and in total time, so a refresh never spins for long. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry starts if its wait would end later than this after the first attempt began. */
  readonly maxTotalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxTotalMs: 20_000,
};

/**
 * Rate limits, gateway errors and broken connections are worth another try; a timeout is not
 * (the server is there but slow: trying again multiplies the wait), nor is anything about the token.
 */
export function isRetryable(error: DfnsError): boolean {
  if (error.kind === "rate-limited" || error.kind === "network") return true;
  return error.kind === "http" && (error.status === 502 || error.status === 503 || error.status === 504);
}

/** The server's Retry-After when it gave one, else exponential backoff with jitter (50-100%). */
export function retryDelayMs(
  attempt: number,
  error: DfnsError,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds * 1000;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

/** Resolves after `ms`, or rejects with `onAbort()` as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}

export interface RetryHooks {
  readonly signal: AbortSignal | undefined;
  readonly cancelled: () => Error;
  readonly onRetry: (error: DfnsError, delayMs: number, attempt: number) => void;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** Runs `attempt` until it succeeds, fails for good, or the policy's budget is spent. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  isDfnsError: (error: unknown) => error is DfnsError,
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let number = 1; ; number++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDfnsError(error) || !isRetryable(error) || number >= policy.maxAttempts) throw error;
      const delay = retryDelayMs(number, error, policy, hooks.random ?? Math.random);
      if (now() + delay - started > policy.maxTotalMs) throw error;
      hooks.onRetry(error, delay, number);
      await sleep(delay, hooks.signal, hooks.cancelled);
    }
  }
}

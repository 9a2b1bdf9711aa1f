/**
 * When to refresh the PAT list on its own. Knows nothing of VS Code: the caller reads the settings,
 * works out whether the view is visible and the window focused, and hands over a refresh function.
 *
 * Rules:
 * - Off by default. A timer exists only while enabled and active (view visible and window focused).
 * - The interval is clamped to 30 s .. 24 h; a missing or non-numeric value means 300 s. Five minutes
 *   because the list changes only when someone creates or revokes a token, each refresh may page
 *   through every PAT (several requests against Dfns rate limits), and a manual refresh is one click.
 * - The next refresh is due one delay after the previous automatic refresh finished. When the
 *   schedule becomes active again it keeps that due time, so a return after more than one interval
 *   away refreshes immediately (on a 0 ms timer, never synchronously inside `setActive`), and a
 *   return sooner waits only for the rest of the interval. Turning it on (or off and on again) starts
 *   afresh: the first refresh comes one full interval after it is first both enabled and active (the
 *   view loads its list itself when first shown).
 * - A failure (false, a rejection or a throw) doubles the delay, up to 8 × the interval but never
 *   more than 24 h; a success resets it. Turning auto-refresh off forgets the failures.
 * - Never two refreshes in flight: the next timer is set only when the current refresh has settled.
 * - `dispose` cancels the timer; a refresh still running then is left to finish and ignored.
 */

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, for "how long ago"; only differences are used. */
  now(): number;
}

export interface AutoRefreshSettings {
  readonly enabled: boolean;
  readonly intervalSeconds: number;
}

export const defaultIntervalSeconds = 300;
export const minIntervalSeconds = 30;
export const maxIntervalSeconds = 24 * 60 * 60;
/** Failures double the delay up to this many times the interval (three failures in a row). */
export const maxBackoffFactor = 8;
const maxDelayMs = maxIntervalSeconds * 1000;

export const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** The interval in seconds a setting value stands for: clamped, with the default for non-numbers. */
export function clampIntervalSeconds(value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) return defaultIntervalSeconds;
  return Math.min(maxIntervalSeconds, Math.max(minIntervalSeconds, value));
}

export class AutoRefresh {
  private enabled = false;
  private active = false;
  private intervalMs = defaultIntervalSeconds * 1000;
  private failureCount = 0;
  /** When the current period started: the last automatic refresh settled, or the schedule was turned on. */
  private periodStart: number | undefined;
  private timer: { handle: unknown; delayMs: number; id: number } | undefined;
  private timerId = 0;
  private inFlight = false;
  private disposed = false;

  constructor(
    private readonly refresh: () => Promise<boolean>,
    private readonly clock: Clock = realClock,
  ) {}

  configure(settings: AutoRefreshSettings): void {
    if (this.disposed) return;
    const enabled = settings.enabled === true;
    const intervalMs = clampIntervalSeconds(settings.intervalSeconds) * 1000;
    if (enabled === this.enabled && intervalMs === this.intervalMs) return;
    if (!enabled) {
      this.failureCount = 0;
      this.periodStart = undefined;
    }
    this.enabled = enabled;
    this.intervalMs = intervalMs;
    this.reschedule();
  }

  /** Pass `view visible && window focused`; repeating the same value changes nothing. */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    this.reschedule();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  /** The delay the pending timer was set with, or `undefined` when none is pending. */
  get nextDelayMs(): number | undefined {
    return this.timer?.delayMs;
  }

  /** The current period: the interval, doubled once per consecutive failure, capped. */
  get currentDelayMs(): number {
    const cap = Math.min(this.intervalMs * maxBackoffFactor, maxDelayMs);
    const factor = 2 ** Math.min(this.failureCount, 30);
    return Math.max(this.intervalMs, Math.min(this.intervalMs * factor, cap));
  }

  get failures(): number {
    return this.failureCount;
  }

  get refreshing(): boolean {
    return this.inFlight;
  }

  private get running(): boolean {
    return !this.disposed && this.enabled && this.active;
  }

  private cancel(): void {
    if (this.timer) {
      this.clock.clearTimeout(this.timer.handle);
      this.timer = undefined;
    }
  }

  /** Sets the one timer from the current state; a refresh in flight sets it when it settles. */
  private reschedule(): void {
    this.cancel();
    if (!this.running || this.inFlight) return;
    const now = this.clock.now();
    if (this.periodStart === undefined) this.periodStart = now;
    const delayMs = Math.max(0, this.periodStart + this.currentDelayMs - now);
    const id = ++this.timerId;
    const handle = this.clock.setTimeout(() => this.fire(id), delayMs);
    this.timer = { handle, delayMs, id };
  }

  private fire(id: number): void {
    // A clock that cannot really cancel (or a late callback) must not start a stale refresh.
    if (this.timer?.id !== id) return;
    this.timer = undefined;
    if (!this.running || this.inFlight) return;
    this.inFlight = true;
    let attempt: Promise<boolean>;
    try {
      attempt = Promise.resolve(this.refresh());
    } catch (error) {
      attempt = Promise.reject(error);
    }
    attempt.then(
      (succeeded) => this.settle(succeeded === true),
      () => this.settle(false),
    );
  }

  private settle(succeeded: boolean): void {
    this.inFlight = false;
    if (this.disposed) return;
    // A refresh that outlived "turned off" does not count: turning off forgot the failures.
    if (this.enabled) {
      this.failureCount = succeeded ? 0 : this.failureCount + 1;
      this.periodStart = this.clock.now();
    }
    this.reschedule();
  }
}

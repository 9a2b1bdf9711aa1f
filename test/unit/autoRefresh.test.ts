import assert from "node:assert/strict";
import { AutoRefresh, type Clock, clampIntervalSeconds } from "../../src/pats/autoRefresh";

/** Timers that run only when the test advances time; nothing really waits. */
class FakeClock implements Clock {
  time = 1_000_000;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  now(): number {
    return this.time;
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward, running due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A refresh whose outcome the test decides, call by call. */
class Refresher {
  calls = 0;
  private pending: ((value: boolean) => void)[] = [];
  /** When set, each call settles at once with this outcome. */
  auto: boolean | undefined = true;

  readonly refresh = (): Promise<boolean> => {
    this.calls++;
    if (this.auto !== undefined) return Promise.resolve(this.auto);
    return new Promise((resolve) => this.pending.push(resolve));
  };

  async finish(succeeded: boolean): Promise<void> {
    const next = this.pending.shift();
    if (!next) throw new Error("no refresh in flight");
    next(succeeded);
    await settle();
  }
}

const second = 1000;

describe("AutoRefresh", () => {
  let clock: FakeClock;
  let refresher: Refresher;
  let auto: AutoRefresh;
  beforeEach(() => {
    clock = new FakeClock();
    refresher = new Refresher();
    auto = new AutoRefresh(refresher.refresh, clock);
  });
  afterEach(() => auto.dispose());

  it("does nothing while off, which is the default, even when active", async () => {
    auto.setActive(true);
    await clock.advance(48 * 3600 * second);
    assert.equal(refresher.calls, 0);
    assert.equal(clock.pending, 0);
    assert.equal(auto.nextDelayMs, undefined);
  });

  it("does nothing while enabled but inactive", async () => {
    auto.configure({ enabled: true, intervalSeconds: 60 });
    await clock.advance(3600 * second);
    assert.equal(refresher.calls, 0);
    assert.equal(clock.pending, 0);
  });

  it("refreshes every interval while enabled and active", async () => {
    auto.configure({ enabled: true, intervalSeconds: 60 });
    auto.setActive(true);
    assert.equal(auto.nextDelayMs, 60 * second);
    await clock.advance(59 * second);
    assert.equal(refresher.calls, 0);
    await clock.advance(1 * second);
    assert.equal(refresher.calls, 1);
    await clock.advance(60 * second);
    assert.equal(refresher.calls, 2);
    assert.equal(auto.nextDelayMs, 60 * second);
    assert.equal(clock.pending, 1);
  });

  it("stops when it becomes inactive, and stops when turned off", async () => {
    auto.configure({ enabled: true, intervalSeconds: 60 });
    auto.setActive(true);
    await clock.advance(60 * second);
    assert.equal(refresher.calls, 1);
    auto.setActive(false);
    assert.equal(clock.pending, 0);
    assert.equal(auto.nextDelayMs, undefined);
    await clock.advance(3600 * second);
    assert.equal(refresher.calls, 1);

    auto.setActive(true);
    await clock.advance(0);
    assert.equal(refresher.calls, 2);
    auto.configure({ enabled: false, intervalSeconds: 60 });
    assert.equal(clock.pending, 0);
    await clock.advance(3600 * second);
    assert.equal(refresher.calls, 2);
  });

  it("refreshes at once on return after more than an interval away, and waits out the rest after a short absence", async () => {
    auto.configure({ enabled: true, intervalSeconds: 100 });
    auto.setActive(true);
    await clock.advance(30 * second);
    auto.setActive(false);
    await clock.advance(20 * second);
    auto.setActive(true);
    assert.equal(auto.nextDelayMs, 50 * second, "the period keeps running across a short absence");
    await clock.advance(50 * second);
    assert.equal(refresher.calls, 1);

    auto.setActive(false);
    await clock.advance(150 * second);
    auto.setActive(true);
    assert.equal(auto.nextDelayMs, 0);
    assert.equal(refresher.calls, 1, "never synchronously inside setActive");
    await clock.advance(0);
    assert.equal(refresher.calls, 2);
    assert.equal(auto.nextDelayMs, 100 * second);
  });

  it("clamps the interval to 30 s .. 24 h and uses 300 s for non-numbers", async () => {
    assert.equal(clampIntervalSeconds(1), 30);
    assert.equal(clampIntervalSeconds(-5), 30);
    assert.equal(clampIntervalSeconds(45), 45);
    assert.equal(clampIntervalSeconds(10 ** 9), 86_400);
    assert.equal(clampIntervalSeconds(Number.POSITIVE_INFINITY), 86_400);
    assert.equal(clampIntervalSeconds(Number.NaN), 300);
    assert.equal(clampIntervalSeconds("60"), 300);
    assert.equal(clampIntervalSeconds(undefined), 300);
    assert.equal(clampIntervalSeconds(null), 300);

    auto.configure({ enabled: true, intervalSeconds: 5 });
    auto.setActive(true);
    assert.equal(auto.nextDelayMs, 30 * second);
    await clock.advance(29 * second);
    assert.equal(refresher.calls, 0);
    await clock.advance(1 * second);
    assert.equal(refresher.calls, 1);

    auto.configure({ enabled: true, intervalSeconds: "soon" as unknown as number });
    assert.equal(auto.nextDelayMs, 300 * second);
  });

  it("doubles the delay after each failure, up to 8 × the interval", async () => {
    refresher.auto = false;
    auto.configure({ enabled: true, intervalSeconds: 60 });
    auto.setActive(true);
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      await clock.advance(auto.nextDelayMs ?? 0);
      delays.push(auto.nextDelayMs);
    }
    assert.equal(refresher.calls, 5);
    assert.equal(auto.failures, 5);
    assert.deepEqual(
      delays.map((ms) => (ms ?? 0) / second),
      [120, 240, 480, 480, 480],
    );
  });

  it("caps the backed-off delay at 24 h for long intervals", async () => {
    refresher.auto = false;
    auto.configure({ enabled: true, intervalSeconds: 6 * 3600 });
    auto.setActive(true);
    for (let i = 0; i < 4; i++) await clock.advance(auto.nextDelayMs ?? 0);
    assert.equal(refresher.calls, 4);
    assert.equal(auto.nextDelayMs, 24 * 3600 * second);
  });

  it("resets the delay after a success", async () => {
    refresher.auto = false;
    auto.configure({ enabled: true, intervalSeconds: 60 });
    auto.setActive(true);
    await clock.advance(60 * second);
    await clock.advance(120 * second);
    assert.equal(auto.nextDelayMs, 240 * second);
    refresher.auto = true;
    await clock.advance(240 * second);
    assert.equal(refresher.calls, 3);
    assert.equal(auto.failures, 0);
    assert.equal(auto.nextDelayMs, 60 * second);
  });

  it("never overlaps: a slow refresh delays the next one until it settles", async () => {
    refresher.auto = undefined;
    auto.configure({ enabled: true, intervalSeconds: 30 });
    auto.setActive(true);
    await clock.advance(30 * second);
    assert.equal(refresher.calls, 1);
    assert.equal(auto.refreshing, true);
    // Whatever happens meanwhile, no second refresh starts.
    auto.setActive(false);
    auto.setActive(true);
    auto.configure({ enabled: true, intervalSeconds: 31 });
    await clock.advance(10 * 30 * second);
    assert.equal(refresher.calls, 1);
    assert.equal(clock.pending, 0);
    await refresher.finish(true);
    assert.equal(auto.refreshing, false);
    assert.equal(auto.nextDelayMs, 31 * second, "the next period starts when the refresh settles");
    await clock.advance(31 * second);
    assert.equal(refresher.calls, 2);
  });

  it("dispose cancels the timer and ignores a refresh that settles afterwards", async () => {
    refresher.auto = undefined;
    auto.configure({ enabled: true, intervalSeconds: 30 });
    auto.setActive(true);
    await clock.advance(30 * second);
    assert.equal(refresher.calls, 1);
    auto.dispose();
    await refresher.finish(false);
    assert.equal(clock.pending, 0);
    auto.setActive(false);
    auto.setActive(true);
    auto.configure({ enabled: true, intervalSeconds: 60 });
    await clock.advance(3600 * second);
    assert.equal(refresher.calls, 1);
    assert.equal(clock.pending, 0);
  });

  it("dispose before the first refresh cancels it", async () => {
    auto.configure({ enabled: true, intervalSeconds: 30 });
    auto.setActive(true);
    assert.equal(clock.pending, 1);
    auto.dispose();
    assert.equal(clock.pending, 0);
    await clock.advance(3600 * second);
    assert.equal(refresher.calls, 0);
  });

  it("counts a throwing or rejecting refresh as a failure, without an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let mode: "throw" | "reject" = "throw";
      const failing = new AutoRefresh(() => {
        if (mode === "throw") throw new Error("sync boom");
        return Promise.reject(new Error("async boom"));
      }, clock);
      failing.configure({ enabled: true, intervalSeconds: 30 });
      failing.setActive(true);
      await clock.advance(30 * second);
      assert.equal(failing.failures, 1);
      assert.equal(failing.nextDelayMs, 60 * second);
      mode = "reject";
      await clock.advance(60 * second);
      assert.equal(failing.failures, 2);
      assert.equal(failing.nextDelayMs, 120 * second);
      assert.equal(failing.refreshing, false);
      failing.dispose();
      await settle();
      assert.deepEqual(unhandled, []);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("turning off forgets failures, and turning back on waits a full interval", async () => {
    refresher.auto = false;
    auto.configure({ enabled: true, intervalSeconds: 60 });
    auto.setActive(true);
    await clock.advance(60 * second);
    assert.equal(auto.failures, 1);
    auto.configure({ enabled: false, intervalSeconds: 60 });
    assert.equal(auto.failures, 0);
    await clock.advance(3600 * second);
    auto.configure({ enabled: true, intervalSeconds: 60 });
    assert.equal(auto.nextDelayMs, 60 * second);
  });
});

import assert from "node:assert/strict";
import { DfnsError } from "../../src/dfns/errors";
import { defaultRetryPolicy, isRetryable, retryDelayMs } from "../../src/dfns/retry";

const host = "api.dfns.io";

describe("retry policy", () => {
  it("retries rate limits, gateway errors and network failures only", () => {
    const retryable = [
      new DfnsError("rate-limited", { host }),
      new DfnsError("network", { host, reason: "reset" }),
      new DfnsError("http", { host, status: 502 }),
      new DfnsError("http", { host, status: 503 }),
      new DfnsError("http", { host, status: 504 }),
    ];
    const final = [
      new DfnsError("unauthorized", { host, status: 401 }),
      new DfnsError("forbidden", { host, status: 403 }),
      new DfnsError("http", { host, status: 500 }),
      new DfnsError("http", { host, status: 404 }),
      new DfnsError("timeout", { host }),
      new DfnsError("redirect", { host, status: 302 }),
      new DfnsError("bad-response", { host }),
      new DfnsError("cancelled", { host }),
    ];
    assert.deepEqual(
      retryable.map(isRetryable),
      retryable.map(() => true),
    );
    assert.deepEqual(
      final.map(isRetryable),
      final.map(() => false),
    );
  });

  it("backs off exponentially with 50-100% jitter, capped", () => {
    const error = new DfnsError("network", { host });
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(
      retryDelayMs(1, error, policy, () => 1),
      100,
    );
    assert.equal(
      retryDelayMs(1, error, policy, () => 0),
      50,
    );
    assert.equal(
      retryDelayMs(3, error, policy, () => 1),
      400,
    );
    assert.equal(
      retryDelayMs(10, error, policy, () => 1),
      1000,
    );
  });

  it("uses the server's Retry-After when there is one", () => {
    const error = new DfnsError("rate-limited", { host, retryAfterSeconds: 7 });
    assert.equal(
      retryDelayMs(1, error, defaultRetryPolicy, () => 0),
      7000,
    );
  });
});

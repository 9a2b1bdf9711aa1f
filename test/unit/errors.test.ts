import assert from "node:assert/strict";
import { DfnsError, parseRetryAfter, readApiError } from "../../src/dfns/errors";

describe("Dfns errors", () => {
  it("reads the current and legacy error bodies and a bare message", () => {
    assert.deepEqual(readApiError('{"error":{"id":"e-1","status":403,"message":"denied"}}'), {
      apiMessage: "denied",
      errorId: "e-1",
    });
    assert.deepEqual(readApiError('{"error":{"message":"Not Authorized."}}'), {
      apiMessage: "Not Authorized.",
    });
    assert.deepEqual(readApiError('{"message":"flat"}'), { apiMessage: "flat" });
  });

  it("finds nothing in HTML, empty or odd bodies", () => {
    for (const body of ["<html></html>", "", "null", "[]", '{"error":"text"}', '{"error":{"message":""}}']) {
      assert.deepEqual(readApiError(body), {}, body);
    }
  });

  it("clips a huge API message", () => {
    const { apiMessage } = readApiError(JSON.stringify({ error: { message: "x".repeat(10_000) } }));
    assert.equal(apiMessage?.length, 301);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-03T12:00:00Z");
    assert.equal(parseRetryAfter("30", now), 30);
    assert.equal(parseRetryAfter("Thu, 03 Dec 2026 12:01:00 GMT", now), 60);
    assert.equal(parseRetryAfter("Thu, 03 Dec 2026 11:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it("writes one actionable sentence per kind", () => {
    const host = "api.dfns.io";
    assert.equal(
      new DfnsError("unauthorized", { host }).message,
      "Token rejected by api.dfns.io: Not Authorized.",
    );
    assert.equal(
      new DfnsError("redirect", { host, status: 301, location: "https://x.example/" }).message,
      "api.dfns.io answered 301 redirecting to https://x.example/; not followed, so the token stays with api.dfns.io",
    );
    assert.equal(
      new DfnsError("network", { host, reason: "connection refused" }).message,
      "Cannot reach api.dfns.io: connection refused",
    );
  });
});

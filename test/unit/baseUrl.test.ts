import assert from "node:assert/strict";
import { checkBaseUrl, isLoopbackHost } from "../../src/dfns/baseUrl";

describe("checkBaseUrl", () => {
  const accepted: [string, string][] = [
    ["https://api.dfns.io", "https://api.dfns.io"],
    ["https://api.dfns.io/", "https://api.dfns.io"],
    ["  https://api.uae.dfns.io  ", "https://api.uae.dfns.io"],
    ["https://gateway.example.com/dfns/", "https://gateway.example.com/dfns"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["http://localhost:8080/prefix", "http://localhost:8080/prefix"],
    ["http://[::1]:9000", "http://[::1]:9000"],
  ];
  for (const [input, url] of accepted) {
    it(`accepts ${input.trim()}`, () => assert.deepEqual(checkBaseUrl(input), { ok: true, url }));
  }

  const refused: [string, RegExp][] = [
    ["", /Enter the base URL/],
    ["api.dfns.io", /not a URL/],
    ["http://api.dfns.io", /Use https:\/\//],
    ["http://10.0.0.5", /Use https:\/\//],
    ["ftp://api.dfns.io", /must start with https/],
    ["https://user:pass@api.dfns.io", /user name and password/],
    ["https://api.dfns.io/?x=1", /query/],
    ["https://api.dfns.io/#top", /fragment/],
    ["https://api.dfns.io?", /query/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const check = checkBaseUrl(input);
      assert.equal(check.ok, false);
      assert.match(check.ok ? "" : check.message, message);
    });
  }

  it("knows loopback hosts", () => {
    assert.equal(isLoopbackHost("127.0.0.1"), true);
    assert.equal(isLoopbackHost("127.1.2.3"), true);
    assert.equal(isLoopbackHost("[::1]"), true);
    assert.equal(isLoopbackHost("localhost"), true);
    assert.equal(isLoopbackHost("localhost.example.com"), false);
    assert.equal(isLoopbackHost("128.0.0.1"), false);
  });
});

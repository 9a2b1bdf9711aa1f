import assert from "node:assert/strict";
import { createServer, type Socket } from "node:net";
import { DfnsClient, type DfnsClientOptions } from "../../src/dfns/client";
import { DfnsError, type DfnsErrorKind } from "../../src/dfns/errors";
import type { Logger } from "../../src/util/logger";
import { DfnsSimulator, type Fault } from "../sim/simulator";
import { tokenFingerprint } from "../sim/tokens";

/** Collects log lines so tests can check both what is said and that no token is. */
class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug = (message: string) => this.lines.push(message);
  info = (message: string) => this.lines.push(message);
  warn = (message: string) => this.lines.push(message);
  error = (message: string) => this.lines.push(message);
}

async function failure(promise: Promise<unknown>): Promise<DfnsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DfnsError, `expected a DfnsError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to fail");
}

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

describe("DfnsClient against the simulator", () => {
  let sim: DfnsSimulator;
  let token: string;
  let logger: MemoryLogger;

  // Error mapping is tested one request at a time; the retry tests below set their own policy.
  const noRetry = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxTotalMs: 0 };
  const quickRetry = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100, maxTotalMs: 5000 };
  const client = (overrides: Partial<DfnsClientOptions> = {}) =>
    new DfnsClient({
      baseUrl: sim.url,
      token,
      timeoutMs: 2000,
      maxResponseBytes: 8 * 1024 * 1024,
      logger,
      retry: noRetry,
      ...overrides,
    });
  const apiRequests = () => sim.requests.filter((request) => request.url.startsWith("/auth/pats")).length;

  before(async () => {
    sim = await DfnsSimulator.start({ patCount: 12, seed: 7 });
  });
  after(() => sim.stop());
  beforeEach(() => {
    sim.reset();
    token = sim.issueToken();
    logger = new MemoryLogger();
  });
  afterEach(() => {
    for (const line of logger.lines) assert.ok(!line.includes(token), `token leaked into the log: ${line}`);
  });

  it("lists and parses every PAT the API returns", async () => {
    const { pats, invalid } = await client().listPats();
    assert.equal(pats.length, 12);
    assert.equal(invalid.length, 0);
    const raw = sim.pats as { tokenId: string }[];
    assert.deepEqual(pats.map((pat) => pat.tokenId).sort(), raw.map((item) => item.tokenId).sort());
  });

  it("sends the token as a Bearer header, asks for JSON, and sends no App ID unless given", async () => {
    await client().listPats();
    const request = sim.requests.at(-1);
    assert.equal(request?.method, "GET");
    assert.equal(request?.url, "/auth/pats");
    assert.equal(request?.authorization.scheme, "Bearer");
    assert.equal(request?.authorization.fingerprint, tokenFingerprint(token));
    assert.equal(request?.headers.accept, "application/json");
    assert.equal(request?.headers["x-dfns-appid"], undefined);
    // The simulator redacts an issued token wherever it finds one: it found one only in Authorization.
    const { authorization: _sent, ...otherHeaders } = request?.headers ?? {};
    const elsewhere = { ...otherHeaders, url: request?.url };
    assert.equal(JSON.stringify(elsewhere).includes("<redacted"), false, JSON.stringify(elsewhere));
  });

  it("sends X-DFNS-APPID when an App ID is given", async () => {
    sim.configure({ appId: "ap-test-app" });
    await client({ appId: "ap-test-app" }).listPats();
    assert.equal(sim.requests.at(-1)?.headers["x-dfns-appid"], "ap-test-app");
    const rejected = await failure(client({ appId: "ap-other" }).listPats());
    assert.equal(rejected.kind, "unauthorized");
  });

  it("ignores proxy environment variables: proxies are VS Code's to apply", async () => {
    // A proxy that is not there: a client that honoured these would fail to connect.
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
    process.env.HTTP_PROXY = "http://127.0.0.1:9";
    process.env.http_proxy = "http://127.0.0.1:9";
    try {
      const { pats } = await client().listPats();
      assert.equal(pats.length, 12);
      assert.equal(sim.requests.at(-1)?.url, "/auth/pats", "the request reached the API directly");
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("works under a base URL with a path prefix", async () => {
    const prefixed = await DfnsSimulator.start({ basePath: "/gateway/dfns", patCount: 2 });
    try {
      const prefixedToken = prefixed.issueToken();
      const { pats } = await new DfnsClient({
        baseUrl: `${prefixed.url}/gateway/dfns/`,
        token: prefixedToken,
        timeoutMs: 2000,
        maxResponseBytes: 1024 * 1024,
        logger,
      }).listPats();
      assert.equal(pats.length, 2);
    } finally {
      await prefixed.stop();
    }
  });

  it("follows nextPageToken when the API pages", async () => {
    sim.configure({ pageSize: 5 });
    const { pats } = await client().listPats();
    assert.equal(pats.length, 12);
    assert.equal(sim.requests.filter((request) => request.url.startsWith("/auth/pats")).length, 3);
  });

  it("stops after maxPages and says so in the log", async () => {
    sim.configure({ pageSize: 2 });
    const { pats } = await client({ maxPages: 2 }).listPats();
    assert.equal(pats.length, 4);
    assert.ok(logger.lines.some((line) => /Stopped after 2 pages/.test(line)));
  });

  it("keeps valid items and reports invalid ones", async () => {
    const items = [
      ...(sim.pats as object[]).slice(0, 2),
      { tokenId: "to-broken", name: "broken", isActive: "no" },
    ];
    sim.setPats(items);
    const { pats, invalid } = await client().listPats();
    assert.equal(pats.length, 2);
    assert.equal(invalid[0]?.tokenId, "to-broken");
  });

  it("maps an unknown, revoked or expired token to 401 'unauthorized'", async () => {
    assert.equal((await failure(client({ token: "not-issued-test-token" }).listPats())).kind, "unauthorized");
    const expired = sim.issueToken({ expiresInSeconds: -60 });
    assert.equal((await failure(client({ token: expired }).listPats())).kind, "unauthorized");
    sim.revokeToken(token);
    const revoked = await failure(client().listPats());
    assert.equal(revoked.kind, "unauthorized");
    assert.match(revoked.message, /Token rejected by 127\.0\.0\.1:\d+: Not Authorized\./);
  });

  const statusCases: [string, Fault, DfnsErrorKind, RegExp][] = [
    [
      "403 with the missing operation",
      {
        kind: "status",
        status: 403,
        message: "CustomerEmployee us-1 is not authorized to perform operation (Auth:Types:Pat)",
      },
      "forbidden",
      /Auth:Types:Pat/,
    ],
    [
      "401 in the legacy body shape",
      { kind: "status", status: 401, style: "legacy", message: "Not Authorized." },
      "unauthorized",
      /Not Authorized\./,
    ],
    [
      "429 with Retry-After",
      { kind: "status", status: 429, retryAfter: 17 },
      "rate-limited",
      /retry in 17 s/,
    ],
    ["429 without Retry-After", { kind: "status", status: 429 }, "rate-limited", /retry in a minute/],
    [
      "404",
      { kind: "status", status: 404, message: "Route not found" },
      "http",
      /answered 404: Route not found \(error id /,
    ],
    [
      "500 with an error id",
      { kind: "status", status: 500, message: "Internal error" },
      "http",
      /answered 500: Internal error \(error id [^)]+\)/,
    ],
    ["502 with an HTML page", { kind: "html", status: 502 }, "http", /answered 502: an HTML error page/],
    ["an empty 200", { kind: "empty", status: 200 }, "bad-response", /the body is empty/],
    ["truncated JSON", { kind: "malformed" }, "bad-response", /malformed or truncated JSON/],
    [
      "JSON of the wrong shape",
      { kind: "raw", status: 200, body: '{"data":[]}' },
      "bad-response",
      /"items" to be an array, got no items/,
    ],
    [
      "a 200 HTML page",
      { kind: "raw", status: 200, body: "<html>login</html>", contentType: "text/html" },
      "bad-response",
      /HTML page instead of JSON/,
    ],
  ];
  for (const [what, fault, kind, message] of statusCases) {
    it(`maps ${what}`, async () => {
      sim.setFault(fault);
      const error = await failure(client().listPats());
      assert.equal(error.kind, kind);
      assert.match(error.message, message);
      assert.ok(
        logger.lines.some((line) => line.includes(error.message)),
        "the failure is logged",
      );
    });
  }

  it("reads a 429's Retry-After as seconds", async () => {
    sim.setFault({ kind: "status", status: 429, retryAfter: 42 });
    assert.equal((await failure(client().listPats())).retryAfterSeconds, 42);
  });

  it("never follows a redirect and says where it pointed", async () => {
    sim.setFault({ kind: "redirect", status: 302, location: "https://elsewhere.example/auth/pats" });
    const error = await failure(client().listPats());
    assert.equal(error.kind, "redirect");
    assert.equal(error.location, "https://elsewhere.example/auth/pats");
    assert.equal(sim.requests.length, 1);
  });

  it("refuses a response larger than the limit", async () => {
    sim.setFault({ kind: "huge", megabytes: 3 });
    const error = await failure(client({ maxResponseBytes: 1024 * 1024 }).listPats());
    assert.equal(error.kind, "bad-response");
    assert.match(error.message, /larger than the 1 MB limit/);
  });

  it("times out on a server that never answers", async () => {
    sim.setFault({ kind: "hang" });
    const error = await failure(client({ timeoutMs: 300 }).listPats());
    assert.equal(error.kind, "timeout");
  });

  it("reports a dropped connection and a reset mid-body as network errors", async () => {
    sim.setFault({ kind: "drop", times: 1 });
    assert.equal((await failure(client().listPats())).kind, "network");
    sim.setFault({ kind: "reset-mid-body", times: 1 });
    const reset = await failure(client().listPats());
    assert.equal(reset.kind, "network");
    assert.match(reset.message, /^Cannot reach .+: the connection broke while reading the response$/);
  });

  it("reports a refused connection with the host", async () => {
    const port = await closedPort();
    const error = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).listPats());
    assert.equal(error.kind, "network");
    assert.equal(error.message, `Cannot reach 127.0.0.1:${port}: connection refused`);
  });

  it("reports a DNS failure with the host name", async () => {
    // The resolver is replaced, so no query leaves the machine; axios still takes its real path.
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND api.dfns.invalid"), {
      code: "ENOTFOUND",
    });
    const error = await failure(
      client({
        baseUrl: "https://api.dfns.invalid",
        lookup: (_hostname: string, _options: object, callback: (error: Error) => void) => callback(notFound),
      } as Partial<DfnsClientOptions>).listPats(),
    );
    assert.equal(error.kind, "network");
    assert.equal(error.message, "Cannot reach api.dfns.invalid: host not found (DNS)");
  });

  it("reports a TLS failure", async () => {
    // A server that answers the TLS handshake in plain text, as a misconfigured port or proxy does.
    const sockets: Socket[] = [];
    const plain = createServer((socket) => {
      sockets.push(socket);
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const address = plain.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const error = await failure(client({ baseUrl: `https://127.0.0.1:${port}` }).listPats());
      assert.equal(error.kind, "network");
      assert.match(error.message, /^Cannot reach 127\.0\.0\.1:\d+: TLS error \(\w+\)/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  it("maps a 409 like any other status, with the API's message", async () => {
    sim.setFault({ kind: "status", status: 409, message: "Conflict" });
    const error = await failure(client().listPats());
    assert.equal(error.kind, "http");
    assert.match(error.message, /answered 409: Conflict/);
  });

  it("rejects nulls and wrong types in the body precisely", async () => {
    sim.setFault({ kind: "raw", status: 200, body: '{"items":null}' });
    assert.match((await failure(client().listPats())).message, /"items" to be an array, got null/);
    sim.setFault({ kind: "raw", status: 200, body: '{"items":[null,1,{"tokenId":"to-x"}]}' });
    const { pats, invalid } = await client().listPats();
    assert.equal(pats.length, 0);
    assert.deepEqual(
      invalid.map((item) => item.reason),
      [
        "the item is null, expected an object",
        "the item is a number, expected an object",
        "isActive is missing, expected a boolean",
      ],
    );
  });

  it("can be cancelled", async () => {
    sim.setFault({ kind: "latency", ms: 2000 });
    const abort = new AbortController();
    const pending = client().listPats(abort.signal);
    setTimeout(() => abort.abort(), 50);
    assert.equal((await failure(pending)).kind, "cancelled");
  });

  it("refuses to send a token over plain http to a non-loopback host", () => {
    assert.throws(
      () =>
        new DfnsClient({
          baseUrl: "http://api.dfns.io",
          token,
          timeoutMs: 1000,
          maxResponseBytes: 1,
          logger,
        }),
      /Refusing to send a token/,
    );
  });

  describe("retries", () => {
    it("retries 502, 503, 504 and dropped connections, then succeeds", async () => {
      for (const fault of [
        { kind: "status", status: 503, times: 2 },
        { kind: "status", status: 502, times: 1 },
        { kind: "status", status: 504, times: 1 },
        { kind: "drop", times: 2 },
      ] as Fault[]) {
        sim.clearRequests();
        sim.setFault(fault);
        const { pats } = await client({ retry: quickRetry }).listPats();
        assert.equal(pats.length, 12);
        assert.equal(apiRequests(), (fault.times ?? 0) + 1, JSON.stringify(fault));
      }
      assert.ok(logger.lines.some((line) => /Retrying GET \/auth\/pats in \d+\.\d s/.test(line)));
    });

    it("waits as long as Retry-After says before trying again", async () => {
      sim.setFault({ kind: "status", status: 429, retryAfter: 1, times: 1 });
      const started = Date.now();
      await client({ retry: quickRetry }).listPats();
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      assert.equal(apiRequests(), 2);
    });

    it("gives up after the last attempt with the last error", async () => {
      sim.setFault({ kind: "status", status: 503 });
      const error = await failure(client({ retry: { ...quickRetry, maxAttempts: 3 } }).listPats());
      assert.equal(error.status, 503);
      assert.equal(apiRequests(), 3);
    });

    it("does not wait past its time budget: a long Retry-After fails at once", async () => {
      sim.setFault({ kind: "status", status: 429, retryAfter: 120 });
      const error = await failure(client({ retry: quickRetry }).listPats());
      assert.equal(error.kind, "rate-limited");
      assert.equal(apiRequests(), 1);
    });

    it("never retries a rejected token, a 500 or a timeout", async () => {
      for (const fault of [
        { kind: "status", status: 401 },
        { kind: "status", status: 500 },
        { kind: "hang" },
      ] as Fault[]) {
        sim.clearRequests();
        sim.setFault(fault);
        await failure(client({ retry: quickRetry, timeoutMs: 300 }).listPats());
        assert.equal(apiRequests(), 1, JSON.stringify(fault));
      }
    });

    it("stops waiting as soon as it is cancelled", async () => {
      sim.setFault({ kind: "status", status: 503 });
      const abort = new AbortController();
      const pending = client({
        retry: { ...quickRetry, baseDelayMs: 5000, maxDelayMs: 5000, maxTotalMs: 60_000 },
      }).listPats(abort.signal);
      setTimeout(() => abort.abort(), 200);
      const started = Date.now();
      assert.equal((await failure(pending)).kind, "cancelled");
      assert.ok(Date.now() - started < 1000);
    });
  });
});

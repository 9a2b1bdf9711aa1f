// Tests for the Dfns API simulator: real HTTP against a started instance on loopback.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { SimulatorControl } from "../sim/control";
import { FULL_ADMIN, generatePats, identityFor, mulberry32, OPERATIONS, type PatItem } from "../sim/data";
import { parseFault } from "../sim/faults";
import { type HttpError, type HttpResponse, httpRequest } from "../sim/http";
import { parseArgs, startFromArgs } from "../sim/main";
import { DfnsSimulator } from "../sim/simulator";
import { decodeJwtPayload, TokenStore, tokenFingerprint } from "../sim/tokens";

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;
const ID = "[0-9a-hjkmnp-tv-z]";
const idRe = (prefix: string) => new RegExp(`^${prefix}-${ID}{5}-${ID}{5}-${ID}{16}$`);
const OP_RE = /^[A-Z][A-Za-z]*(:[A-Z][A-Za-z]*)+$/;

async function rejection(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    return err as HttpError;
  }
  assert.fail("expected the request to fail");
}

function json(res: HttpResponse): Record<string, unknown> {
  return JSON.parse(res.body) as Record<string, unknown>;
}

/** Asserts the current Dfns error body and returns its message. */
function currentError(res: HttpResponse, status: number): string {
  assert.equal(res.status, status);
  assert.equal(res.headers["content-type"], "application/json");
  const err = json(res).error as Record<string, unknown>;
  assert.deepEqual(Object.keys(err).sort(), ["details", "id", "message", "status"]);
  assert.equal(err.status, status);
  assert.match(String(err.id), /^[0-9a-f]{24}$/);
  assert.equal(typeof err.message, "string");
  return err.message as string;
}

function checkShape(p: PatItem): void {
  assert.deepEqual(Object.keys(p).sort(), [
    "credId",
    "dateCreated",
    "isActive",
    "kind",
    "linkedAppId",
    "linkedUserId",
    "name",
    "orgId",
    "permissionAssignments",
    "publicKey",
    "tokenId",
  ]);
  assert.match(p.tokenId, idRe("to"));
  assert.match(p.linkedUserId, idRe("us"));
  assert.match(p.orgId, idRe("or"));
  assert.ok(p.linkedAppId === "" || idRe("ap").test(p.linkedAppId), p.linkedAppId);
  assert.ok(p.publicKey === "" || /^SHA256:[A-Za-z0-9+/]{43}$/.test(p.publicKey), p.publicKey);
  assert.ok(p.credId === "" || /^[A-Za-z0-9_-]{43}$/.test(p.credId), p.credId);
  assert.equal(typeof p.isActive, "boolean");
  assert.equal(typeof p.kind, "string");
  assert.ok(p.name.length > 0);
  const t = Date.parse(p.dateCreated);
  assert.equal(new Date(t).toISOString(), p.dateCreated, "ISO 8601 UTC");
  assert.ok(t <= NOW && t >= NOW - 731 * DAY, p.dateCreated);
  for (const a of p.permissionAssignments) {
    assert.equal(typeof a.permissionName, "string");
    assert.match(a.permissionId, idRe("pm"));
    assert.ok(a.assignmentId === "" || idRe("as").test(a.assignmentId), a.assignmentId);
    if ("operations" in a) {
      assert.ok(Array.isArray(a.operations));
      for (const op of a.operations ?? []) assert.match(op, OP_RE);
    }
  }
}

describe("sim data", () => {
  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      xs,
      Array.from({ length: 100 }, () => b()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.ok(new Set(xs).size > 95);
  });

  it("same seed and now give identical output; another seed differs", () => {
    const one = generatePats(50, { seed: 3, now: NOW });
    assert.deepEqual(generatePats(50, { seed: 3, now: NOW }), one);
    const other = generatePats(50, { seed: 4, now: NOW });
    assert.notDeepEqual(
      other.map((p) => p.tokenId),
      one.map((p) => p.tokenId),
    );
  });

  it("every PAT has the documented fields and types, unique names, one owner", () => {
    const pats = generatePats(300, { seed: 11, now: NOW });
    assert.equal(pats.length, 300);
    for (const p of pats) checkShape(p);
    assert.equal(new Set(pats.map((p) => p.name)).size, 300);
    assert.equal(new Set(pats.map((p) => p.tokenId)).size, 300);
    const who = identityFor(11);
    assert.ok(pats.every((p) => p.linkedUserId === who.userId && p.orgId === who.orgId));
  });

  it("mixes in the edge cases the client must handle", () => {
    const pats = generatePats(300, { seed: 11, now: NOW });
    const all = pats.flatMap((p) => p.permissionAssignments);
    const inactive = pats.filter((p) => !p.isActive).length / pats.length;
    assert.ok(inactive > 0.1 && inactive < 0.3, `inactive ratio ${inactive}`);
    assert.ok(pats.some((p) => p.credId === ""));
    assert.ok(pats.some((p) => p.publicKey === ""));
    assert.ok(pats.filter((p) => p.linkedAppId === "").length > 150);
    assert.ok(pats.some((p) => p.kind !== "Pat"));
    assert.ok(pats.filter((p) => p.kind === "Pat").length > 250);
    assert.ok(pats.some((p) => p.permissionAssignments.length === 0));
    assert.ok(all.some((a) => !("operations" in a)));
    assert.ok(all.some((a) => a.assignmentId === ""));
    assert.ok(all.some((a) => a.permissionName === FULL_ADMIN));
  });

  it("small demo-sized lists still contain every edge case", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const pats = generatePats(25, { seed, now: NOW });
      const all = pats.flatMap((p) => p.permissionAssignments);
      assert.ok(
        pats.some((p) => !p.isActive),
        `seed ${seed} inactive`,
      );
      assert.ok(
        pats.some((p) => p.credId === ""),
        `seed ${seed} credId`,
      );
      assert.ok(
        pats.some((p) => p.kind !== "Pat"),
        `seed ${seed} kind`,
      );
      assert.ok(
        all.some((a) => a.permissionName === FULL_ADMIN),
        `seed ${seed} admin`,
      );
      assert.ok(
        all.some((a) => a.operations === undefined),
        `seed ${seed} no operations`,
      );
      for (const p of pats) checkShape(p);
    }
  });

  it("fixes the shape for the benchmark: 3 assignments x 40 operations", () => {
    const pats = generatePats(60, { seed: 5, now: NOW, assignmentsPerPat: 3, operationsPerAssignment: 40 });
    for (const p of pats) {
      checkShape(p);
      assert.equal(p.permissionAssignments.length, 3);
      assert.equal(new Set(p.permissionAssignments.map((a) => a.permissionId)).size, 3);
      for (const a of p.permissionAssignments) {
        assert.equal(a.operations?.length, 40);
        assert.equal(new Set(a.operations).size, 40);
      }
    }
  });

  it("can exceed the operation catalogue and the permission catalogue", () => {
    const [p] = generatePats(1, {
      now: NOW,
      assignmentsPerPat: 20,
      operationsPerAssignment: OPERATIONS.length + 5,
    });
    assert.ok(p);
    assert.equal(p.permissionAssignments.length, 20);
    for (const a of p.permissionAssignments) assert.equal(new Set(a.operations).size, OPERATIONS.length + 5);
  });
});

describe("sim tokens", () => {
  const who = identityFor(1);

  it("issues random JWT-shaped tokens with the Dfns claims", () => {
    const store = new TokenStore(who);
    const t = store.issue();
    assert.notEqual(store.issue(), t);
    const parts = t.split(".");
    assert.equal(parts.length, 3);
    for (const part of parts) assert.match(part, /^[A-Za-z0-9_-]+$/);
    const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as unknown;
    assert.deepEqual(header, { alg: "EdDSA", typ: "JWT" });
    const payload = decodeJwtPayload(t);
    assert.ok(payload);
    assert.equal(payload.iss, "auth.dfns.io");
    assert.equal(payload.sub, who.userId);
    assert.equal((payload.exp as number) - (payload.iat as number), 3600);
    assert.ok(Math.abs((payload.iat as number) - Date.now() / 1000) < 5);
    assert.deepEqual(payload["https://custom/app_metadata"], {
      userId: who.userId,
      orgId: who.orgId,
      tokenKind: "Pat",
    });
  });

  it("tracks opaque, revoked, expired and unknown tokens", () => {
    const store = new TokenStore(who);
    const opaque = store.issue({ format: "opaque" });
    assert.ok(!opaque.includes("."));
    assert.equal(decodeJwtPayload(opaque), undefined);
    assert.equal(store.status(opaque), "ok");
    const t = store.issue();
    assert.equal(store.revoke(t), true);
    assert.equal(store.revoke(t), false);
    assert.equal(store.status(t), "revoked");
    const old = store.issue({ expiresInSeconds: -60 });
    assert.equal(store.status(old), "expired");
    assert.ok((decodeJwtPayload(old)?.exp as number) < Date.now() / 1000);
    assert.equal(store.status("eyJ.nope.x"), "unknown");
    assert.equal(store.redact(`a ${t} b`), `a <redacted ${tokenFingerprint(t)}> b`);
  });
});

describe("DfnsSimulator", function () {
  this.timeout(20_000);
  let sim: DfnsSimulator;
  let token: string;
  const get = (p: string, headers: Record<string, string> = {}, timeoutMs = 5000) =>
    httpRequest(sim.url + p, { headers, timeoutMs });
  const auth = (t: string = token) => ({ authorization: `Bearer ${t}`, accept: "application/json" });

  before(async () => {
    sim = await DfnsSimulator.start({ seed: 7, now: NOW });
    token = sim.issueToken();
  });
  after(() => sim.stop());
  beforeEach(() => sim.reset());

  describe("GET /auth/pats", () => {
    it("listens on a free loopback port", () => {
      assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(sim.url, "http://127.0.0.1:0");
    });

    it("returns 200 {items} with the seeded PATs as JSON", async () => {
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json");
      const body = json(res);
      assert.deepEqual(Object.keys(body), ["items"]);
      const items = body.items as PatItem[];
      assert.equal(items.length, 25);
      assert.deepEqual(items, generatePats(25, { seed: 7, now: NOW }));
      for (const p of items) checkShape(p);
      assert.ok(items.every((p) => p.linkedUserId === sim.identity.userId));
    });

    it("accepts an opaque non-JWT token and a lower-case scheme", async () => {
      const opaque = sim.issueToken({ format: "opaque" });
      assert.equal((await get("/auth/pats", auth(opaque))).status, 200);
      assert.equal((await get("/auth/pats", { authorization: `bearer ${token}` })).status, 200);
    });

    it("answers 401 Not Authorized. for missing, malformed, unknown, revoked and expired tokens", async () => {
      const revoked = sim.issueToken();
      assert.equal(sim.revokeToken(revoked), true);
      const expired = sim.issueToken({ expiresInSeconds: -60 });
      const cases: Record<string, string>[] = [
        {},
        { authorization: "" },
        { authorization: "Bearer" },
        { authorization: `Basic ${token}` },
        { authorization: token },
        auth(`${token}x`),
        auth("not-a-token"),
        auth(revoked),
        auth(expired),
      ];
      for (const headers of cases) {
        const res = await get("/auth/pats", headers);
        assert.equal(currentError(res, 401), "Not Authorized.", JSON.stringify(Object.keys(headers)));
      }
      assert.equal((await get("/auth/pats", auth())).status, 200, "the good token still works");
    });

    it("ignores X-DFNS-APPID when no app id is configured", async () => {
      assert.equal((await get("/auth/pats", { ...auth(), "x-dfns-appid": "ap-anything" })).status, 200);
    });

    it("serves raw items verbatim, malformed ones included", async () => {
      const raw = [
        { tokenId: 42 },
        "not an object",
        null,
        { name: "only-a-name", permissionAssignments: "x" },
      ];
      sim.setPats(raw);
      const res = await get("/auth/pats", auth());
      assert.deepEqual(json(res), { items: raw });
      sim.setPats([]);
      assert.deepEqual(json(await get("/auth/pats", auth())), { items: [] });
    });

    it("answers 404 for unknown paths and 405 for other methods", async () => {
      for (const p of ["/", "/auth/pats/", "/auth/pat", "/v1/auth/pats", "/auth/pats/to-1"]) {
        assert.equal(currentError(await get(p, auth()), 404), "Not Found", p);
      }
      for (const method of ["POST", "PUT", "DELETE"]) {
        const res = await httpRequest(`${sim.url}/auth/pats`, { method, headers: auth(), body: "{}" });
        currentError(res, 405);
        assert.equal(res.headers.allow, "GET");
      }
    });

    it("generate() replaces the list with the requested shape", async () => {
      sim.generate(4, { assignmentsPerPat: 3, operationsPerAssignment: 40 });
      const items = json(await get("/auth/pats", auth())).items as PatItem[];
      assert.equal(items.length, 4);
      assert.ok(items.every((p) => p.permissionAssignments.every((a) => a.operations?.length === 40)));
    });
  });

  describe("request log", () => {
    it("records method, url and headers but never the raw token", async () => {
      await get("/auth/pats", { ...auth(), "x-dfns-appid": "ap-123" });
      assert.equal(sim.requests.length, 1);
      const [r] = sim.requests;
      assert.ok(r);
      assert.equal(r.method, "GET");
      assert.equal(r.url, "/auth/pats");
      assert.equal(r.headers.accept, "application/json");
      assert.equal(r.headers["x-dfns-appid"], "ap-123");
      assert.equal(r.headers.authorization, "Bearer <redacted>");
      assert.deepEqual(r.authorization, {
        present: true,
        scheme: "Bearer",
        fingerprint: tokenFingerprint(token),
      });
      assert.ok(!Number.isNaN(Date.parse(r.at)));
    });

    it("redacts issued tokens wherever they appear and records unauthenticated calls", async () => {
      await get(`/auth/pats?leak=${token}`, { ...auth(), "x-debug": `copy ${token}` });
      await get("/auth/pats");
      const text = JSON.stringify(sim.requests);
      const signature = token.split(".")[2] ?? "";
      assert.ok(signature.length > 20);
      assert.ok(!text.includes(token) && !text.includes(signature), "raw token leaked into the log");
      assert.ok(sim.requests[0]?.url.includes(`<redacted ${tokenFingerprint(token)}>`));
      assert.deepEqual(sim.requests[1]?.authorization, { present: false });
      assert.equal(sim.requests[1]?.headers.authorization, undefined);
    });

    it("does not record control API calls", async () => {
      await new SimulatorControl(sim.url).info();
      assert.equal(sim.requests.length, 0);
    });
  });

  describe("faults", () => {
    it("403 with the current body names the denied operation", async () => {
      sim.setFault({ kind: "status", status: 403 });
      const message = currentError(await get("/auth/pats", auth()), 403);
      assert.equal(
        message,
        `CustomerEmployee ${sim.identity.userId} is not authorized to perform operation (Auth:Types:Pat)`,
      );
    });

    it("any status with current, legacy or bare bodies", async () => {
      for (const status of [400, 401, 404, 409, 500, 503]) {
        sim.setFault({ kind: "status", status, details: { reason: "test" } });
        const res = await get("/auth/pats", auth());
        currentError(res, status);
        assert.deepEqual((json(res).error as Record<string, unknown>).details, { reason: "test" });
      }
      sim.setFault({ kind: "status", status: 500, style: "legacy" });
      const legacy = await get("/auth/pats", auth());
      assert.equal(legacy.status, 500);
      assert.deepEqual(json(legacy), { error: { message: "Internal Server Error" } });
      sim.setFault({ kind: "status", status: 400, style: "bare", message: "bad thing" });
      assert.deepEqual(json(await get("/auth/pats", auth())), { message: "bad thing" });
    });

    it("429 with and without Retry-After", async () => {
      sim.setFault({ kind: "status", status: 429, retryAfter: 7 });
      const withHeader = await get("/auth/pats", auth());
      assert.equal(withHeader.status, 429);
      assert.equal(withHeader.headers["retry-after"], "7");
      sim.setFault({ kind: "status", status: 429 });
      const without = await get("/auth/pats", auth());
      assert.equal(currentError(without, 429), "Too many requests. Rate limit exceeded.");
      assert.equal(without.headers["retry-after"], undefined);
    });

    it("faults come before auth, like a proxy or a failing server", async () => {
      sim.setFault({ kind: "status", status: 503 });
      assert.equal((await get("/auth/pats")).status, 503);
    });

    it("an HTML 502 from a proxy", async () => {
      sim.setFault({ kind: "html" });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 502);
      assert.equal(res.headers["content-type"], "text/html");
      assert.match(res.body, /^<html>[\s\S]*502 Bad Gateway/);
      assert.throws(() => JSON.parse(res.body));
    });

    it("an empty body", async () => {
      sim.setFault({ kind: "empty", status: 503 });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 503);
      assert.equal(res.body, "");
      assert.equal(res.headers["content-length"], "0");
      assert.equal(res.headers["content-type"], undefined);
    });

    it("malformed (truncated) JSON with 200", async () => {
      const full = (await get("/auth/pats", auth())).body;
      sim.setFault({ kind: "malformed" });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-type"], "application/json");
      assert.ok(res.body.length > 10 && res.body.length < full.length);
      assert.ok(full.startsWith(res.body));
      assert.throws(() => JSON.parse(res.body), SyntaxError);
    });

    it("an arbitrary raw body, status, content type and headers", async () => {
      sim.setFault({
        kind: "raw",
        status: 418,
        body: "nope",
        contentType: "text/plain",
        headers: { "x-a": "b" },
      });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 418);
      assert.equal(res.body, "nope");
      assert.equal(res.headers["content-type"], "text/plain");
      assert.equal(res.headers["x-a"], "b");
    });

    it("a huge but valid JSON body, with or without Content-Length", async () => {
      sim.setFault({ kind: "huge", megabytes: 2 });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 200);
      assert.ok(Buffer.byteLength(res.body) >= 2 * 1024 * 1024);
      assert.equal(res.headers["content-length"], String(Buffer.byteLength(res.body)));
      const items = json(res).items as PatItem[];
      assert.ok(items.length > 500);
      assert.equal(new Set(items.map((p) => p.tokenId)).size, items.length);
      sim.setFault({ kind: "huge", megabytes: 1, chunked: true });
      const chunked = await get("/auth/pats", auth());
      assert.equal(chunked.headers["content-length"], undefined);
      assert.equal(chunked.headers["transfer-encoding"], "chunked");
      assert.ok(Buffer.byteLength(chunked.body) >= 1024 * 1024);
      JSON.parse(chunked.body);
    });

    it("latency delays then answers normally; delayMs delays another fault", async () => {
      sim.setFault({ kind: "latency", ms: 300 });
      let start = Date.now();
      const res = await get("/auth/pats", auth());
      assert.ok(Date.now() - start >= 280, `took ${Date.now() - start}ms`);
      assert.equal(res.status, 200);
      assert.equal((json(res).items as unknown[]).length, 25);
      sim.setFault({ kind: "status", status: 503, delayMs: 200 });
      start = Date.now();
      assert.equal((await get("/auth/pats", auth())).status, 503);
      assert.ok(Date.now() - start >= 180);
    });

    it("hang never answers (the client's timeout fires) and the server stays usable", async () => {
      sim.setFault({ kind: "hang" });
      const start = Date.now();
      const err = await rejection(get("/auth/pats", auth(), 300));
      assert.equal(err.code, "ETIMEDOUT");
      assert.ok(Date.now() - start >= 280);
      sim.setFault(undefined);
      assert.equal((await get("/auth/pats", auth())).status, 200);
    });

    it("drop destroys the socket before any response", async () => {
      sim.setFault({ kind: "drop" });
      const err = await rejection(get("/auth/pats", auth()));
      assert.equal(err.code, "ECONNRESET");
      assert.equal(err.status, undefined);
    });

    it("reset-mid-body sends a 200 and part of the body, then cuts the connection", async () => {
      const full = Buffer.byteLength((await get("/auth/pats", auth())).body);
      sim.setFault({ kind: "reset-mid-body" });
      const err = await rejection(get("/auth/pats", auth()));
      assert.equal(err.code, "ABORTED");
      assert.equal(err.status, 200);
      assert.ok(err.received !== undefined && err.received > 0 && err.received < full, `${err.received}`);
    });

    it("redirects, by default to another origin", async () => {
      sim.setFault({ kind: "redirect" });
      const res = await get("/auth/pats", auth());
      assert.equal(res.status, 302);
      assert.equal(res.headers.location, "https://attacker.example/auth/pats");
      sim.setFault({ kind: "redirect", status: 307, location: "/elsewhere" });
      const custom = await get("/auth/pats", auth());
      assert.equal(custom.status, 307);
      assert.equal(custom.headers.location, "/elsewhere");
    });

    it("`times` applies the fault to the next N requests, then clears it", async () => {
      sim.setFault({ kind: "status", status: 503, times: 2 });
      assert.equal((await get("/auth/pats", auth())).status, 503);
      assert.ok(sim.currentFault);
      assert.equal((await get("/auth/pats", auth())).status, 503);
      assert.equal(sim.currentFault, undefined);
      assert.equal((await get("/auth/pats", auth())).status, 200);
      sim.setFault({ kind: "drop", times: 1 });
      await rejection(get("/auth/pats", auth()));
      assert.equal((await get("/auth/pats", auth())).status, 200);
    });

    it("parseFault validates untrusted faults", () => {
      assert.equal(parseFault(null), undefined);
      assert.deepEqual(parseFault({ kind: "status", status: 429, retryAfter: 3 }), {
        kind: "status",
        status: 429,
        retryAfter: 3,
      });
      for (const bad of [
        [],
        "status",
        { kind: "nope" },
        { kind: "status" },
        { kind: "status", status: 700 },
        { kind: "status", status: 42.5 },
        { kind: "hang", times: -1 },
        { kind: "latency", ms: "10" },
        { kind: "raw", status: 200 },
        { kind: "huge", megabytes: 10_000 },
      ]) {
        assert.throws(() => parseFault(bad), Error, JSON.stringify(bad));
      }
    });
  });

  describe("control API (SimulatorControl)", () => {
    it("round-trips every endpoint", async () => {
      const ctl = new SimulatorControl(sim.url);
      const info = await ctl.info();
      assert.equal(info.url, sim.url);
      assert.deepEqual(info.identity, sim.identity);
      assert.equal(info.patCount, 25);
      assert.equal(info.fault, null);

      const t = await ctl.issueToken();
      assert.equal(decodeJwtPayload(t)?.sub, sim.identity.userId);
      assert.equal((await get("/auth/pats", auth(t))).status, 200);

      await ctl.setFault({ kind: "status", status: 403, times: 1 });
      assert.equal((await ctl.info()).fault?.kind, "status");
      assert.equal((await get("/auth/pats", auth(t))).status, 403);
      await ctl.setFault({ kind: "status", status: 500 });
      await ctl.setFault(null);
      assert.equal((await get("/auth/pats", auth(t))).status, 200);

      assert.equal(await ctl.setPats([{ tokenId: 1 }, "x", null]), 3);
      assert.deepEqual(json(await get("/auth/pats", auth(t))), { items: [{ tokenId: 1 }, "x", null] });
      assert.equal(await ctl.generate(5, { assignmentsPerPat: 3, operationsPerAssignment: 40 }), 5);
      const items = json(await get("/auth/pats", auth(t))).items as PatItem[];
      assert.ok(items.every((p) => p.permissionAssignments.length === 3));

      const log = await ctl.requests();
      assert.ok(log.length >= 5);
      assert.ok(!JSON.stringify(log).includes(t));
      assert.equal(log.at(-1)?.authorization.fingerprint, tokenFingerprint(t));
      await ctl.clearRequests();
      assert.deepEqual(await ctl.requests(), []);

      await ctl.configure({ pageSize: 2 });
      assert.equal(typeof json(await get("/auth/pats", auth(t))).nextPageToken, "string");
      await ctl.configure({ pageSize: null, appId: "ap-x" });
      assert.equal((await get("/auth/pats", { ...auth(t), "x-dfns-appid": "ap-y" })).status, 401);

      assert.equal(await ctl.revokeToken(t), true);
      assert.equal(await ctl.revokeToken(t), false);
      assert.equal((await get("/auth/pats", auth(t))).status, 401);

      const expired = await ctl.issueToken({ expiresInSeconds: -5 });
      assert.equal((await get("/auth/pats", auth(expired))).status, 401);

      await ctl.setFault({ kind: "hang" });
      await ctl.reset();
      const after = await ctl.info();
      assert.equal(after.patCount, 25);
      assert.equal(after.fault, null);
      assert.deepEqual(after.config, {}, "JSON drops the unset settings");
      assert.equal((await get("/auth/pats", auth())).status, 200, "tokens survive reset");
    });

    it("rejects bad input with 400 and unknown endpoints with 404", async () => {
      const ctl = new SimulatorControl(sim.url);
      await assert.rejects(ctl.setFault({ kind: "nope" } as never), /400.*unknown fault kind/);
      await assert.rejects(ctl.configure({ pageSize: 0 }), /400/);
      await assert.rejects(ctl.generate(-1), /400/);
      await assert.rejects(ctl.issueToken({ expiresInSeconds: "soon" } as never), /400/);
      const badJson = await httpRequest(`${sim.url}/_sim/fault`, { method: "POST", body: "{" });
      currentError(badJson, 400);
      currentError(await httpRequest(`${sim.url}/_sim/nothing`), 404);
      assert.equal(sim.currentFault, undefined);
    });
  });
});

describe("DfnsSimulator options and lifecycle", function () {
  this.timeout(20_000);
  const sims: DfnsSimulator[] = [];
  const start = async (opts: Parameters<typeof DfnsSimulator.start>[0]) => {
    const s = await DfnsSimulator.start(opts);
    sims.push(s);
    return s;
  };
  after(() => Promise.all(sims.map((s) => s.stop())));

  it("app id: matching or missing header is fine, a different one is 401", async () => {
    const s = await start({ appId: "ap-3bd2s-ab12c-0123456789abcdef", now: NOW });
    const h = { authorization: `Bearer ${s.issueToken()}` };
    const url = `${s.url}/auth/pats`;
    assert.equal((await httpRequest(url, { headers: h })).status, 200);
    const same = { ...h, "x-dfns-appid": "ap-3bd2s-ab12c-0123456789abcdef" };
    assert.equal((await httpRequest(url, { headers: same })).status, 200);
    const other = await httpRequest(url, { headers: { ...h, "x-dfns-appid": "ap-other" } });
    assert.equal(other.status, 401);
    assert.equal((json(other).error as Record<string, unknown>).message, "Not Authorized.");
  });

  it("pagination: limit, paginationToken and nextPageToken", async () => {
    const s = await start({ pageSize: 10, patCount: 25, seed: 9, now: NOW });
    const h = { authorization: `Bearer ${s.issueToken()}` };
    const pages: unknown[][] = [];
    let next: string | undefined;
    do {
      const q = next === undefined ? "" : `?paginationToken=${encodeURIComponent(next)}`;
      const body = json(await httpRequest(`${s.url}/auth/pats${q}`, { headers: h }));
      pages.push(body.items as unknown[]);
      next = body.nextPageToken as string | undefined;
    } while (next !== undefined && pages.length < 10);
    assert.deepEqual(
      pages.map((p) => p.length),
      [10, 10, 5],
    );
    assert.deepEqual(pages.flat(), generatePats(25, { seed: 9, now: NOW }));

    const three = json(await httpRequest(`${s.url}/auth/pats?limit=3`, { headers: h }));
    assert.equal((three.items as unknown[]).length, 3);
    assert.equal(typeof three.nextPageToken, "string");
    const capped = json(await httpRequest(`${s.url}/auth/pats?limit=500`, { headers: h }));
    assert.equal((capped.items as unknown[]).length, 10);
    currentError(await httpRequest(`${s.url}/auth/pats?limit=0`, { headers: h }), 400);
    currentError(await httpRequest(`${s.url}/auth/pats?paginationToken=garbage`, { headers: h }), 400);
  });

  it("without pageSize, query parameters are ignored like the real endpoint", async () => {
    const s = await start({ patCount: 12, now: NOW });
    const res = await httpRequest(`${s.url}/auth/pats?limit=2`, {
      headers: { authorization: `Bearer ${s.issueToken()}` },
    });
    assert.deepEqual(Object.keys(json(res)), ["items"]);
    assert.equal((json(res).items as unknown[]).length, 12);
  });

  it("serves under a base path", async () => {
    const s = await start({ basePath: "/api/v1/", patCount: 3 });
    const h = { authorization: `Bearer ${s.issueToken()}` };
    assert.equal((await httpRequest(`${s.url}/api/v1/auth/pats`, { headers: h })).status, 200);
    assert.equal((await httpRequest(`${s.url}/auth/pats`, { headers: h })).status, 404);
  });

  it("same seed gives the same PATs, but tokens are per simulator", async () => {
    const a = await start({ seed: 21, now: NOW });
    const b = await start({ seed: 21, now: NOW });
    assert.notEqual(a.url, b.url);
    const ta = a.issueToken();
    const ra = await httpRequest(`${a.url}/auth/pats`, { headers: { authorization: `Bearer ${ta}` } });
    const rb = await httpRequest(`${b.url}/auth/pats`, {
      headers: { authorization: `Bearer ${b.issueToken()}` },
    });
    assert.equal(ra.body, rb.body);
    assert.equal(
      (await httpRequest(`${b.url}/auth/pats`, { headers: { authorization: `Bearer ${ta}` } })).status,
      401,
    );
  });

  it("refuses to listen beyond loopback", async () => {
    await assert.rejects(DfnsSimulator.start({ host: "0.0.0.0" }), /non-loopback/);
  });

  it("stop() frees hung requests promptly and is idempotent", async () => {
    const s = await start({});
    s.setFault({ kind: "hang" });
    const pending = rejection(httpRequest(`${s.url}/auth/pats`, { timeoutMs: 10_000 }));
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const began = Date.now();
    await s.stop();
    await s.stop();
    assert.ok(Date.now() - began < 1000);
    assert.equal((await pending).code, "ECONNRESET");
  });
});

describe("simulator CLI", function () {
  this.timeout(20_000);

  it("parses flags", () => {
    assert.deepEqual(parseArgs([]), { port: 0, count: 25, seed: 1, json: false });
    assert.deepEqual(
      parseArgs([
        "--port",
        "8787",
        "--count",
        "3",
        "--seed",
        "9",
        "--app-id",
        "ap-1",
        "--page-size",
        "2",
        "--json",
      ]),
      { port: 8787, count: 3, seed: 9, appId: "ap-1", pageSize: 2, json: true },
    );
    assert.throws(() => parseArgs(["--count", "-1"]), /--count/);
    assert.throws(() => parseArgs(["--port"]), /--port/);
    assert.throws(() => parseArgs(["--bogus"]), /unknown argument/);
  });

  it("startFromArgs prints a URL and a working token", async () => {
    const lines: string[] = [];
    const { sim, token } = await startFromArgs(["--count", "4", "--seed", "2"], (l) => lines.push(l));
    try {
      const out = lines.join("\n");
      assert.ok(out.includes(sim.url));
      assert.ok(lines.includes(token));
      const res = await httpRequest(`${sim.url}/auth/pats`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal((json(res).items as unknown[]).length, 4);
      const exp = decodeJwtPayload(token)?.exp as number;
      assert.ok(exp - Date.now() / 1000 > 23 * 3600);
    } finally {
      await sim.stop();
    }
  });

  it("runs as a process and exits cleanly on SIGTERM", async () => {
    const main = path.join(__dirname, "..", "sim", "main.js");
    const child = spawn(process.execPath, [main, "--json", "--count", "2"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buf = "";
        child.stdout.on("data", (c: Buffer) => {
          buf += c.toString();
          if (buf.includes("\n")) resolve(buf.split("\n")[0] ?? "");
        });
        child.on("exit", (code) => reject(new Error(`exited early with ${code}`)));
      });
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      const res = await httpRequest(`${url}/auth/pats`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((json(res).items as unknown[]).length, 2);
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

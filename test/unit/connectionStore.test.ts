import assert from "node:assert/strict";
import {
  type ConnectionInfo,
  ConnectionStore,
  connectionSecretKey,
  connectionsIndexKey,
} from "../../src/connections/connectionStore";
import { MemorySecrets } from "./memorySecrets";

function fakeJwt(payload: unknown): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none" })}.${encode(payload)}.fake`;
}

function orgToken(orgId: string, userId = "us-test", exp = 1_900_000_000): string {
  return fakeJwt({ exp, sub: userId, "https://custom/app_metadata": { orgId, userId } });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("ConnectionStore", () => {
  it("starts with no connection", async () => {
    assert.deepEqual(await new ConnectionStore(new MemorySecrets()).list(), []);
  });

  it("keeps each connection's URL, token and App ID in a secret of its own, listed by an index", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    const token = orgToken("or-test");
    const added = await store.add({ baseUrl: "https://api.dfns.io/", token, appId: "ap-test" });
    assert.deepEqual(
      [...secrets.values.keys()].sort(),
      [connectionSecretKey(added.id), connectionsIndexKey].sort(),
    );
    // The index holds ids and names only: no token in it.
    assert.equal(secrets.values.get(connectionsIndexKey)?.includes(token), false);
    const [fresh] = await new ConnectionStore(secrets).list();
    assert.equal(fresh?.id, added.id);
    assert.equal(fresh?.baseUrl, "https://api.dfns.io");
    assert.equal(fresh?.host, "api.dfns.io");
    assert.equal(fresh?.appId, "ap-test");
    assert.equal(fresh?.claims?.orgId, "or-test");
    assert.equal(fresh?.label, "or-test");
    assert.equal(fresh?.claims?.expiresAt?.getTime(), 1_900_000_000_000);
  });

  it("accepts an opaque token (not a JWT): no claims, labelled by its host", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    const info = await store.add({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    assert.equal(info.token, "opaque-test-token");
    assert.equal(info.claims, undefined);
    assert.equal(info.label, "api.dfns.io");
    assert.equal("appId" in info, false);
  });

  it("refuses to store an unsafe URL", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    await assert.rejects(store.add({ baseUrl: "http://api.dfns.io", token: "t" }), /https/);
    assert.deepEqual(await store.list(), []);
  });

  it("holds several connections in the order added, each named, renamed and removed on its own", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    const prod = await store.add(
      { baseUrl: "https://api.dfns.io", token: orgToken("or-prod") },
      { name: "prod" },
    );
    const staging = await store.add({ baseUrl: "https://api.dfns.ninja", token: orgToken("or-staging") });
    assert.deepEqual(
      (await store.list()).map((c) => [c.label, c.host]),
      [
        ["prod", "api.dfns.io"],
        ["or-staging", "api.dfns.ninja"],
      ],
    );
    await store.rename(staging.id, "  staging  ");
    assert.equal((await store.find(staging.id))?.label, "staging");
    await store.rename(prod.id, "");
    assert.equal((await store.find(prod.id))?.label, "or-prod", "an empty name falls back to the org");
    await store.remove(prod.id);
    assert.deepEqual(
      (await store.list()).map((c) => c.id),
      [staging.id],
    );
    assert.equal(secrets.values.has(connectionSecretKey(prod.id)), false, "the removed token is deleted");
    assert.equal(secrets.values.has(connectionSecretKey(staging.id)), true);
  });

  it("replaces the token when the same login signs in again, rather than adding a twin", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    const first = await store.add(
      { baseUrl: "https://api.dfns.io", token: orgToken("or-a", "us-1", 1) },
      { name: "mine" },
    );
    const again = await store.add({ baseUrl: "https://api.dfns.io", token: orgToken("or-a", "us-1", 2) });
    assert.equal(again.id, first.id);
    assert.equal(again.label, "mine", "the name is kept");
    assert.equal((await store.list()).length, 1);
    // Another user of the same org, or the same org elsewhere, is another connection.
    await store.add({ baseUrl: "https://api.dfns.io", token: orgToken("or-a", "us-2") });
    await store.add({ baseUrl: "https://api.uae.dfns.io", token: orgToken("or-a", "us-1") });
    assert.equal((await store.list()).length, 3);
  });

  it("gives a named connection a new token with replaceId, whatever the token says", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    const old = await store.add({ baseUrl: "https://api.dfns.io", token: "opaque-old" });
    const renewed = await store.add(
      { baseUrl: "https://api.dfns.io", token: "opaque-new" },
      { replaceId: old.id },
    );
    assert.equal(renewed.id, old.id);
    assert.deepEqual(
      (await store.list()).map((c) => c.token),
      ["opaque-new"],
    );
  });

  it("does not lose a connection when two are added at once", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    await Promise.all([
      store.add({ baseUrl: "https://api.dfns.io", token: "opaque-one" }),
      store.add({ baseUrl: "https://api.dfns.io", token: "opaque-two" }),
    ]);
    assert.deepEqual((await store.list()).map((c) => c.token).sort(), ["opaque-one", "opaque-two"]);
  });

  it("forgets everything on clear", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    await store.add({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    await store.add({ baseUrl: "https://api.dfns.ninja", token: "opaque-other-token" });
    await store.clear();
    assert.equal(secrets.values.size, 0);
    assert.deepEqual(await store.list(), []);
  });

  it("fires once per change, including changes made by another window", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    await store.list();
    const seen: (readonly ConnectionInfo[])[] = [];
    store.onDidChange((list) => seen.push(list));
    const added = await store.add({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    await tick();
    assert.equal(seen.length, 1);
    // Another window gives the connection a new token, then signs out.
    await secrets.store(
      connectionSecretKey(added.id),
      JSON.stringify({ baseUrl: "https://api.uae.dfns.io", token: "other-test" }),
    );
    await tick();
    assert.equal(seen.at(-1)?.[0]?.host, "api.uae.dfns.io");
    assert.equal((await store.list())[0]?.token, "other-test");
    await secrets.delete(connectionsIndexKey);
    await tick();
    assert.equal(seen.length, 3);
    assert.deepEqual(seen.at(-1), []);
  });

  it("skips stored values that do not read as a connection", async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(
      connectionsIndexKey,
      JSON.stringify([
        { id: "a" },
        { id: "b" },
        { id: "c" },
        { id: "d" },
        { id: "ok", name: "fine" },
        7,
        { id: "" },
      ]),
    );
    secrets.values.set(connectionSecretKey("a"), "not json");
    secrets.values.set(connectionSecretKey("b"), "[]");
    secrets.values.set(
      connectionSecretKey("c"),
      JSON.stringify({ baseUrl: "http://evil.example", token: "t" }),
    );
    // "d" has no secret at all (deleted by a window that crashed half way).
    secrets.values.set(
      connectionSecretKey("ok"),
      JSON.stringify({ baseUrl: "https://api.dfns.io", token: "t" }),
    );
    assert.deepEqual(
      (await new ConnectionStore(secrets).list()).map((c) => c.label),
      ["fine"],
    );
    for (const raw of ["not json", "{}", "null"]) {
      const broken = new MemorySecrets();
      broken.values.set(connectionsIndexKey, raw);
      assert.deepEqual(await new ConnectionStore(broken).list(), [], raw);
    }
  });

  it("lets a sign-in win over a read that started before it", async () => {
    /** Its first read answers only when released, with what the storage held when it was asked. */
    class SlowFirstRead extends MemorySecrets {
      release: () => void = () => undefined;
      private first = true;
      override get(key: string): Promise<string | undefined> {
        if (!this.first) return super.get(key);
        this.first = false;
        const before = this.values.get(key);
        return new Promise((resolve) => {
          this.release = () => resolve(before);
        });
      }
    }
    const secrets = new SlowFirstRead();
    const store = new ConnectionStore(secrets);
    const firstRead = store.list();
    await store.add({ baseUrl: "https://api.dfns.io", token: "new-test-token" });
    // The first read answers only now, with the empty storage it saw: it must not win.
    secrets.release();
    assert.equal((await firstRead)[0]?.token, "new-test-token");
    assert.equal((await store.list())[0]?.token, "new-test-token");
  });
});

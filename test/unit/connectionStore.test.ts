import assert from "node:assert/strict";
import {
  type ConnectionInfo,
  ConnectionStore,
  connectionSecretKey,
} from "../../src/connections/connectionStore";
import { MemorySecrets } from "./memorySecrets";

function fakeJwt(payload: unknown): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none" })}.${encode(payload)}.fake`;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("ConnectionStore", () => {
  it("starts signed out", async () => {
    assert.equal(await new ConnectionStore(new MemorySecrets()).get(), undefined);
  });

  it("keeps URL, token and App ID together in one secret and reads them back with claims", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    const token = fakeJwt({ exp: 1_900_000_000, "https://custom/app_metadata": { orgId: "or-test" } });
    await store.set({ baseUrl: "https://api.dfns.io/", token, appId: "ap-test" });
    assert.deepEqual([...secrets.values.keys()], [connectionSecretKey]);
    const fresh = await new ConnectionStore(secrets).get();
    assert.equal(fresh?.baseUrl, "https://api.dfns.io");
    assert.equal(fresh?.host, "api.dfns.io");
    assert.equal(fresh?.appId, "ap-test");
    assert.equal(fresh?.claims?.orgId, "or-test");
    assert.equal(fresh?.claims?.expiresAt?.getTime(), 1_900_000_000_000);
  });

  it("accepts an opaque token (not a JWT) without claims", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    await store.set({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    const info = await store.get();
    assert.equal(info?.token, "opaque-test-token");
    assert.equal(info?.claims, undefined);
    assert.equal("appId" in (info ?? {}), false);
  });

  it("refuses to store an unsafe URL", async () => {
    const store = new ConnectionStore(new MemorySecrets());
    await assert.rejects(store.set({ baseUrl: "http://api.dfns.io", token: "t" }), /https/);
    assert.equal(await store.get(), undefined);
  });

  it("forgets everything on clear", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    await store.set({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    await store.clear();
    assert.equal(secrets.values.size, 0);
    assert.equal(await store.get(), undefined);
  });

  it("fires once per change, including changes made by another window", async () => {
    const secrets = new MemorySecrets();
    const store = new ConnectionStore(secrets);
    await store.get();
    const seen: (ConnectionInfo | undefined)[] = [];
    store.onDidChange((info) => seen.push(info));
    await store.set({ baseUrl: "https://api.dfns.io", token: "opaque-test-token" });
    await tick();
    assert.equal(seen.length, 1);
    // Another window signs in elsewhere, then signs out.
    await secrets.store(
      connectionSecretKey,
      JSON.stringify({ baseUrl: "https://api.uae.dfns.io", token: "other-test" }),
    );
    await tick();
    assert.equal(seen.at(-1)?.host, "api.uae.dfns.io");
    assert.equal((await store.get())?.token, "other-test");
    await secrets.delete(connectionSecretKey);
    await tick();
    assert.equal(seen.length, 3);
    assert.equal(seen.at(-1), undefined);
  });

  it("treats an unreadable or unsafe stored value as signed out", async () => {
    for (const raw of ["not json", "[]", JSON.stringify({ baseUrl: "http://evil.example", token: "t" })]) {
      const secrets = new MemorySecrets();
      secrets.values.set(connectionSecretKey, raw);
      assert.equal(await new ConnectionStore(secrets).get(), undefined, raw);
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
    const firstRead = store.get();
    await store.set({ baseUrl: "https://api.dfns.io", token: "new-test-token" });
    secrets.release();
    assert.equal((await firstRead)?.token, "new-test-token");
    assert.equal((await store.get())?.token, "new-test-token");
  });
});

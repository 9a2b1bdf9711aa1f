import assert from "node:assert/strict";
import { decodeTokenClaims } from "../../src/dfns/jwt";

function fakeJwt(payload: unknown): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none" })}.${encode(payload)}.not-a-signature`;
}

describe("decodeTokenClaims", () => {
  it("reads expiry, org and user from a Dfns-style JWT", () => {
    const claims = decodeTokenClaims(
      fakeJwt({
        exp: 1_800_000_000,
        sub: "us-sub",
        "https://custom/app_metadata": { orgId: "or-1", userId: "us-1" },
      }),
    );
    assert.deepEqual(claims, { expiresAt: new Date(1_800_000_000_000), orgId: "or-1", userId: "us-1" });
  });

  it("falls back to sub for the user and tolerates missing claims", () => {
    assert.deepEqual(decodeTokenClaims(fakeJwt({ sub: "us-sub" })), { userId: "us-sub" });
    assert.deepEqual(decodeTokenClaims(fakeJwt({ exp: "soon" })), {});
  });

  it("returns undefined for tokens that are not JWTs", () => {
    assert.equal(decodeTokenClaims("opaque-test-token"), undefined);
    assert.equal(decodeTokenClaims("a.b.c"), undefined);
    assert.equal(decodeTokenClaims(`x.${Buffer.from("[1,2]").toString("base64url")}.y`), undefined);
  });
});

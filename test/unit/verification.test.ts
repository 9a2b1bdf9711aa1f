import assert from "node:assert/strict";
import { verificationOutcome } from "../../src/connections/verification";
import { DfnsError } from "../../src/dfns/errors";

const host = "api.dfns.io";

describe("sign-in verification", () => {
  it("saves a token that listed PATs", () => {
    assert.deepEqual(verificationOutcome(undefined), { action: "save" });
  });

  it("never keeps a rejected token, nor one whose URL redirects", () => {
    assert.equal(verificationOutcome(new DfnsError("unauthorized", { host })).action, "refuse");
    assert.equal(verificationOutcome(new DfnsError("redirect", { host, status: 302 })).action, "refuse");
    const refused = verificationOutcome(new DfnsError("unauthorized", { host }));
    assert.equal(
      refused.action === "refuse" ? refused.message : "",
      "Token rejected by api.dfns.io: Not Authorized. Nothing was saved.",
    );
  });

  it("says a 403's reason once, in one sentence", () => {
    const outcome = verificationOutcome(
      new DfnsError("forbidden", { host, apiMessage: "missing Auth:Types:Pat" }),
    );
    assert.equal(
      outcome.action === "ask" ? outcome.message : "",
      "The token works but may not list tokens: missing Auth:Types:Pat. Keep it anyway?",
    );
  });

  it("asks when the check says nothing about the token", () => {
    for (const error of [
      new DfnsError("network", { host, reason: "connection refused" }),
      new DfnsError("timeout", { host }),
      new DfnsError("rate-limited", { host }),
      new DfnsError("http", { host, status: 503 }),
      new DfnsError("forbidden", { host, apiMessage: "missing Auth:Types:Pat" }),
    ]) {
      const outcome = verificationOutcome(error);
      assert.equal(outcome.action, "ask", error.kind);
      assert.match(outcome.action === "ask" ? outcome.message : "", /Keep it anyway\?$/);
    }
  });
});

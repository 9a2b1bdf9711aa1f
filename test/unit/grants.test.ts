import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import type { Pat } from "../../src/dfns/types";
import { allOperations, describeThrough, operationPattern, tokensGranting } from "../../src/pats/grants";
import { rawPat } from "./fixtures";

function assignment(name: string, operations: string[] | undefined, id = name) {
  return { permissionName: name, permissionId: `pm-${id}`, assignmentId: `as-${id}`, operations };
}

const pats: readonly Pat[] = parsePatPage({
  items: [
    rawPat({
      tokenId: "to-wallets",
      name: "wallet bot",
      permissionAssignments: [
        assignment("Wallet readers", ["Wallets:Read", "Wallets:Create"]),
        assignment("Signers", ["Wallets:GenerateSignature", "Keys:Read"]),
      ],
    }),
    rawPat({
      tokenId: "to-auth",
      name: "auth admin",
      permissionAssignments: [
        assignment("Auth", ["Auth:Users:Create", "Auth:Pats:Create", "Auth:Users:Read"]),
      ],
    }),
    rawPat({
      tokenId: "to-admin",
      name: "root",
      permissionAssignments: [assignment("DfnsFullAdminAccess", undefined)],
    }),
    rawPat({ tokenId: "to-none", name: "empty", permissionAssignments: [assignment("Nothing", undefined)] }),
  ],
}).pats;

function names(pattern: string): string[] {
  return tokensGranting(pats, operationPattern(pattern)).map((grant) => grant.pat.name);
}

describe("tokens granting an operation", () => {
  it("matches a whole operation name, case-sensitively", () => {
    const exact = operationPattern("Wallets:Read");
    assert.equal(exact.test("Wallets:Read"), true);
    assert.equal(exact.test("wallets:read"), false);
    assert.equal(exact.test("Wallets:ReadAll"), false);
    assert.equal(exact.test("XWallets:Read"), false);
  });

  it("lets * match any run of characters, colons included, and nothing else act as a pattern", () => {
    assert.equal(operationPattern("Wallets:*").test("Wallets:Read"), true);
    assert.equal(operationPattern("Auth:*:Create").test("Auth:Users:Create"), true);
    assert.equal(operationPattern("Auth:*:Create").test("Auth:Users:Read"), false);
    assert.equal(operationPattern("*").test("Anything:At:All"), true);
    assert.equal(operationPattern("Wallets.Read").test("Wallets:Read"), false);
    assert.equal(operationPattern("Wallets:(Read)").test("Wallets:(Read)"), true);
  });

  it("lists every operation seen, sorted and once", () => {
    assert.deepEqual(allOperations(pats), [
      "Auth:Pats:Create",
      "Auth:Users:Create",
      "Auth:Users:Read",
      "Keys:Read",
      "Wallets:Create",
      "Wallets:GenerateSignature",
      "Wallets:Read",
    ]);
  });

  it("names the permissions through which each token grants, and the matching operations", () => {
    const [wallets, admin] = tokensGranting(pats, operationPattern("Wallets:*"));
    assert.equal(wallets?.pat.tokenId, "to-wallets");
    assert.deepEqual(wallets?.permissions, ["Wallet readers", "Signers"]);
    assert.deepEqual(wallets?.operations, ["Wallets:Create", "Wallets:GenerateSignature", "Wallets:Read"]);
    assert.equal(wallets && describeThrough(wallets), "through Wallet readers, Signers");
    assert.equal(admin?.pat.tokenId, "to-admin");
  });

  it("includes full admin tokens for every operation, even one no token lists", () => {
    assert.deepEqual(names("Auth:*:Create"), ["auth admin", "root"]);
    assert.deepEqual(names("Policies:Archive"), ["root"]);
    const [admin] = tokensGranting(pats, operationPattern("Keys:*"))
      .filter((grant) => grant.fullAdmin)
      .map((grant) => ({ through: describeThrough(grant), operations: grant.operations }));
    assert.deepEqual(admin, {
      through: "through DfnsFullAdminAccess (all operations)",
      operations: ["Keys:Read"],
    });
  });

  it("leaves out tokens that grant nothing matching", () => {
    assert.deepEqual(names("Keys:Read"), ["wallet bot", "root"]);
    assert.ok(!names("*").includes("empty"));
  });
});

import assert from "node:assert/strict";
import { parsePatPage, ResponseShapeError } from "../../src/dfns/parse";
import { rawPat } from "./fixtures";

describe("parsePatPage", () => {
  it("reads every field of a well-formed PAT", () => {
    const { pats, invalid } = parsePatPage({ items: [rawPat()] });
    assert.equal(invalid.length, 0);
    const pat = pats[0];
    assert.ok(pat);
    assert.equal(pat.tokenId, "to-test0-aaaaa-0000000000000001");
    assert.equal(pat.name, "ci-deployer");
    assert.equal(pat.isActive, true);
    assert.equal(pat.credId, "cr-test0-aaaaa-0000000000000001");
    assert.equal(pat.createdAt.toISOString(), "2026-11-01T10:00:00.000Z");
    assert.deepEqual(pat.permissionAssignments[0]?.operations, ["Wallets:Read", "Wallets:Create"]);
  });

  it("never exposes an accessToken even if the API sends one", () => {
    const { pats } = parsePatPage({ items: [rawPat({ accessToken: "fake-access-token-value" })] });
    assert.equal(JSON.stringify(pats).includes("fake-access-token-value"), false);
  });

  it("treats missing or null optional strings as empty and a missing operations key as none", () => {
    const { pats, invalid } = parsePatPage({
      items: [
        rawPat({
          credId: null,
          linkedAppId: undefined,
          kind: undefined,
          permissionAssignments: [{ permissionName: "No ops", permissionId: "pm-x" }],
        }),
      ],
    });
    assert.equal(invalid.length, 0);
    assert.equal(pats[0]?.credId, "");
    assert.equal(pats[0]?.kind, "");
    assert.equal(pats[0]?.permissionAssignments[0]?.operations, undefined);
    assert.equal(pats[0]?.permissionAssignments[0]?.assignmentId, "");
  });

  it("keeps unknown kinds as they are", () => {
    const { pats } = parsePatPage({ items: [rawPat({ kind: "CustomerEmployee" })] });
    assert.equal(pats[0]?.kind, "CustomerEmployee");
  });

  it("rejects a bad item with a precise reason and keeps its siblings", () => {
    const items = [
      rawPat({ tokenId: "to-good-1", name: "first" }),
      rawPat({ tokenId: "to-bad-1", name: "broken", isActive: "yes" }),
      rawPat({ tokenId: "to-good-2", name: "third" }),
    ];
    const { pats, invalid } = parsePatPage({ items });
    assert.deepEqual(
      pats.map((pat) => pat.tokenId),
      ["to-good-1", "to-good-2"],
    );
    assert.deepEqual(invalid, [
      { index: 1, reason: "isActive is a string, expected a boolean", tokenId: "to-bad-1", name: "broken" },
    ]);
  });

  const reasons: [string, unknown, string][] = [
    ["a number instead of an object", 42, "the item is a number, expected an object"],
    ["null", null, "the item is null, expected an object"],
    ["a missing tokenId", rawPat({ tokenId: undefined }), "tokenId is missing, expected a string"],
    ["an empty tokenId", rawPat({ tokenId: "" }), "tokenId is empty"],
    ["a numeric credId", rawPat({ credId: 7 }), "credId is a number, expected a string"],
    [
      "assignments that are not an array",
      rawPat({ permissionAssignments: "all" }),
      "permissionAssignments is a string, expected an array",
    ],
    [
      "an operation that is not a string",
      rawPat({
        permissionAssignments: [
          { permissionName: "p", permissionId: "pm-1", operations: ["Wallets:Read", 3] },
        ],
      }),
      "permissionAssignments[0].operations[1] is a number, expected a string",
    ],
    [
      "an assignment without permissionId",
      rawPat({ permissionAssignments: [{ permissionName: "p" }] }),
      "permissionAssignments[0].permissionId is missing, expected a string",
    ],
  ];
  for (const [what, item, reason] of reasons) {
    it(`says why it rejects ${what}`, () => {
      const { pats, invalid } = parsePatPage({ items: [item] });
      assert.equal(pats.length, 0);
      assert.equal(invalid[0]?.reason, reason);
    });
  }

  it("rejects a repeated tokenId, also across pages", () => {
    const seen = new Set<string>();
    parsePatPage({ items: [rawPat()] }, 0, seen);
    const second = parsePatPage({ items: [rawPat({ name: "again" })] }, 1, seen);
    assert.equal(second.pats.length, 0);
    assert.equal(second.invalid[0]?.index, 1);
    assert.match(second.invalid[0]?.reason ?? "", /duplicate tokenId/);
  });

  it("throws ResponseShapeError when the body is not a list", () => {
    assert.throws(() => parsePatPage([]), ResponseShapeError);
    assert.throws(() => parsePatPage(null), /got null/);
    assert.throws(() => parsePatPage({}), /got no items/);
    assert.throws(() => parsePatPage({ items: {} }), /"items" to be an array, got an object/);
  });

  it("reads nextPageToken only when it is a non-empty string", () => {
    assert.equal(parsePatPage({ items: [], nextPageToken: "p2" }).nextPageToken, "p2");
    assert.equal(parsePatPage({ items: [], nextPageToken: "" }).nextPageToken, undefined);
    assert.equal(parsePatPage({ items: [], nextPageToken: 5 }).nextPageToken, undefined);
  });
});

import assert from "node:assert/strict";
import { detailsPath, detailsScheme, parseDetailsPath, patJson } from "../../src/details/patJson";
import { rawPat } from "./fixtures";

describe("patJson", () => {
  it("keeps the API's key order, indents by two spaces and ends with a newline", () => {
    const raw = { name: "b", tokenId: "to-1", isActive: true, dateCreated: "2026-01-01T00:00:00Z" };
    const text = patJson(raw);
    assert.equal(
      text,
      '{\n  "name": "b",\n  "tokenId": "to-1",\n  "isActive": true,\n  "dateCreated": "2026-01-01T00:00:00Z"\n}\n',
    );
    assert.deepEqual(Object.keys(JSON.parse(text)), ["name", "tokenId", "isActive", "dateCreated"]);
  });

  it("removes accessToken at any depth and leaves every other field untouched", () => {
    const clean = rawPat();
    const raw: Record<string, unknown> = {
      ...rawPat({ accessToken: "eyJ.top-secret.sig" }),
      permissionAssignments: [
        { permissionName: "P", permissionId: "pm-1", accessToken: "nested-secret", operations: ["A:B"] },
      ],
      extra: { deeper: { access_token: "snake-secret", AccessToken: "pascal-secret", keep: "me" } },
    };
    const text = patJson(raw);
    for (const secret of ["top-secret", "nested-secret", "snake-secret", "pascal-secret"]) {
      assert.ok(!text.includes(secret), `${secret} leaked`);
    }
    assert.ok(!/access_?token/i.test(text));
    const parsed = JSON.parse(text);
    assert.deepEqual(parsed.permissionAssignments, [
      { permissionName: "P", permissionId: "pm-1", operations: ["A:B"] },
    ]);
    assert.deepEqual(parsed.extra, { deeper: { keep: "me" } });
    const { permissionAssignments: _pa, ...rest } = clean;
    const { permissionAssignments: _pb, extra: _e, ...parsedRest } = parsed;
    assert.deepEqual(parsedRest, rest);
    assert.deepEqual(Object.keys(parsed), [...Object.keys(clean), "extra"]);
    // The input itself is not modified.
    assert.equal(raw.accessToken, "eyJ.top-secret.sig");
  });

  it("keeps nulls, empty strings, numbers and arrays as they were", () => {
    const raw = { a: null, b: "", c: 0, d: [1, null, "x"], e: {}, f: [] };
    assert.deepEqual(JSON.parse(patJson(raw)), raw);
  });

  it("writes Unicode as itself, not as escapes", () => {
    const text = patJson(rawPat({ name: "déploiement 🚀 機密" }));
    assert.ok(text.includes('"name": "déploiement 🚀 機密"'));
    assert.equal(JSON.parse(text).name, "déploiement 🚀 機密");
  });
});

describe("details path", () => {
  const hostileNames = [
    "ci-deployer",
    "a/b/c",
    "what?#frag",
    "100% done",
    "%2F already encoded %",
    "spaces  and\ttab",
    "..",
    ".",
    "déploiement 🚀 機密",
    "back\\slash",
    "new\nline",
    "\u202Egnp.exe",
    "x.json",
  ];

  it("round-trips connection id, tokenId and name whatever the name holds", () => {
    for (const name of hostileNames) {
      const path = detailsPath("conn/1?#%", "to-test0-aaaaa-0000000000000001", name);
      assert.deepEqual(
        parseDetailsPath(path),
        { connectionId: "conn/1?#%", tokenId: "to-test0-aaaaa-0000000000000001", name },
        `name ${JSON.stringify(name)} gave ${path}`,
      );
    }
  });

  it("is /<connection>/<token>/<name>.json with exactly three segments and no query or fragment", () => {
    for (const name of hostileNames) {
      const path = detailsPath("c", "t", name);
      assert.equal(path.split("/").length, 4, path);
      assert.ok(path.startsWith("/c/t/"), path);
      assert.ok(path.endsWith(".json"), path);
      assert.ok(!/[?#\\\n\t\u202E]/.test(path), path);
    }
    assert.equal(detailsPath("c", "t", "ci deployer"), "/c/t/ci deployer.json");
    assert.equal(detailsPath("c", "t", "機密"), "/c/t/機密.json");
    assert.equal(detailsPath("c", "t", "a/b"), "/c/t/a%2Fb.json");
  });

  it("keeps dot-only ids from becoming . or .. segments", () => {
    const path = detailsPath("..", ".", "n");
    assert.ok(!path.split("/").some((segment) => segment === "." || segment === ".."), path);
    assert.deepEqual(parseDetailsPath(path), { connectionId: "..", tokenId: ".", name: "n" });
  });

  it("falls back to the tokenId for an empty name, and refuses empty ids", () => {
    assert.equal(detailsPath("c", "to-1", ""), "/c/to-1/to-1.json");
    assert.throws(() => detailsPath("", "to-1", "n"), RangeError);
    assert.throws(() => detailsPath("c", "", "n"), RangeError);
    assert.throws(() => detailsPath("c", "to-\uD800", "n"), RangeError);
  });

  it("survives a lone surrogate in the name", () => {
    const path = detailsPath("c", "t", "bad\uD800name");
    assert.deepEqual(parseDetailsPath(path), { connectionId: "c", tokenId: "t", name: "bad\uFFFDname" });
  });

  it("puts nothing but the ids and the name in the path", () => {
    const path = detailsPath("conn-1", "to-1", "n");
    assert.equal(path, "/conn-1/to-1/n.json");
    assert.equal(detailsScheme, "dfns-pat");
  });

  it("gives undefined for a path of another shape", () => {
    const wrong = [
      "",
      "/",
      "c/t/n.json",
      "/c/t",
      "/c/t/n",
      "/c/t/n.txt",
      "/c/t/.json",
      "//t/n.json",
      "/c//n.json",
      "/c/t/x/n.json",
      "/c/t/n.json/",
      "/%E0%A4%A/t/n.json",
      "/c/%/n.json",
    ];
    for (const path of wrong) {
      assert.equal(parseDetailsPath(path), undefined, path);
    }
  });
});

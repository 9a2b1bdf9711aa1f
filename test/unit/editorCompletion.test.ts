import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import {
  completionSpotAt,
  idCompletions,
  insideString,
  isEnvFile,
  isIdPrefix,
} from "../../src/editor/completionContext";
import { idChoices } from "../../src/editor/idChoices";
import { IdIndex } from "../../src/editor/idIndex";
import { rawPat } from "./fixtures";

const triggers = ["to-", "pm-"];
const code = { envFile: false, triggers };
const env = { envFile: true, triggers };
const spot = (line: string, options = code) => completionSpotAt(line, line.length, options);

describe("editor: where completion applies", () => {
  it("inside a string literal, right after a trigger or while the id is being typed", () => {
    assert.deepEqual(spot('const id = "to-'), { start: 12, trigger: "to-" });
    assert.deepEqual(spot("id: 'pm-test0-a"), { start: 5, trigger: "pm-" });
    assert.deepEqual(spot("fetch(`/auth/pats/to-"), { start: 18, trigger: "to-" });
  });

  it("not outside strings, nor in the middle of another word", () => {
    assert.equal(spot("const to-"), undefined);
    assert.equal(spot('"auto-'), undefined);
    assert.equal(spot('"done" + to-'), undefined);
    assert.equal(spot('"escaped \\" quote" to-'), undefined);
    assert.equal(spot('"to- and more'), undefined);
  });

  it("after KEY= in a .env file, quoted or not, but not elsewhere in it", () => {
    assert.deepEqual(spot("DFNS_TOKEN_ID=to-", env), { start: 14, trigger: "to-" });
    assert.deepEqual(spot('export DFNS_PERMISSION = "pm-', env), { start: 26, trigger: "pm-" });
    assert.equal(spot("# to-", env), undefined);
    assert.equal(spot("DFNS_TOKEN_ID=to-", code), undefined, "only .env files take bare values");
  });

  it("with a configured trigger that is not an id prefix", () => {
    assert.deepEqual(completionSpotAt('"dfns:', 6, { envFile: false, triggers: ["dfns:"] }), {
      start: 1,
      trigger: "dfns:",
    });
    assert.equal(isIdPrefix("dfns:"), false);
    assert.equal(isIdPrefix("as-"), true);
  });

  it("recognises .env files by name or language", () => {
    assert.equal(isEnvFile("/repo/.env", "properties"), true);
    assert.equal(isEnvFile("C:\\repo\\.env.local", "plaintext"), true);
    assert.equal(isEnvFile("/repo/prod.env", "plaintext"), true);
    assert.equal(isEnvFile("Untitled-1", "dotenv"), true);
    assert.equal(isEnvFile("/repo/environment.ts", "typescript"), false);
  });

  it("tracks quotes and escapes", () => {
    assert.equal(insideString("a = \"it's"), true);
    assert.equal(insideString("a = 'x' + \"y\""), false);
    assert.equal(insideString('a = "x\\"'), true);
  });
});

describe("editor: the ids offered", () => {
  const { pats } = parsePatPage({
    items: [
      rawPat(),
      rawPat({
        tokenId: "to-test0-bbbbb-0000000000000002",
        name: "backup",
        credId: "",
        permissionAssignments: [],
      }),
    ],
  });
  const index = IdIndex.build([
    { connectionId: "c1", connectionLabel: "api.dfns.io", host: "api.dfns.io", pats },
  ]);

  it("offers the token ids for to-, with the PAT's name as detail, in the view's order", () => {
    assert.deepEqual(
      idCompletions(index, "to-").map((item) => [item.id, item.kind, item.detail]),
      [
        ["to-test0-bbbbb-0000000000000002", "token", "backup"],
        ["to-test0-aaaaa-0000000000000001", "token", "ci-deployer"],
      ],
    );
  });

  it("offers a permission id once, naming the permission and its tokens", () => {
    assert.deepEqual(
      idCompletions(index, "pm-").map((item) => [item.id, item.detail]),
      [["pm-test0-aaaaa-0000000000000001", "Wallet readers · ci-deployer"]],
    );
  });

  it("offers every id, credential ids included, for a trigger that is not an id prefix", () => {
    const items = idCompletions(index, "dfns:");
    assert.ok(
      items.some((item) => item.kind === "credential" && item.id === "cr-test0-aaaaa-0000000000000001"),
    );
    assert.equal(items.length, index.size);
    assert.ok(items.every((item) => item.filterText === `dfns:${item.id}`));
  });

  it("offers nothing when no list is loaded", () => {
    assert.deepEqual(idCompletions(IdIndex.empty, "to-"), []);
  });
});

describe("editor: the ids Insert ID offers for a token", () => {
  it("token, credential, each permission and assignment, org, user; none left empty", () => {
    const [pat] = parsePatPage({
      items: [
        rawPat({
          permissionAssignments: [
            { permissionName: "Readers", permissionId: "pm-1", assignmentId: "as-1", operations: [] },
            { permissionName: "Legacy", permissionId: "pm-2", assignmentId: "" },
          ],
        }),
      ],
    }).pats;
    assert.ok(pat);
    assert.deepEqual(
      idChoices(pat).map((choice) => [choice.label, choice.id]),
      [
        ["Token ID", "to-test0-aaaaa-0000000000000001"],
        ["Credential ID", "cr-test0-aaaaa-0000000000000001"],
        ["Permission ID · Readers", "pm-1"],
        ["Assignment ID · Readers", "as-1"],
        ["Permission ID · Legacy", "pm-2"],
        ["Org ID", "or-test0-aaaaa-0000000000000001"],
        ["Linked user ID", "us-test0-aaaaa-0000000000000001"],
      ],
    );
    assert.deepEqual(
      idChoices({ ...pat, credId: "" }).map((choice) => choice.kind),
      ["token", "permission", "assignment", "permission", "org", "user"],
    );
  });
});

import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import { commandUri, hoverCommands, knownIdHover, unknownIdHover } from "../../src/editor/hoverText";
import { IdIndex } from "../../src/editor/idIndex";
import { now, rawPat } from "./fixtures";

function indexOf(...items: Record<string, unknown>[]): IdIndex {
  const { pats } = parsePatPage({ items });
  return IdIndex.build([{ connectionId: "c1", connectionLabel: "api.dfns.io", host: "api.dfns.io", pats }]);
}

function hoverFor(index: IdIndex, id: string): string {
  return knownIdHover(id, index.lookup(id), now);
}

/** The command of every link target in the Markdown. */
function linkedCommands(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((command:[^?)]*)/g)].map((match) => match[1] as string);
}

const tokenId = "to-test0-aaaaa-0000000000000001";

describe("editor: the hover of a listed id", () => {
  const backup = {
    tokenId: "to-test0-bbbbb-0000000000000002",
    name: "backup",
    credId: "",
    permissionAssignments: [],
  };
  const index = indexOf(rawPat(), rawPat(backup));

  it("says what a token id is: name, status, age, permissions, operations, connection", () => {
    const text = hoverFor(index, tokenId);
    assert.match(text, /\*\*Dfns token ID\*\* of \*\*ci\\-deployer\*\*/);
    assert.match(text, /active · created last month \(2026-11-01 10:00:00 UTC\)/);
    assert.match(text, /on api\\\.dfns\\\.io/);
    assert.match(text, /Wallet readers \(2 operations\) · 2 operations in all/);
  });

  it("links to reveal the token and copy the hovered id, and to nothing else", () => {
    const text = hoverFor(index, "cr-test0-aaaaa-0000000000000001");
    assert.match(text, /Dfns credential ID/);
    assert.deepEqual(linkedCommands(text), ["command:dfns.revealToken", "command:dfns.copyText"]);
    assert.ok(text.includes(commandUri(hoverCommands.reveal, [tokenId, "c1"])));
    assert.ok(
      text.includes(commandUri(hoverCommands.copy, ["cr-test0-aaaaa-0000000000000001", "credential ID"])),
    );
  });

  it("names the permission an assignment id assigns", () => {
    const text = hoverFor(index, "as-test0-aaaaa-0000000000000001");
    assert.match(
      text,
      /\*\*Dfns assignment ID\*\* · \*\*Wallet readers\*\* assigned to \*\*ci\\-deployer\*\*/,
    );
  });

  it("lists the tokens sharing an org id, each with its own reveal link", () => {
    const text = hoverFor(index, "or-test0-aaaaa-0000000000000001");
    assert.match(text, /Dfns org ID\*\* of 2 listed tokens/);
    assert.match(text, /^- \*\*backup\*\* · active · created last month · 0 operations/m);
    assert.match(text, /^- \*\*ci\\-deployer\*\* · active/m);
    assert.equal(linkedCommands(text).filter((command) => command === "command:dfns.revealToken").length, 2);
  });

  it("caps a long list of tokens with 'and N more'", () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      rawPat({ tokenId: `to-test0-many${i}-000000000000000${i}`, name: `bot-${i}`, credId: "" }),
    );
    const text = hoverFor(indexOf(...many), "us-test0-aaaaa-0000000000000001");
    assert.equal((text.match(/^- \*\*bot/gm) ?? []).length, 5);
    assert.match(text, /^- and 3 more$/m);
  });

  it("never lets a token name or permission name add a link, image or HTML", () => {
    const hostile = indexOf(
      rawPat({
        name: "[click me](command:workbench.action.terminal.new) ![x](https://evil.example/x.png) <img src=x>",
        permissionAssignments: [
          {
            permissionName: "](command:workbench.action.openSettings)",
            permissionId: "pm-test0-aaaaa-0000000000000001",
            assignmentId: "as-test0-aaaaa-0000000000000001",
            operations: [],
          },
        ],
      }),
    );
    for (const id of [tokenId, "pm-test0-aaaaa-0000000000000001", "as-test0-aaaaa-0000000000000001"]) {
      const text = hoverFor(hostile, id);
      assert.deepEqual(
        [...new Set(linkedCommands(text))].sort(),
        ["command:dfns.copyText", "command:dfns.revealToken"],
        text,
      );
      assert.doesNotMatch(text, /[^\\][<[]img|[^\\]!\[/);
    }
  });

  it("encodes an id so a ) in it cannot end the link early", () => {
    const uri = commandUri(hoverCommands.copy, ["to-a)b(c", "token ID"]);
    assert.doesNotMatch(uri, /[()]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.split("?")[1] ?? "")), ["to-a)b(c", "token ID"]);
  });
});

describe("editor: the hover of an unknown id", () => {
  it("says it is not among the listed tokens, and on which connection", () => {
    const text = unknownIdHover(
      "token",
      { loaded: true, host: "api.dfns.io", fetchedAt: new Date(now - 5 * 60_000) },
      now,
    );
    assert.match(
      text,
      /Looks like a \*\*Dfns token ID\*\*, not among your listed tokens on api\\\.dfns\\\.io/,
    );
    assert.match(text, /fetched 5 minutes ago/);
    assert.deepEqual(linkedCommands(text), []);
  });

  it("does not claim 'not listed' when no list was loaded", () => {
    const text = unknownIdHover("permission", { loaded: false, host: undefined, fetchedAt: undefined }, now);
    assert.match(text, /No token list is loaded/);
    assert.doesNotMatch(text, /not among/);
  });
});

import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import type { Pat, PatList } from "../../src/dfns/types";
import { dfnsIdShape, IdIndex, idCandidatesAt, maxIdLength } from "../../src/editor/idIndex";
import { LiveIdIndex } from "../../src/editor/liveIndex";
import type { PatSource } from "../../src/pats/patList";
import { PatLists } from "../../src/pats/patLists";
import { silentLogger } from "../../src/util/logger";
import { rawPat, testConnection } from "./fixtures";

function pats(...items: Record<string, unknown>[]): Pat[] {
  return [...parsePatPage({ items }).pats];
}

const deployer = rawPat();
const retired = rawPat({
  tokenId: "to-test0-bbbbb-0000000000000002",
  name: "retired-bot",
  isActive: false,
  credId: "",
  permissionAssignments: [
    {
      permissionName: "Wallet readers",
      permissionId: "pm-test0-aaaaa-0000000000000001",
      assignmentId: "",
      operations: [],
    },
  ],
});
const source = {
  connectionId: "c1",
  connectionLabel: "api.dfns.io",
  host: "api.dfns.io",
  pats: pats(retired, deployer),
};

describe("editor: the id index", () => {
  const index = IdIndex.build([source]);

  it("finds each kind of id a listed token carries, with its token and connection", () => {
    const expected: [string, string][] = [
      ["to-test0-aaaaa-0000000000000001", "token"],
      ["cr-test0-aaaaa-0000000000000001", "credential"],
      ["as-test0-aaaaa-0000000000000001", "assignment"],
    ];
    for (const [id, kind] of expected) {
      const entries = index.lookup(id);
      assert.equal(entries.length, 1, id);
      assert.equal(entries[0]?.kind, kind);
      assert.equal(entries[0]?.pat.name, "ci-deployer");
      assert.equal(entries[0]?.host, "api.dfns.io");
    }
    assert.equal(
      index.lookup("as-test0-aaaaa-0000000000000001")[0]?.assignment?.permissionName,
      "Wallet readers",
    );
  });

  it("lists every token sharing an org, user or permission id, active ones first", () => {
    for (const id of [
      "or-test0-aaaaa-0000000000000001",
      "us-test0-aaaaa-0000000000000001",
      "pm-test0-aaaaa-0000000000000001",
    ]) {
      assert.deepEqual(
        index.lookup(id).map((entry) => entry.pat.name),
        ["ci-deployer", "retired-bot"],
        id,
      );
    }
  });

  it("never indexes the empty ids the API sends for a missing credId or assignmentId", () => {
    assert.deepEqual(index.lookup(""), []);
    assert.deepEqual(index.lookup("to-unknown"), []);
  });

  it("keeps ids apart by connection when several lists are indexed", () => {
    const other = {
      connectionId: "c2",
      connectionLabel: "UAE",
      host: "api.uae.dfns.io",
      pats: pats(deployer),
    };
    const both = IdIndex.build([source, other]);
    assert.deepEqual(
      both.lookup("to-test0-aaaaa-0000000000000001").map((entry) => entry.connectionLabel),
      ["api.dfns.io", "UAE"],
    );
  });
});

describe("editor: finding the id under the cursor", () => {
  const line = 'const id = "to-7vwr2-h2f29-9m6a0fmkk7rr2hj7"; // see DFNS_ORG';

  it("takes the whole id word wherever the position falls in it, or just after it", () => {
    for (const character of [12, 20, 42, 43]) {
      assert.deepEqual(idCandidatesAt(line, character)[0], {
        text: "to-7vwr2-h2f29-9m6a0fmkk7rr2hj7",
        start: 12,
        end: 43,
      });
    }
  });

  it("finds nothing on punctuation or spaces", () => {
    assert.deepEqual(idCandidatesAt(line, 10), []); // the "=" after a space
    assert.deepEqual(idCandidatesAt("  =  ", 2), []);
    assert.deepEqual(idCandidatesAt("", 0), []);
  });

  it("stops at = so a .env value is read without its key", () => {
    assert.equal(idCandidatesAt("DFNS_TOKEN_ID=to-abc", 16)[0]?.text, "to-abc");
  });

  it("also offers a standard base64 reading, with + / and = padding, for credential ids", () => {
    const cred = "KbS7+9/xQ2w==";
    const candidates = idCandidatesAt(`credId: "${cred}"`, 12).map((span) => span.text);
    assert.deepEqual(candidates, ["KbS7", cred]);
  });

  it("gives up on a run longer than any id instead of scanning the whole line", () => {
    const long = "a".repeat(maxIdLength * 4);
    assert.deepEqual(idCandidatesAt(long, maxIdLength * 2), []);
  });
});

describe("editor: what looks like a Dfns id", () => {
  it("recognises each prefix in the real shape", () => {
    assert.equal(dfnsIdShape("to-7vwr2-h2f29-9m6a0fmkk7rr2hj7"), "token");
    assert.equal(dfnsIdShape("pm-host0-alpha-0000000000000001"), "permission");
    assert.equal(dfnsIdShape("as-aaaaa-bbbbb-cccccccccccccccc"), "assignment");
    assert.equal(dfnsIdShape("or-aaaaa-bbbbb-cccccccccccccccc"), "org");
    assert.equal(dfnsIdShape("us-aaaaa-bbbbb-cccccccccccccccc"), "user");
    assert.equal(dfnsIdShape("cr-aaaaa-bbbbb-cccccccccccccccc"), "credential");
  });

  it("does not mistake ordinary words for ids", () => {
    for (const word of [
      "us-east-1",
      "to-do",
      "as-is",
      "pm-2",
      "auto-7vwr2-h2f29-9m6a0fmkk7rr2hj7",
      "TO-AAAAA-BBBBB-CCCCCCCC",
    ]) {
      assert.equal(dfnsIdShape(word), undefined, word);
    }
  });
});

describe("editor: the live index", () => {
  function lists(answers: PatList[]): PatLists {
    const source: PatSource = { listPats: async () => answers.shift() ?? { pats: [], invalid: [] } };
    return new PatLists(() => source, silentLogger);
  }

  it("rebuilds when a list arrives or the connection goes, not when only the loading flag flips", async () => {
    const patLists = lists([{ pats: pats(deployer), invalid: [] }]);
    const live = new LiveIdIndex(patLists);
    assert.equal(live.loaded, false);
    patLists.setConnections([testConnection()]);
    const refreshing = patLists.refreshAll();
    const beforeAnswer = live.index;
    assert.equal(beforeAnswer.size, 0);
    await refreshing;
    assert.equal(live.loaded, true);
    assert.equal(live.host, "api.dfns.io");
    const loaded = live.index;
    assert.equal(loaded.lookup("to-test0-aaaaa-0000000000000001").length, 1);
    patLists.cancelForClosedView(); // nothing in flight: fires no new list
    patLists.setConnections([testConnection()]); // the same connection again
    assert.equal(live.index, loaded, "the same index, not rebuilt");
    patLists.setConnections([]);
    assert.equal(live.loaded, false);
    assert.equal(live.index.size, 0);
    live.dispose();
    patLists.dispose();
  });

  it("indexes every connection's list and names the connection of each id", async () => {
    const other = rawPat({ tokenId: "to-test0-bbbbb-0000000000000002", name: "staging bot" });
    const patLists = lists([
      { pats: pats(deployer), invalid: [] },
      { pats: pats(other), invalid: [] },
    ]);
    const live = new LiveIdIndex(patLists);
    patLists.setConnections([
      testConnection("c1", "https://api.dfns.io", "prod"),
      testConnection("c2", "https://api.dfns.ninja", "staging"),
    ]);
    await patLists.refreshAll();
    assert.equal(live.host, "prod, staging");
    assert.deepEqual(
      live.index.lookup("to-test0-bbbbb-0000000000000002").map((entry) => entry.connectionLabel),
      ["staging"],
    );
    assert.deepEqual(
      live.index.lookup("to-test0-aaaaa-0000000000000001").map((entry) => entry.connectionLabel),
      ["prod"],
    );
    live.dispose();
    patLists.dispose();
  });

  it("never fetches on its own", () => {
    let calls = 0;
    const patLists = new PatLists(
      () => ({
        listPats: async () => {
          calls++;
          return { pats: [], invalid: [] };
        },
      }),
      silentLogger,
    );
    patLists.setConnections([testConnection()]);
    const live = new LiveIdIndex(patLists);
    live.index.lookup("to-test0-aaaaa-0000000000000001");
    assert.equal(calls, 0);
    live.dispose();
    patLists.dispose();
  });
});

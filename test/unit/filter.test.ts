import assert from "node:assert/strict";
import type { ConnectionInfo } from "../../src/connections/connectionStore";
import type { Pat } from "../../src/dfns/types";
import type { PatListState } from "../../src/pats/patList";
import {
  describeFilter,
  isFiltering,
  matches,
  noFilter,
  type PatFilter,
  showsConnection,
} from "../../src/tree/filter";
import { rootNodes } from "../../src/tree/model";
import { loadedState, now, rawPat, testConnection } from "./fixtures";

const connection: ConnectionInfo = testConnection();

const items = [
  rawPat({ tokenId: "to-ci-1", name: "CI deployer", credId: "cr-one" }),
  rawPat({ tokenId: "to-bot-2", name: "signing bot", credId: "cr-special-ci" }),
  rawPat({ tokenId: "to-old-3", name: "old ci runner", isActive: false, credId: "cr-three" }),
  rawPat({ tokenId: "to-x-4", name: "unrelated", credId: "cr-four" }),
  { tokenId: "to-broken-5", name: "broken ci entry", isActive: "maybe" },
];

const state = () => loadedState(items, connection);

function pats(): readonly Pat[] {
  return state().snapshot?.list.pats ?? [];
}

function shown(filter: PatFilter): string[] {
  return rootNodes(state(), now, { filter }).map((node) => node.label);
}

describe("PAT filter", () => {
  it("matches the name, token ID and credential ID, ignoring case", () => {
    const filter: PatFilter = { text: "CI", status: "all" };
    assert.deepEqual(
      pats()
        .filter((pat) => matches(pat, filter))
        .map((pat) => pat.tokenId),
      ["to-ci-1", "to-bot-2", "to-old-3"],
    );
    assert.equal(matches(pats()[3] as Pat, { text: "X-4", status: "all" }), true);
  });

  it("narrows by status", () => {
    assert.deepEqual(shown({ text: "", status: "inactive" }), ["old ci runner"]);
    assert.deepEqual(shown({ text: "ci", status: "active" }), ["CI deployer", "signing bot"]);
  });

  it("keeps the view's order and finds an unreadable entry by text, but not by status", () => {
    assert.deepEqual(shown({ text: "ci", status: "all" }), [
      "CI deployer",
      "signing bot",
      "old ci runner",
      "Invalid token entry: broken ci entry",
    ]);
    assert.ok(!shown({ text: "broken", status: "active" }).some((label) => label.includes("broken")));
  });

  it("shows every row when nothing is filtered", () => {
    assert.equal(isFiltering(noFilter), false);
    assert.equal(isFiltering({ text: "  ", status: "all" }), false);
    assert.equal(shown(noFilter).length, 5);
  });

  it("says so, with a Clear Filter row, when nothing matches", () => {
    const roots = rootNodes(state(), now, { filter: { text: "nothing like this", status: "all" } });
    assert.deepEqual(
      roots.map((node) => node.label),
      ["No tokens match the filter", "Clear Filter"],
    );
    assert.equal(roots[0]?.description, 'filter: "nothing like this"');
    assert.equal(roots[1]?.command?.command, "dfns.clearFilter");
  });

  it("still says there are no tokens when the list is empty, filter or not", () => {
    const empty: PatListState = {
      ...state(),
      snapshot: { list: { pats: [], invalid: [] }, fetchedAt: new Date(now) },
    };
    assert.deepEqual(
      rootNodes(empty, now, { filter: { text: "ci", status: "all" } }).map((node) => node.label),
      ["No personal access tokens"],
    );
  });

  it("describes itself for the view's description", () => {
    assert.equal(describeFilter(noFilter), undefined);
    assert.equal(describeFilter({ text: " ci ", status: "active" }), 'filter: "ci" · active');
    assert.equal(describeFilter({ text: "", status: "inactive" }), "filter: inactive");
    assert.equal(describeFilter({ text: "ci", status: "all" }), 'filter: "ci"');
  });

  it("names a filtered connection by its label as it is now, and shows only that connection", () => {
    const filter: PatFilter = { text: "", status: "active", connectionId: "c2" };
    assert.equal(isFiltering({ text: "", status: "all", connectionId: "c2" }), true);
    const labels = new Map([["c2", "staging"]]);
    assert.equal(
      describeFilter(filter, (id) => labels.get(id)),
      "filter: active · staging",
    );
    labels.set("c2", "renamed");
    assert.equal(
      describeFilter(filter, (id) => labels.get(id)),
      "filter: active · renamed",
    );
    assert.equal(showsConnection(filter, "c2"), true);
    assert.equal(showsConnection(filter, "c1"), false);
    assert.equal(showsConnection(noFilter, "c1"), true);
  });
});

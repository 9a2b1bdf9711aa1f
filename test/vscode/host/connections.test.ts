// Several signed-in connections at once, in the real editor: one root row per connection, each with
// its own secret and list; rename/remove from the row; List PATs, Find Tokens Granting and Filter PATs
// across connections; one failing connection never hiding the other.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { DfnsSimulator } from "../../sim/simulator";
import { tokenFingerprint } from "../../sim/tokens";
import { eventually, extensionApi, type Row, rows, signInToSimulator, signOut } from "./api";
import { closeEditorsAndFiles, positionOf, untitled } from "./editorDocs";
import { alpha, operator, retired, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const accept = () => vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
const next = () => vscode.commands.executeCommand("workbench.action.quickOpenSelectNext");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The second simulator's own tokens: one shares alpha's operations under another id. */
const beta = {
  ...alpha,
  tokenId: "to-host1-beta0-0000000000000011",
  name: "beta-deployer",
  credId: "cr-host1-beta0-0000000000000011",
};
const secondItems = [operator, beta];

describe("Dfns: Several connections", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const host = new URL(sim.url).host;
  let second: DfnsSimulator;
  let secondToken: string;
  let secondHost: string;
  let firstOrg: string;
  let firstUser: string;
  const secondOrg = "or-host1-secnd-0000000000000001";
  const secondUser = "us-host1-secnd-0000000000000001";

  /** Tooltips escape Markdown (an id's dashes among it): read them as plain text. */
  const plain = (text: string | undefined) => (text ?? "").replace(/\\(.)/g, "$1");
  const ids = (shown: readonly Row[]) => shown.map((row) => row.item.id);
  const labels = (shown: readonly Row[]) => shown.map((row) => row.label);
  const connections = () => api.connections();
  const connectionOf = async (label: string) => {
    const found = (await connections()).find((connection) => connection.label === label);
    assert.ok(found, `no connection "${label}"`);
    return found;
  };
  const signInToSecond = async (extra: Record<string, unknown> = {}) =>
    (await vscode.commands.executeCommand("dfns.signIn", {
      baseUrl: second.url,
      token: secondToken,
      ...extra,
    })) === true;
  /** Both connections signed in, first then second, whatever the test before left behind. */
  const signInToBoth = async () => {
    await signOut();
    assert.equal(await signInToSimulator(), true);
    assert.equal(await signInToSecond(), true);
    assert.equal((await connections()).length, 2);
  };
  const selectedId = () =>
    eventually(async () => {
      const selected = api.treeView.selection[0];
      assert.ok(selected, "a row is selected");
      const item = await api.treeDataProvider.getTreeItem(selected);
      assert.ok(item.id, "the selected row has an id");
      return item.id;
    });

  before(async () => {
    api = await extensionApi();
    await signOut();
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    const info = await sim.control.info();
    firstOrg = info.identity.orgId;
    firstUser = info.identity.userId;
    second = await DfnsSimulator.start({ port: 0, seed: 7 });
    second.setPats(secondItems);
    secondToken = second.issueToken({ orgId: secondOrg, userId: secondUser, expiresInSeconds: 3600 });
    secondHost = new URL(second.url).host;
    assert.notEqual(secondHost, host);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand("dfns.clearFilter");
    second.setFault(undefined);
    await sim.control.setFault(null);
  });
  after(async () => {
    await signOut();
    await sim.control.reset();
    await second?.stop();
  });

  it("stays flat with one connection, and shows a row per connection with two", async () => {
    assert.equal(await signInToSimulator(), true);
    const flat = await eventually(async () => {
      const shown = await rows(api);
      assert.deepEqual(labels(shown), ["alpha-deployer", "retired-bot", "Invalid token entry: broken-entry"]);
      return shown;
    });
    assert.deepEqual(ids(flat).slice(0, 2), [`pat/${alpha.tokenId}`, `pat/${retired.tokenId}`]);
    assert.equal(api.treeView.description, host);

    assert.equal(await signInToSecond(), true);
    const roots = await eventually(async () => {
      const shown = await rows(api);
      assert.deepEqual(labels(shown), [firstOrg, secondOrg]);
      // The first list is already fetched; the second was handed over by sign-in.
      assert.equal(shown[0]?.description, `${host} · 2 tokens`);
      // The second token lives an hour: its row says so, as it is close to expiry.
      assert.equal(shown[1]?.description, `${secondHost} · 2 tokens · token expires in less than an hour`);
      return shown;
    });
    const [one, two] = roots as [Row, Row];
    assert.equal(api.treeView.description, "2 connections");
    const [first, secondConnection] = await connections();
    assert.equal(one.item.id, `conn/${first?.id}`);
    assert.equal(two.item.id, `conn/${secondConnection?.id}`);
    assert.equal(one.item.contextValue, "dfnsConnection");
    assert.equal(one.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    for (const [row, org, user] of [
      [one, firstOrg, firstUser],
      [two, secondOrg, secondUser],
    ] as const) {
      assert.match(plain(row.tooltip), new RegExp(org), "the tooltip names the org");
      assert.match(plain(row.tooltip), new RegExp(user), "the tooltip names the user");
      assert.match(row.tooltip, /Token expires/);
      assert.doesNotMatch(row.tooltip, /not stated by the token/, "both tokens state an expiry");
    }

    const firstChildren = await rows(api, one);
    assert.deepEqual(labels(firstChildren), [
      "alpha-deployer",
      "retired-bot",
      "Invalid token entry: broken-entry",
    ]);
    assert.deepEqual(ids(firstChildren).slice(0, 2), [
      `conn/${first?.id}/pat/${alpha.tokenId}`,
      `conn/${first?.id}/pat/${retired.tokenId}`,
    ]);
    const secondChildren = await rows(api, two);
    assert.deepEqual(labels(secondChildren), ["beta-deployer", "operator"]);
    assert.deepEqual(ids(secondChildren), [
      `conn/${secondConnection?.id}/pat/${beta.tokenId}`,
      `conn/${secondConnection?.id}/pat/${operator.tokenId}`,
    ]);
    // A token row under a connection row still expands into its assignments.
    const assignments = await rows(api, secondChildren[0]);
    assert.deepEqual(labels(assignments), ["Wallet readers", "Legacy"]);
    assert.ok(assignments.every((row) => row.item.id?.startsWith(`conn/${secondConnection?.id}/pat/`)));
    assert.equal(await api.treeDataProvider.getParent?.(secondChildren[0]?.element), two.element);
  });

  it("keeps each connection's secret: removing one leaves the other signed in and the tree flat; signs out of one by id", async () => {
    await signInToBoth();
    const [first, secondConnection] = await connections();
    assert.ok(first && secondConnection);
    assert.equal(
      await vscode.commands.executeCommand("dfns.removeConnection", {
        connectionId: secondConnection.id,
        skipConfirmation: true,
      }),
      true,
    );
    assert.deepEqual(
      (await connections()).map(({ id }) => id),
      [first.id],
    );
    const flat = await eventually(async () => {
      const shown = await rows(api);
      assert.equal(shown[0]?.item.id, `pat/${alpha.tokenId}`);
      return shown;
    });
    assert.deepEqual(labels(flat), ["alpha-deployer", "retired-bot", "Invalid token entry: broken-entry"]);
    assert.equal(api.treeView.description, host);

    // The one left still has its own token: a refresh reaches the first simulator and succeeds.
    await sim.control.clearRequests();
    const secondRequests = second.requests.length;
    await vscode.commands.executeCommand("dfns.refresh");
    const requests = await sim.control.requests();
    assert.equal(requests.length, 1, "the remaining connection was refreshed");
    assert.equal(requests[0]?.authorization.present, true);
    assert.equal(second.requests.length, secondRequests, "the removed connection is not asked");
    assert.equal((await rows(api))[0]?.item.id, `pat/${alpha.tokenId}`);

    // And signing out of it by id (rather than "all") works too.
    assert.equal(
      await vscode.commands.executeCommand("dfns.signOut", {
        connectionId: first.id,
        skipConfirmation: true,
      }),
      true,
    );
    assert.deepEqual(await connections(), []);
    assert.deepEqual(await rows(api), []);
  });

  it("removes a connection given its row (as its context menu does)", async () => {
    await signInToBoth();
    const [firstRow] = await rows(api);
    assert.ok(firstRow);
    await vscode.commands.executeCommand("dfns.removeConnection", {
      ...(firstRow.element as object),
      skipConfirmation: true,
    });
    assert.deepEqual(
      (await connections()).map(({ label }) => label),
      [secondOrg],
    );
    const flat = await eventually(async () => {
      const shown = await rows(api);
      assert.deepEqual(labels(shown), ["beta-deployer", "operator"]);
      return shown;
    });
    assert.equal(flat[0]?.item.id, `pat/${beta.tokenId}`);
    // With one connection left, its close expiry moves up to the view's description.
    assert.equal(api.treeView.description, `${secondHost} · token expires in less than an hour`);
  });

  it("replaces the token of a connection signed in again as the same org and user", async () => {
    await signInToBoth();
    const before = await connections();
    const fresh = await sim.control.issueToken({ orgId: firstOrg, userId: firstUser });
    assert.notEqual(fresh, sim.token);
    assert.equal(
      await vscode.commands.executeCommand("dfns.signIn", { baseUrl: sim.url, token: fresh }),
      true,
    );
    assert.deepEqual(await connections(), before, "no connection was added");
    // The same token again also replaces.
    assert.equal(await signInToSecond(), true);
    assert.deepEqual(await connections(), before);
    // The new token is the one sent now.
    await sim.control.clearRequests();
    await vscode.commands.executeCommand("dfns.refresh", { connectionId: before[0]?.id });
    const sent = await sim.control.requests();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.authorization.fingerprint, tokenFingerprint(fresh));

    // Another org on the same simulator is another connection.
    const otherOrg = "or-host0-other-0000000000000009";
    const other = await sim.control.issueToken({ orgId: otherOrg, userId: firstUser });
    assert.equal(
      await vscode.commands.executeCommand("dfns.signIn", { baseUrl: sim.url, token: other }),
      true,
    );
    assert.deepEqual(
      (await connections()).map(({ label }) => label),
      [firstOrg, secondOrg, otherOrg],
    );
    // connectionId replaces that connection's token even though the org differs.
    const third = (await connections())[2];
    const yetAnother = await sim.control.issueToken({ orgId: "or-host0-yetan-0000000000000010" });
    assert.equal(
      await vscode.commands.executeCommand("dfns.signIn", {
        baseUrl: sim.url,
        token: yetAnother,
        connectionId: third?.id,
      }),
      true,
    );
    const after = await connections();
    assert.equal(after.length, 3);
    assert.equal(after[2]?.id, third?.id);
    assert.equal(after[2]?.label, "or-host0-yetan-0000000000000010");
  });

  it("renames a connection, and falls back to the org id when the name is cleared", async () => {
    await signInToBoth();
    const [, secondConnection] = await connections();
    assert.ok(secondConnection);
    assert.equal(
      await vscode.commands.executeCommand("dfns.renameConnection", {
        connectionId: secondConnection.id,
        name: "  Staging EU  ",
      }),
      true,
    );
    assert.equal((await connectionOf("Staging EU")).id, secondConnection.id);
    await eventually(async () => assert.deepEqual(labels(await rows(api)), [firstOrg, "Staging EU"]));
    const renamed = (await rows(api))[1];
    assert.match(plain(renamed?.tooltip), /Staging EU/);
    assert.match(plain(renamed?.tooltip), new RegExp(secondOrg), "the org is still in the tooltip");

    // Renaming from the row itself (as the context menu does).
    await vscode.commands.executeCommand("dfns.renameConnection", {
      ...(renamed?.element as object),
      name: "",
    });
    await eventually(async () => assert.deepEqual(labels(await rows(api)), [firstOrg, secondOrg]));
    assert.equal((await connectionOf(secondOrg)).id, secondConnection.id);

    // A name given at sign-in is kept when the token is replaced.
    await vscode.commands.executeCommand("dfns.renameConnection", {
      connectionId: secondConnection.id,
      name: "Staging EU",
    });
    assert.equal(await signInToSecond(), true);
    assert.equal((await connectionOf("Staging EU")).id, secondConnection.id);
    await vscode.commands.executeCommand("dfns.renameConnection", {
      connectionId: secondConnection.id,
      name: "",
    });
  });

  it("List PATs lists every connection's tokens, each naming its connection", async () => {
    await signInToBoth();
    await vscode.env.clipboard.writeText("nothing copied");
    const done = vscode.commands.executeCommand("dfns.listPats");
    await pause(800);
    // First section: alpha-deployer, retired-bot; second section: beta-deployer, operator.
    await next();
    await next();
    await accept();
    await pause(500);
    await accept(); // Copy Token ID
    await done;
    assert.equal(await vscode.env.clipboard.readText(), beta.tokenId);

    // The first section's token, revealed from the pick, is selected under its own connection row.
    const [first] = await connections();
    const revealed = vscode.commands.executeCommand("dfns.listPats");
    await pause(800);
    await accept(); // alpha-deployer
    await pause(500);
    await next();
    await next();
    await accept(); // Reveal in Sidebar
    await revealed;
    assert.equal(await selectedId(), `conn/${first?.id}/pat/${alpha.tokenId}`);
  });

  it("Find Tokens Granting searches every connection and reveals under the right one", async () => {
    await signInToBoth();
    const [first, secondConnection] = await connections();
    // Wallets:Read: alpha (first), then beta and operator (second).
    await findGranting({ operation: "Wallets:Read" }, [accept]);
    assert.equal(await selectedId(), `conn/${first?.id}/pat/${alpha.tokenId}`);
    await findGranting({ operation: "Wallets:Read" }, [next, accept]);
    assert.equal(await selectedId(), `conn/${secondConnection?.id}/pat/${beta.tokenId}`);
    // Keys:Create is only granted in the second list.
    await findGranting({ operation: "Keys:Create" }, [accept]);
    assert.equal(await selectedId(), `conn/${secondConnection?.id}/pat/${operator.tokenId}`);
  });

  it("reveals the token of the connection picked when two connections list the same token", async () => {
    // Two orgs on the same simulator see the very same list: ids stay apart under their rows.
    await signOut();
    assert.equal(await signInToSimulator(), true);
    const otherOrg = "or-host0-twin0-0000000000000012";
    const other = await sim.control.issueToken({ orgId: otherOrg, userId: firstUser });
    assert.equal(
      await vscode.commands.executeCommand("dfns.signIn", { baseUrl: sim.url, token: other }),
      true,
    );
    const [first, twin] = await connections();
    assert.equal(twin?.label, otherOrg);
    await eventually(async () => assert.deepEqual(labels(await rows(api)), [firstOrg, otherOrg]));
    await findGranting({ operation: "Wallets:Read" }, [next, accept]);
    assert.equal(await selectedId(), `conn/${twin?.id}/pat/${alpha.tokenId}`);
    await findGranting({ operation: "Wallets:Read" }, [accept]);
    assert.equal(await selectedId(), `conn/${first?.id}/pat/${alpha.tokenId}`);

    // The hover lists the token once per connection, and each Reveal link goes to its own row.
    const editor = await untitled(`TOKEN_ID=${alpha.tokenId}\n`);
    const at = positionOf(editor.document, alpha.tokenId, 4);
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        "vscode.executeHoverProvider",
        editor.document.uri,
        at,
      )) ?? [];
    const markdown = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === "string" ? content : content.value))
      .join("\n");
    const reveals = [...markdown.matchAll(/\(command:dfns\.revealToken\?([^)]*)\)/g)].map(
      (match) => JSON.parse(decodeURIComponent(match[1] as string)) as [string, string],
    );
    assert.deepEqual(reveals, [
      [alpha.tokenId, first?.id],
      [alpha.tokenId, twin?.id],
    ]);
    await vscode.commands.executeCommand("dfns.revealToken", ...(reveals[1] as [string, string]));
    assert.equal(await selectedId(), `conn/${twin?.id}/pat/${alpha.tokenId}`);
    await closeEditorsAndFiles();
    await signOut();
  });

  it("filters by connection, naming it in the view's description", async () => {
    await signInToBoth();
    const [first, secondConnection] = await connections();
    assert.ok(first && secondConnection);
    await vscode.commands.executeCommand("dfns.filter", { connection: secondConnection.id });
    const shown = await rows(api);
    assert.deepEqual(ids(shown), [`conn/${secondConnection.id}`]);
    assert.deepEqual(labels(await rows(api, shown[0])), ["beta-deployer", "operator"]);
    assert.match(String(api.treeView.description), new RegExp(secondOrg));
    assert.doesNotMatch(String(api.treeView.description), new RegExp(firstOrg));

    // Text and connection together.
    await vscode.commands.executeCommand("dfns.filter", { connection: first.id, text: "retired" });
    const narrowed = await rows(api);
    assert.deepEqual(ids(narrowed), [`conn/${first.id}`]);
    assert.deepEqual(labels(await rows(api, narrowed[0])), ["retired-bot"]);

    await vscode.commands.executeCommand("dfns.clearFilter");
    assert.deepEqual(labels(await rows(api)), [firstOrg, secondOrg]);
    assert.equal(api.treeView.description, "2 connections");
  });

  it("names the connection's new label in the description of a filter kept through a rename", async () => {
    await signInToBoth();
    const [, secondConnection] = await connections();
    assert.ok(secondConnection);
    await vscode.commands.executeCommand("dfns.filter", { connection: secondConnection.id });
    assert.match(String(api.treeView.description), new RegExp(secondOrg));
    await vscode.commands.executeCommand("dfns.renameConnection", {
      connectionId: secondConnection.id,
      name: "Renamed while filtered",
    });
    try {
      await eventually(async () => {
        assert.deepEqual(labels(await rows(api)), ["Renamed while filtered"]);
        assert.match(String(api.treeView.description), /Renamed while filtered/);
      }, 3000);
    } finally {
      await vscode.commands.executeCommand("dfns.renameConnection", {
        connectionId: secondConnection.id,
        name: "",
      });
    }
  });

  it("reveals a token of a connection the filter hides, clearing the filter", async () => {
    await signInToBoth();
    const [first, secondConnection] = await connections();
    assert.ok(first && secondConnection);
    await vscode.commands.executeCommand("dfns.filter", { connection: first.id });
    // Keys:Create is only granted in the second list, which the filter hides.
    await findGranting({ operation: "Keys:Create" }, [accept]);
    assert.equal(await selectedId(), `conn/${secondConnection.id}/pat/${operator.tokenId}`);
    assert.equal(api.treeView.description, "2 connections");
  });

  it("drops a connection filter when that connection is removed", async () => {
    await signInToBoth();
    const [, secondConnection] = await connections();
    assert.ok(secondConnection);
    await vscode.commands.executeCommand("dfns.filter", { connection: secondConnection.id });
    await vscode.commands.executeCommand("dfns.removeConnection", {
      connectionId: secondConnection.id,
      skipConfirmation: true,
    });
    await eventually(async () => {
      assert.deepEqual(labels(await rows(api)), [
        "alpha-deployer",
        "retired-bot",
        "Invalid token entry: broken-entry",
      ]);
      assert.equal(api.treeView.description, host);
    });
  });

  it("keeps listing one connection while the other fails to refresh", async () => {
    await signInToBoth();
    const [first, secondConnection] = await connections();
    second.setFault({ kind: "status", status: 500 });
    await vscode.commands.executeCommand("dfns.refresh");
    const [one, two] = await eventually(async () => {
      const shown = await rows(api);
      assert.match(shown[1]?.description ?? "", /refresh failed/);
      return shown as [Row, Row];
    });
    assert.equal(one.description, `${host} · 2 tokens`, "the first connection is unaffected");
    assert.equal(one.item.id, `conn/${first?.id}`);
    assert.deepEqual(labels(await rows(api, one)), [
      "alpha-deployer",
      "retired-bot",
      "Invalid token entry: broken-entry",
    ]);
    // The failing connection keeps its last list, and the view says which connection failed.
    assert.equal(two.item.id, `conn/${secondConnection?.id}`);
    assert.deepEqual(labels(await rows(api, two)), ["beta-deployer", "operator"]);
    assert.match(String(api.treeView.message), new RegExp(`${secondOrg}: refresh failed`));

    // Once it answers again, a refresh clears the failure.
    second.setFault(undefined);
    await vscode.commands.executeCommand("dfns.refresh");
    await eventually(async () => {
      assert.equal(
        (await rows(api))[1]?.description,
        `${secondHost} · 2 tokens · token expires in less than an hour`,
      );
      assert.equal(api.treeView.message, undefined);
    });
  });

  it("shows error rows under a connection that never listed, and the other's tokens", async () => {
    await signOut();
    assert.equal(await signInToSimulator(), true);
    // Kept without a list: the token could not be checked at sign-in.
    second.setFault({ kind: "status", status: 500 });
    assert.equal(await signInToSecond({ ifUnverified: "keep" }), true);
    assert.equal((await connections()).length, 2);
    const [one, two] = await eventually(async () => {
      const shown = await rows(api);
      assert.equal(shown.length, 2);
      assert.match(shown[1]?.description ?? "", /refresh failed/);
      return shown as [Row, Row];
    });
    const errorRows = await rows(api, two);
    assert.ok(
      errorRows.some((row) => row.label === "Retry"),
      `a Retry row among ${labels(errorRows).join(", ")}`,
    );
    assert.deepEqual(labels(await rows(api, one)), [
      "alpha-deployer",
      "retired-bot",
      "Invalid token entry: broken-entry",
    ]);
    // Retry (the row's command) refreshes only that connection.
    second.setFault(undefined);
    const retry = errorRows.find((row) => row.label === "Retry")?.item.command;
    await sim.control.clearRequests();
    await vscode.commands.executeCommand(retry?.command ?? "", ...(retry?.arguments ?? []));
    await eventually(async () =>
      assert.deepEqual(labels(await rows(api, (await rows(api))[1])), ["beta-deployer", "operator"]),
    );
    assert.equal((await sim.control.requests()).length, 0, "the first connection was not refetched");
  });

  /** Runs Find Tokens Granting, then `steps` in its quick pick. */
  async function findGranting(args: unknown, steps: (() => Thenable<unknown>)[]): Promise<void> {
    const done = vscode.commands.executeCommand("dfns.findTokensGranting", args);
    for (const step of steps) {
      await pause(800);
      await step();
    }
    await done;
  }
});

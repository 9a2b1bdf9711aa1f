// Hygiene flags as the real view shows them: the short labels in each token row's description, the
// warning colour of its icon, the reasons in its tooltip; the dfns.hygiene.* settings applied live
// (no refetch); and the signed-in token's own expiry in the view's description and message.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import {
  eventually,
  type Row,
  rowLabelled,
  rows,
  signedInWith,
  signInToSimulator,
  signOut,
  withWorkspaceSettings,
} from "./api";
import { alpha } from "./fixtures";
import { hostSimulator } from "./simulator";

const dayMs = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs).toISOString();

function assignment(id: string, permissionName: string, operations: string[]) {
  return {
    permissionName,
    permissionId: `pm-hyg00-${id}`,
    assignmentId: `as-hyg00-${id}`,
    operations,
  };
}

function token(id: string, name: string, extra: Record<string, unknown>) {
  return {
    ...alpha,
    tokenId: `to-hyg00-${id}`,
    name,
    credId: `cr-hyg00-${id}`,
    dateCreated: daysAgo(3),
    permissionAssignments: [assignment(id, "Readers", ["Wallets:Read"])],
    ...extra,
  };
}

const sixty = Array.from({ length: 60 }, (_, i) => `Wallets:Custom${String(i).padStart(2, "0")}`);

const clean = token("clean", "clean-reader", {});
const old = token("old", "old-reader", { dateCreated: daysAgo(200) });
const admin = token("admin", "root-admin", {
  permissionAssignments: [assignment("admin", "DfnsFullAdminAccess", [])],
});
const exporter = token("export", "exporter", {
  permissionAssignments: [assignment("export", "Exporters", ["Wallets:Read", "Wallets:Export"])],
});
const wide = token("wide", "wide-bot", { permissionAssignments: [assignment("wide", "Everything", sixty)] });
const inactive = token("inact", "sleeping-admin", {
  isActive: false,
  dateCreated: daysAgo(200),
  permissionAssignments: [assignment("inact", "DfnsFullAdminAccess", [])],
});
const items = [clean, old, admin, exporter, wide, inactive];

/** The tooltip's Markdown with its backslash escapes removed, to compare with plain sentences. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, "$1");

function iconOf(row: Row): { id: string; color: string | undefined } {
  const icon = row.item.iconPath;
  assert.ok(icon instanceof vscode.ThemeIcon, `${row.label}: the icon is a ThemeIcon`);
  return { id: icon.id, color: icon.color?.id };
}

describe("hygiene flags in the view", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const hygiene = () => vscode.workspace.getConfiguration("dfns.hygiene");
  const setHygiene = (key: string, value: unknown) =>
    hygiene().update(key, value, vscode.ConfigurationTarget.Global);
  const row = (label: string) => rowLabelled(api, label);

  before(async () => {
    api = await signedInWith(items);
    await eventually(async () => assert.equal((await rows(api)).length, items.length));
  });
  after(async () => {
    for (const key of ["maxAgeDays", "maxOperations", "sensitiveOperations"])
      await setHygiene(key, undefined);
    await signOut();
  });

  it("shows each flag's short label after the age in the row description", async () => {
    const description = async (label: string) => (await row(label)).description ?? "";
    assert.match(await description("old-reader"), /^\S.* · consider rotating$/);
    assert.match(await description("root-admin"), / · full admin$/);
    assert.match(await description("exporter"), / · sensitive$/);
    assert.match(await description("wide-bot"), / · 60 operations$/);
    assert.equal(await description("sleeping-admin"), "inactive", "an inactive token has only that flag");
    const unflagged = await description("clean-reader");
    assert.ok(unflagged.length > 0, "the age is shown");
    assert.doesNotMatch(unflagged, /·|rotating|admin|sensitive|operations|inactive/);
  });

  it("cannot be silenced by a cloned repository's workspace settings", async () => {
    const silencing = {
      "dfns.hygiene.maxAgeDays": 0,
      "dfns.hygiene.sensitiveOperations": [],
      "dfns.autoRefresh.enabled": true,
      // A setting a workspace may change, to see when VS Code has read the file.
      "dfns.groupOperationsByNamespace": true,
    };
    await withWorkspaceSettings(silencing, async () => {
      const dfns = () => vscode.workspace.getConfiguration("dfns");
      await eventually(() =>
        assert.equal(dfns().inspect("groupOperationsByNamespace")?.workspaceValue, true),
      );
      // Read, but not applied: these settings are the user's alone ("scope": "application").
      assert.equal(hygiene().get("maxAgeDays"), 90);
      assert.equal(hygiene().inspect("maxAgeDays")?.workspaceValue, undefined);
      assert.equal(vscode.workspace.getConfiguration("dfns.autoRefresh").get("enabled"), false);
      assert.match((await row("old-reader")).description ?? "", / · consider rotating$/);
      assert.match((await row("exporter")).description ?? "", / · sensitive$/);
    });
  });

  it("colours a flagged token's key with list.warningForeground, and only a flagged one", async () => {
    for (const label of ["old-reader", "root-admin", "exporter", "wide-bot"]) {
      assert.deepEqual(iconOf(await row(label)), { id: "key", color: "list.warningForeground" }, label);
    }
    assert.deepEqual(iconOf(await row("clean-reader")), { id: "key", color: undefined });
    assert.equal(iconOf(await row("sleeping-admin")).id, "circle-slash");
  });

  it("explains each flag in the tooltip after a ⚠", async () => {
    const warnings = async (label: string) =>
      plain((await row(label)).tooltip)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.startsWith("⚠"));
    assert.deepEqual(await warnings("old-reader"), [
      "⚠ Created 200 days ago, more than 90: consider rotating it.",
    ]);
    assert.deepEqual(await warnings("root-admin"), [
      "⚠ Holds DfnsFullAdminAccess, which grants every operation.",
    ]);
    assert.deepEqual(await warnings("exporter"), ["⚠ Grants sensitive operations: Wallets:Export."]);
    assert.deepEqual(await warnings("wide-bot"), [
      "⚠ Grants 60 operations, more than 50: consider narrowing its permissions.",
    ]);
    assert.deepEqual(await warnings("sleeping-admin"), [
      "⚠ Inactive: it cannot be used; delete it if it is no longer needed.",
    ]);
    assert.deepEqual(await warnings("clean-reader"), []);
  });

  it("applies the dfns.hygiene.* settings live, without fetching the list again", async () => {
    await sim.control.clearRequests();
    await setHygiene("maxAgeDays", 0);
    await eventually(async () => {
      const oldRow = await row("old-reader");
      assert.doesNotMatch(oldRow.description ?? "", /consider rotating/);
      assert.deepEqual(iconOf(oldRow), { id: "key", color: undefined });
      assert.doesNotMatch(plain(oldRow.tooltip), /⚠/);
    });
    await setHygiene("sensitiveOperations", []);
    await eventually(async () => {
      const exporterRow = await row("exporter");
      assert.doesNotMatch(exporterRow.description ?? "", /sensitive/);
      assert.deepEqual(iconOf(exporterRow), { id: "key", color: undefined });
    });
    await setHygiene("maxOperations", 60);
    await eventually(async () =>
      assert.doesNotMatch((await row("wide-bot")).description ?? "", /operations/),
    );
    // A lower threshold flags a narrower token, and a custom pattern list is honoured.
    await setHygiene("maxOperations", 1);
    await setHygiene("sensitiveOperations", ["Wallets:Read"]);
    await eventually(async () =>
      assert.match((await row("exporter")).description ?? "", / · sensitive · 2 operations$/),
    );
    assert.match((await row("clean-reader")).description ?? "", / · sensitive$/);
    assert.match(plain((await row("clean-reader")).tooltip), /⚠ Grants sensitive operations: Wallets:Read\./);
    // Full admin does not depend on a setting.
    assert.match((await row("root-admin")).description ?? "", / · full admin$/);
    assert.deepEqual(await sim.control.requests(), [], "no request: the flags come from the list held");

    for (const key of ["maxAgeDays", "maxOperations", "sensitiveOperations"])
      await setHygiene(key, undefined);
    await eventually(async () => {
      assert.match((await row("old-reader")).description ?? "", /consider rotating$/);
      assert.match((await row("exporter")).description ?? "", / · sensitive$/);
      assert.match((await row("wide-bot")).description ?? "", / · 60 operations$/);
    });
    assert.deepEqual(await sim.control.requests(), []);
  });

  it("moves ages and flags on with the clock, without a fetch", async () => {
    // 91 days less 3 seconds: "consider rotating" from the 92nd day of age, in 3 seconds.
    const nearly = token("nearly", "nearly-old", {
      dateCreated: new Date(Date.now() - 91 * dayMs + 3_000).toISOString(),
    });
    await sim.control.setPats([...items, nearly]);
    await vscode.commands.executeCommand("dfns.refresh");
    try {
      assert.doesNotMatch((await row("nearly-old")).description ?? "", /consider rotating/);
      await sim.control.clearRequests();
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      assert.doesNotMatch((await row("nearly-old")).description ?? "", /consider rotating/, "rows are kept");
      api.refreshAges(); // what the view's hourly tick does
      await eventually(async () =>
        assert.match((await row("nearly-old")).description ?? "", / · consider rotating$/),
      );
      assert.deepEqual(await sim.control.requests(), [], "no request");
    } finally {
      await sim.control.setPats(items);
      await vscode.commands.executeCommand("dfns.refresh");
    }
  });

  describe("the signed-in token's expiry", () => {
    const signInWith = async (expiresInSeconds: number) => {
      await signOut();
      const issued = await sim.control.issueToken({ expiresInSeconds });
      assert.equal(await signInToSimulator({ token: issued }), true);
      assert.equal((await api.connections()).length, 1);
    };

    it("warns in the view's description and message when the token expires within the warning days", async () => {
      await signInWith(2 * 24 * 3600);
      const host = new URL(sim.url).host;
      await eventually(() => {
        assert.match(api.treeView.description ?? "", /token expires in (1 day|2 days)/);
        assert.ok(api.treeView.description?.startsWith(host), api.treeView.description);
        assert.match(api.treeView.message ?? "", /Your token expires on .*: create a new one/);
      });
    });

    it("says nothing about a token valid for 30 days", async () => {
      await signInWith(30 * 24 * 3600);
      const host = new URL(sim.url).host;
      await eventually(() => {
        assert.equal(api.treeView.description, host);
        assert.doesNotMatch(api.treeView.message ?? "", /expire/);
      });
      assert.equal((await rows(api)).length, items.length, "the list is shown");
    });

    it("with several connections, warns on the connection row of the expiring token only", async () => {
      await signInWith(30 * 24 * 3600);
      // Another org: a token for the same org and user would replace the first connection.
      const soon = await sim.control.issueToken({ expiresInSeconds: 2 * 24 * 3600, orgId: "or-hyg00-other" });
      assert.equal(await signInToSimulator({ token: soon, name: "expiring" }), true);
      assert.equal((await api.connections()).length, 2);
      const connectionRows = await eventually(async () => {
        const all = await rows(api);
        assert.equal(all.length, 2, all.map((r) => r.label).join(", "));
        return all;
      });
      const expiring = connectionRows.find((r) => r.label === "expiring");
      const other = connectionRows.find((r) => r.label !== "expiring");
      assert.ok(expiring && other);
      assert.match(expiring.description ?? "", / · token expires in (1 day|2 days)$/);
      assert.deepEqual(iconOf(expiring), { id: "warning", color: "problemsWarningIcon.foreground" });
      assert.match(plain(expiring.tooltip), /⚠ Your token expires on .*: create a new one/);
      assert.doesNotMatch(other.description ?? "", /expire/);
      assert.doesNotMatch(plain(other.tooltip), /⚠/);
      assert.equal(iconOf(other).id, "cloud");
      await eventually(() => assert.equal(api.treeView.description, "2 connections"));
      await signInWith(30 * 24 * 3600);
    });

    it("warns about the 30-day token once dfns.tokenExpiryWarningDays reaches 30", async () => {
      const config = () => vscode.workspace.getConfiguration("dfns");
      try {
        await config().update("tokenExpiryWarningDays", 30, vscode.ConfigurationTarget.Global);
        await eventually(() => {
          assert.match(api.treeView.description ?? "", /token expires in (29|30) days/);
          assert.match(api.treeView.message ?? "", /Your token expires on/);
        });
      } finally {
        await config().update("tokenExpiryWarningDays", undefined, vscode.ConfigurationTarget.Global);
      }
      await eventually(() => assert.doesNotMatch(api.treeView.description ?? "", /expires/));
    });
  });
});

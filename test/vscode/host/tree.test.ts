import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { rowLabelled, rows, signedInWith, signOut } from "./api";
import { alpha, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

describe("the PAT tree", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();

  before(async () => {
    api = await signedInWith(sampleItems);
  });
  after(signOut);

  it("lists active tokens first, then inactive, then the invalid entry with its reason", async () => {
    const top = await rows(api);
    assert.deepEqual(
      top.map((row) => row.label),
      ["alpha-deployer", "retired-bot", "Invalid token entry: broken-entry"],
    );
    assert.equal(top[1]?.description, "inactive");
    assert.equal(top[2]?.description, "isActive is a string, expected a boolean");
  });

  it("describes a PAT row: id, age, icon, context value and a tooltip with every field", async () => {
    const row = await rowLabelled(api, "alpha-deployer");
    assert.equal(row.item.id, `pat/${alpha.tokenId}`);
    assert.equal(row.description, "3 days ago");
    assert.equal((row.item.iconPath as vscode.ThemeIcon).id, "key");
    assert.equal(row.item.contextValue, "dfnsPat hasTokenId hasCredId hasUserId hasOrgId");
    assert.equal(row.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    for (const value of [alpha.tokenId, alpha.credId, alpha.linkedUserId, alpha.orgId]) {
      assert.ok(row.tooltip.includes(value.replace(/-/g, "\\-")), `${value} in the tooltip`);
    }
    assert.match(row.tooltip, /2 permission assignments, 2 operations/);
    assert.equal((row.item.tooltip as vscode.MarkdownString).isTrusted, false);
  });

  it("marks an inactive PAT with another icon and offers no credential ID it lacks", async () => {
    const row = await rowLabelled(api, "retired-bot");
    assert.notEqual((row.item.iconPath as vscode.ThemeIcon).id, "key");
    assert.doesNotMatch(row.item.contextValue ?? "", /hasCredId/);
    assert.deepEqual(
      (await rows(api, row)).map((child) => child.label),
      ["No permission assignments"],
    );
  });

  it("expands a PAT into its assignments and an assignment into its operations", async () => {
    const pat = await rowLabelled(api, "alpha-deployer");
    const assignments = await rows(api, pat);
    assert.deepEqual(
      assignments.map((row) => [row.label, row.description, row.item.contextValue]),
      [
        [
          "Wallet readers",
          "pm-host0-alpha-0000000000000001",
          "dfnsAssignment hasPermissionId hasAssignmentId",
        ],
        ["Legacy", "pm-host0-alpha-0000000000000002", "dfnsAssignment hasPermissionId"],
      ],
    );
    assert.match(assignments[0]?.tooltip ?? "", /as\\-host0\\-alpha\\-0000000000000001/);
    const operations = await rows(api, assignments[0]);
    assert.deepEqual(
      operations.map((row) => [row.label, row.item.id, row.item.contextValue]),
      [
        [
          "Wallets:Read",
          `pat/${alpha.tokenId}/${alpha.permissionAssignments[0]?.assignmentId}/Wallets:Read`,
          "dfnsOperation hasOperation",
        ],
        [
          "Wallets:Create",
          `pat/${alpha.tokenId}/${alpha.permissionAssignments[0]?.assignmentId}/Wallets:Create`,
          "dfnsOperation hasOperation",
        ],
      ],
    );
    assert.equal(operations[0]?.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(
      (await rows(api, assignments[1])).map((row) => row.label),
      ["No operations"],
    );
  });

  it("keeps row ids stable across a refresh", async () => {
    const before = (await rows(api)).map((row) => row.item.id);
    await vscode.commands.executeCommand("dfns.refresh");
    const after = (await rows(api)).map((row) => row.item.id);
    assert.deepEqual(after, before);
  });

  it("picks up changed data on refresh", async () => {
    await sim.control.setPats([{ ...alpha, name: "alpha-renamed" }]);
    await vscode.commands.executeCommand("dfns.refresh");
    assert.deepEqual(
      (await rows(api)).map((row) => row.label),
      ["alpha-renamed"],
    );
  });

  it("says so when there are no tokens", async () => {
    await sim.control.setPats([]);
    await vscode.commands.executeCommand("dfns.refresh");
    assert.deepEqual(
      (await rows(api)).map((row) => row.label),
      ["No personal access tokens"],
    );
    await sim.control.setPats(sampleItems);
    await vscode.commands.executeCommand("dfns.refresh");
  });

  it("shows the host in the view's description", () => {
    assert.equal(api.treeView.description, new URL(sim.url).host);
  });
});

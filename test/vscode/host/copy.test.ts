import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { type Row, rowLabelled, signedInWith, signOut } from "./api";
import { alpha, sampleItems } from "./fixtures";

async function copied(command: string, row: Row): Promise<string> {
  await vscode.env.clipboard.writeText("nothing copied");
  await vscode.commands.executeCommand(command, row.element);
  return vscode.env.clipboard.readText();
}

describe("copy commands", () => {
  let api: DfnsPatExplorerApi;
  let pat: Row;
  let assignment: Row;
  let operation: Row;

  before(async () => {
    api = await signedInWith(sampleItems);
    pat = await rowLabelled(api, "alpha-deployer");
    assignment = await rowLabelled(api, "Wallet readers", pat);
    operation = await rowLabelled(api, "Wallets:Create", assignment);
  });
  after(signOut);

  const first = alpha.permissionAssignments[0];
  const cases: [string, () => Row, string | undefined][] = [
    ["dfns.copyTokenId", () => pat, alpha.tokenId],
    ["dfns.copyCredentialId", () => pat, alpha.credId],
    ["dfns.copyLinkedUserId", () => pat, alpha.linkedUserId],
    ["dfns.copyOrgId", () => pat, alpha.orgId],
    ["dfns.copyId", () => pat, alpha.tokenId],
    ["dfns.copyPermissionId", () => assignment, first?.permissionId],
    ["dfns.copyAssignmentId", () => assignment, first?.assignmentId],
    ["dfns.copyId", () => assignment, first?.permissionId],
    ["dfns.copyOperation", () => operation, "Wallets:Create"],
    ["dfns.copyId", () => operation, "Wallets:Create"],
  ];
  for (const [command, row, expected] of cases) {
    it(`${command} copies ${expected}`, async () => {
      assert.equal(await copied(command, row()), expected);
    });
  }

  it("copies nothing for an ID the row does not carry", async () => {
    const retired = await rowLabelled(api, "retired-bot");
    assert.equal(await copied("dfns.copyCredentialId", retired), "nothing copied");
  });

  it("copies the selected row's ID when run without an argument (Ctrl/Cmd+C)", async () => {
    await api.treeView.reveal(pat.element, { select: true, focus: true });
    assert.equal(await copied("dfns.copyId", { ...pat, element: undefined }), alpha.tokenId);
  });

  it("binds Ctrl/Cmd+C in the view to Copy ID", () => {
    const keybindings = (vscode.extensions.all.find((ext) => ext.packageJSON.name === "dfns-pat-explorer")
      ?.packageJSON.contributes.keybindings ?? []) as { command: string; key: string; when: string }[];
    assert.ok(
      keybindings.some(
        (kb) =>
          kb.command === "dfns.copyId" && kb.key === "ctrl+c" && /focusedView == dfnsPats/.test(kb.when),
      ),
    );
  });

  it("offers in each row's context menu exactly the IDs it carries", async () => {
    const manifest = vscode.extensions.getExtension("dfns-pat-explorer.dfns-pat-explorer")?.packageJSON;
    const menu = manifest.contributes.menus["view/item/context"] as {
      command: string;
      when: string;
      group: string;
    }[];
    // Evaluate each entry's `viewItem =~ /.../` against the context value the row really has.
    const offered = (row: Row) =>
      menu
        .filter((entry) => entry.group !== "inline")
        .filter((entry) => {
          const pattern = /viewItem =~ \/(.+)\/$/.exec(entry.when)?.[1];
          return pattern !== undefined && new RegExp(pattern).test(row.item.contextValue ?? "");
        })
        .map((entry) => entry.command);
    // A token row also offers its details, as a document or as JSON on the clipboard.
    assert.deepEqual(offered(pat), [
      "dfns.copyTokenId",
      "dfns.copyCredentialId",
      "dfns.copyLinkedUserId",
      "dfns.copyOrgId",
      "dfns.openDetails",
      "dfns.copyAsJson",
    ]);
    assert.deepEqual(offered(await rowLabelled(api, "retired-bot")), [
      "dfns.copyTokenId",
      "dfns.copyLinkedUserId",
      "dfns.copyOrgId",
      "dfns.openDetails",
      "dfns.copyAsJson",
    ]);
    assert.deepEqual(offered(assignment), ["dfns.copyPermissionId", "dfns.copyAssignmentId"]);
    assert.deepEqual(offered(await rowLabelled(api, "Legacy", pat)), ["dfns.copyPermissionId"]);
    assert.deepEqual(offered(operation), ["dfns.copyOperation"]);

    // The inline button copies the primary ID, so it needs the word saying that ID is there.
    const inline = menu.find((entry) => entry.group === "inline" && entry.command === "dfns.copyId");
    const inlinePattern = new RegExp(/viewItem =~ \/(.+)\/$/.exec(inline?.when ?? "")?.[1] ?? "^$");
    for (const row of [pat, assignment, operation]) {
      assert.ok(inlinePattern.test(row.item.contextValue ?? ""), `inline copy on ${row.item.contextValue}`);
    }
    assert.equal(inlinePattern.test("dfnsAssignment hasAssignmentId"), false, "no permission ID, no button");
    assert.equal(inlinePattern.test("dfnsNamespace"), false);
  });
});

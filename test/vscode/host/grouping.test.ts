import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, type Row, rowLabelled, rows, signedInWith, signOut } from "./api";
import { manyOperations, operator, sampleItems } from "./fixtures";

describe("operations grouped by namespace", () => {
  let api: DfnsPatExplorerApi;
  const assignmentId = `pat/${operator.tokenId}/${operator.permissionAssignments[0]?.assignmentId}`;
  const setGrouping = (value: boolean | undefined) =>
    vscode.workspace
      .getConfiguration("dfns")
      .update("groupOperationsByNamespace", value, vscode.ConfigurationTarget.Global);

  const assignmentRow = async (): Promise<Row> =>
    rowLabelled(api, "Operators", await rowLabelled(api, "operator"));

  before(async () => {
    api = await signedInWith([...sampleItems, operator]);
  });
  after(async () => {
    await setGrouping(undefined);
    await signOut();
  });

  it("shows namespace rows with counts under an assignment of more than 8 operations", async () => {
    const namespaces = await rows(api, await assignmentRow());
    assert.deepEqual(
      namespaces.map((row) => [row.label, row.item.id, row.item.contextValue]),
      [
        ["Auth (3)", `${assignmentId}/ns:Auth`, "dfnsNamespace"],
        ["Keys (2)", `${assignmentId}/ns:Keys`, "dfnsNamespace"],
        ["Wallets (5)", `${assignmentId}/ns:Wallets`, "dfnsNamespace"],
      ],
    );
    assert.equal(namespaces[0]?.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it("expands a namespace into operation rows that every copy command still handles", async () => {
    const keys = await rowLabelled(api, "Keys (2)", await assignmentRow());
    const operations = await rows(api, keys);
    assert.deepEqual(
      operations.map((row) => [row.label, row.item.contextValue]),
      [
        ["Keys:Read", "dfnsOperation hasOperation"],
        ["Keys:Create", "dfnsOperation hasOperation"],
      ],
    );
    const copied = async (command: string, row: Row) => {
      await vscode.env.clipboard.writeText("nothing copied");
      await vscode.commands.executeCommand(command, row.element);
      return vscode.env.clipboard.readText();
    };
    const [read] = operations as [Row];
    assert.equal(await copied("dfns.copyOperation", read), "Keys:Read");
    assert.equal(await copied("dfns.copyId", read), "Keys:Read");
    assert.equal(
      await copied("dfns.copyPermissionId", read),
      operator.permissionAssignments[0]?.permissionId,
    );
    assert.equal(await copied("dfns.copyTokenId", read), operator.tokenId);
    assert.equal(await copied("dfns.copyId", keys), "nothing copied", "a namespace row has nothing to copy");
  });

  it("keeps an assignment of 8 operations or fewer flat", async () => {
    const wallets = await rowLabelled(api, "Wallet readers", await rowLabelled(api, "alpha-deployer"));
    assert.deepEqual(
      (await rows(api, wallets)).map((row) => row.label),
      ["Wallets:Read", "Wallets:Create"],
    );
  });

  it("lists operations flat when dfns.groupOperationsByNamespace is off, and groups again when on", async () => {
    await setGrouping(false);
    await eventually(async () =>
      assert.deepEqual(
        (await rows(api, await assignmentRow())).map((row) => row.label),
        manyOperations,
      ),
    );
    await setGrouping(true);
    await eventually(async () =>
      assert.deepEqual(
        (await rows(api, await assignmentRow())).map((row) => row.label),
        ["Auth (3)", "Keys (2)", "Wallets (5)"],
      ),
    );
  });
});

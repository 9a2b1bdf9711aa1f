import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, signedInWith, signOut } from "./api";
import { alpha, operator, rootAdmin, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const accept = () => vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
const next = () => vscode.commands.executeCommand("workbench.action.quickOpenSelectNext");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Dfns: Find Tokens Granting", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();

  /** The id of the row selected in the view, once a reveal has selected one. */
  const selectedId = (expected: string) =>
    eventually(async () => {
      const selected = api.treeView.selection[0];
      assert.ok(selected, "a row is selected");
      const item = await api.treeDataProvider.getTreeItem(selected);
      assert.equal(item.id, expected);
    });

  /** Runs the command, then `steps` in its quick picks. */
  async function find(args: unknown, steps: (() => Thenable<unknown>)[]): Promise<void> {
    const done = vscode.commands.executeCommand("dfns.findTokensGranting", args);
    for (const step of steps) {
      await pause(800);
      await step();
    }
    await done;
  }

  before(async () => {
    api = await signedInWith([...sampleItems, operator, rootAdmin]);
  });
  after(async () => {
    await vscode.commands.executeCommand("dfns.clearFilter");
    await signOut();
  });

  it("reveals the first token granting a wildcard operation given as an argument", async () => {
    await find({ operation: "Auth:*:Create" }, [accept]);
    await selectedId(`pat/${operator.tokenId}`);
  });

  it("includes a DfnsFullAdminAccess token for any operation", async () => {
    await find({ operation: "Auth:*:Create" }, [next, accept]);
    await selectedId(`pat/${rootAdmin.tokenId}`);
  });

  it("lets the operation be picked from those seen in the list", async () => {
    // Sorted, the first operation seen is Auth:Pats:Create: operator grants it, then root-admin.
    await find(undefined, [accept, accept]);
    await selectedId(`pat/${operator.tokenId}`);
  });

  it("matches operation names case-sensitively, finding only the full admin", async () => {
    await find({ operation: "wallets:read" }, [accept]);
    await selectedId(`pat/${rootAdmin.tokenId}`);
  });

  it("clears a filter hiding the token it reveals", async () => {
    await vscode.commands.executeCommand("dfns.filter", { text: "operator" });
    await find({ operation: "Wallets:Read" }, [accept]); // alpha-deployer comes first
    await selectedId(`pat/${alpha.tokenId}`);
    assert.equal(api.treeView.description, new URL(sim.url).host);
  });

  it("sends no request to find what is already listed", async () => {
    const requestsBefore = (await sim.control.requests()).length;
    await find({ operation: "Keys:*" }, [accept]);
    await selectedId(`pat/${operator.tokenId}`);
    assert.equal((await sim.control.requests()).length, requestsBefore);
  });
});

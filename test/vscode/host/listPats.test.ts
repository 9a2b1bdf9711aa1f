import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, signedInWith, signInToSimulator, signOut } from "./api";
import { alpha, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const accept = () => vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
const next = () => vscode.commands.executeCommand("workbench.action.quickOpenSelectNext");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs List PATs, picks the first token, then the action at `actionIndex`. */
async function listPatsAndPick(actionIndex: number, afterAction?: () => Promise<void>): Promise<void> {
  const done = vscode.commands.executeCommand("dfns.listPats");
  await pause(800); // the quick pick opens and fills from the list already fetched
  await accept();
  await pause(500);
  for (let i = 0; i < actionIndex; i++) await next();
  await accept();
  await afterAction?.();
  await done;
}

describe("Dfns: List PATs", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();

  before(async () => {
    api = await signedInWith(sampleItems);
  });
  after(signOut);

  it("copies the chosen token's ID", async () => {
    await vscode.env.clipboard.writeText("nothing copied");
    await listPatsAndPick(0);
    assert.equal(await vscode.env.clipboard.readText(), alpha.tokenId);
  });

  it("copies the chosen token's credential ID", async () => {
    await vscode.env.clipboard.writeText("nothing copied");
    await listPatsAndPick(1);
    assert.equal(await vscode.env.clipboard.readText(), alpha.credId);
  });

  it("reveals the chosen token in the sidebar", async () => {
    await listPatsAndPick(2);
    await eventually(() => {
      const selected = api.treeView.selection[0];
      assert.ok(selected, "a row is selected");
      return Promise.resolve(api.treeDataProvider.getTreeItem(selected));
    }).then((item) => assert.equal((item as vscode.TreeItem).id, `pat/${alpha.tokenId}`));
  });

  it("shows the chosen token's operations and copies the one picked", async () => {
    await vscode.env.clipboard.writeText("nothing copied");
    await listPatsAndPick(3, async () => {
      await pause(500);
      await accept(); // the first operation, under the first permission's separator
    });
    assert.equal(await vscode.env.clipboard.readText(), "Wallets:Read");
  });

  it("fetches on demand and offers Sign In when signed out", async () => {
    await signOut();
    const requestsBefore = (await sim.control.requests()).length;
    const done = vscode.commands.executeCommand("dfns.listPats");
    await pause(500);
    await vscode.commands.executeCommand("notifications.clearAll");
    await done;
    assert.equal(
      (await sim.control.requests()).length,
      requestsBefore,
      "nothing was requested while signed out",
    );
    assert.equal(await signInToSimulator(), true);
  });
});

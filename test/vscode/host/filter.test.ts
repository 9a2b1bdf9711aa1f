import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { rows, signedInWith, signInToSimulator, signOut } from "./api";
import { alpha, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const allRows = ["alpha-deployer", "retired-bot", "Invalid token entry: broken-entry"];

describe("Dfns: Filter PATs", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const host = new URL(sim.url).host;
  const labels = async () => (await rows(api)).map((row) => row.label);
  const filter = (args?: unknown) => vscode.commands.executeCommand("dfns.filter", args);

  before(async () => {
    api = await signedInWith(sampleItems);
    assert.deepEqual(await labels(), allRows);
  });
  afterEach(() => vscode.commands.executeCommand("dfns.clearFilter"));
  after(signOut);

  it("filters by text, ignoring case, without sending a request", async () => {
    const requestsBefore = (await sim.control.requests()).length;
    await filter({ text: "ALPHA" });
    assert.deepEqual(await labels(), ["alpha-deployer"]);
    assert.equal(api.treeView.description, `${host} · filter: "ALPHA"`);
    await filter({ text: alpha.credId.slice(3, 14).toUpperCase(), status: "active" });
    assert.deepEqual(await labels(), ["alpha-deployer"]);
    assert.equal((await sim.control.requests()).length, requestsBefore, "filtering fetched nothing");
  });

  it("filters by status", async () => {
    await filter({ status: "inactive" });
    assert.deepEqual(await labels(), ["retired-bot"]);
    assert.equal(api.treeView.description, `${host} · filter: inactive`);
  });

  it("says so when nothing matches, with a Clear Filter row that clears it", async () => {
    await filter({ text: "no such token", status: "active" });
    const shown = await rows(api);
    assert.deepEqual(
      shown.map((row) => row.label),
      ["No tokens match the filter", "Clear Filter"],
    );
    const command = shown[1]?.item.command;
    assert.equal(command?.command, "dfns.clearFilter");
    await vscode.commands.executeCommand(command?.command ?? "");
    assert.deepEqual(await labels(), allRows);
    assert.equal(api.treeView.description, host);
  });

  it("Clear Filter shows every token again", async () => {
    await filter({ text: "retired" });
    assert.deepEqual(await labels(), ["retired-bot"]);
    await vscode.commands.executeCommand("dfns.clearFilter");
    assert.deepEqual(await labels(), allRows);
  });

  it("keeps the filter through a refresh, which shows the new list narrowed", async () => {
    await filter({ text: "alpha" });
    await sim.control.setPats([
      ...sampleItems,
      { ...alpha, tokenId: "to-host0-alph2-0000000000000009", name: "alpha-two" },
    ]);
    await vscode.commands.executeCommand("dfns.refresh");
    assert.deepEqual(await labels(), ["alpha-deployer", "alpha-two"]);
    await sim.control.setPats(sampleItems);
    await vscode.commands.executeCommand("dfns.refresh");
  });

  it("asks for the status in a prompt, keeping the text already set", async () => {
    await filter({ text: "deployer" });
    const done = filter();
    await pause(800); // the prompt opens with the current status first
    await vscode.commands.executeCommand("workbench.action.quickOpenSelectNext"); // "Active tokens only"
    await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    await done;
    assert.equal(api.treeView.description, `${host} · filter: "deployer" · active`);
    assert.deepEqual(await labels(), ["alpha-deployer"]);
  });

  it("is forgotten on sign-out", async () => {
    await filter({ text: "retired" });
    await signOut();
    assert.equal(await signInToSimulator(), true);
    assert.deepEqual(await labels(), allRows);
    assert.equal(api.treeView.description, host);
  });
});

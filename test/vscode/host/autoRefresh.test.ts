// Auto-refresh in the real editor, timed against the simulator's request log: nothing while the
// setting is off (the default); with it on, one request per interval while the view is visible and
// the window focused, none while it is hidden, the interval never below 30 seconds whatever the
// setting says.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, extensionApi, rows, signInToSimulator, signOut } from "./api";
import { sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("auto-refresh", function () {
  this.timeout(90_000);
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const config = () => vscode.workspace.getConfiguration("dfns.autoRefresh");
  const set = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);
  const listRequests = async () =>
    (await sim.control.requests()).filter((request) => request.url.startsWith("/auth/pats"));

  before(async () => {
    api = await extensionApi();
    await set("enabled", undefined);
    await set("intervalSeconds", undefined);
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    assert.equal(await signInToSimulator(), true);
    await vscode.commands.executeCommand("dfnsPats.focus");
    await eventually(async () => assert.ok((await rows(api)).length > 0));
  });
  after(async () => {
    await set("enabled", undefined);
    await set("intervalSeconds", undefined);
    await signOut();
  });

  it("is off by default: no request while the view is shown", async () => {
    assert.equal(config().inspect("enabled")?.defaultValue, false);
    assert.equal(config().inspect("intervalSeconds")?.defaultValue, 300);
    assert.equal(config().get("enabled"), false);
    await eventually(() => assert.equal(api.treeView.visible, true, "the view is visible"));
    await sim.control.clearRequests();
    await sleep(4_000);
    assert.deepEqual(await sim.control.requests(), []);
  });

  it("polls every 30 s at most often (an interval of 5 is clamped) while the view is visible", async () => {
    await eventually(() => assert.equal(api.treeView.visible, true, "the view is visible"));
    assert.equal(vscode.window.state.focused, true, "the window is focused (the harness's page)");
    await set("intervalSeconds", 5);
    await sim.control.clearRequests();
    const start = Date.now();
    await set("enabled", true);
    await sleep(10_000);
    assert.deepEqual(await listRequests(), [], "no request within 10 s: the interval is at least 30 s");
    const [first] = await eventually(async () => {
      const seen = await listRequests();
      assert.ok(
        seen.length > 0,
        `a request within 36 s (${Math.round((Date.now() - start) / 1000)} s so far)`,
      );
      return seen;
    }, 27_000);
    assert.ok(first);
    const after = Date.parse(first.at) - start;
    assert.ok(after >= 29_000 && after <= 36_000, `the first automatic refresh came after ${after} ms`);
    assert.equal(first.method, "GET");
    assert.equal(first.authorization.present, true);
    // The list stays in place after the poll, with no failure message.
    assert.equal(api.treeView.message, undefined);
    assert.ok((await rows(api)).some((row) => row.label === "alpha-deployer"));
  });

  it("stops polling while the view is hidden, and polls again once it is shown", async () => {
    await set("intervalSeconds", 30);
    await set("enabled", true);
    await vscode.commands.executeCommand("workbench.view.explorer");
    await eventually(() => assert.equal(api.treeView.visible, false, "the view is hidden"));
    await sim.control.clearRequests();
    await sleep(35_000);
    assert.deepEqual(await listRequests(), [], "no request in 35 s with the view hidden");
    await vscode.commands.executeCommand("dfnsPats.focus");
    await eventually(async () => assert.ok((await listRequests()).length > 0, "polling resumed"), 36_000);
  });
});

// The fault matrix of the README, in the real editor: with a good list on screen, each fault leaves
// the list in place, says what failed above it, logs the cause without the token, and throws
// nothing into VS Code.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import type { Fault } from "../../sim/faults";
import { eventually, extensionApi, rows, signInToSimulator, signOut } from "./api";
import { sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

/** Each fault, and what the message above the kept list must say about its cause. */
const faultMatrix: [string, Fault, RegExp][] = [
  ["401", { kind: "status", status: 401 }, /Token rejected by .*: Not Authorized\./],
  ["403", { kind: "status", status: 403 }, /Not allowed to list tokens: .*Auth:Types:Pat/],
  [
    "404",
    { kind: "status", status: 404, message: "Route not found" },
    /answered 404: Route not found \(error id /,
  ],
  ["409", { kind: "status", status: 409, message: "Conflict" }, /answered 409: Conflict/],
  [
    "429 with Retry-After",
    { kind: "status", status: 429, retryAfter: 90 },
    /Rate limited by .*; retry in 90 s/,
  ],
  ["429 without Retry-After", { kind: "status", status: 429 }, /Rate limited by .*; retry in a minute/],
  [
    "500",
    { kind: "status", status: 500, style: "legacy", message: "Internal error" },
    /answered 500: Internal error/,
  ],
  ["502 with an HTML body", { kind: "html", status: 502 }, /answered 502: an HTML error page/],
  ["503", { kind: "status", status: 503 }, /answered 503/],
  ["an empty body", { kind: "empty", status: 200 }, /not a PAT list: the body is empty/],
  ["truncated JSON", { kind: "malformed" }, /not a PAT list: malformed or truncated JSON/],
  ["items missing", { kind: "raw", status: 200, body: "{}" }, /"items" to be an array, got no items/],
  [
    "items not an array",
    { kind: "raw", status: 200, body: '{"items":"x"}' },
    /"items" to be an array, got a string/,
  ],
  ["a null body", { kind: "raw", status: 200, body: "null" }, /with "items", got null/],
  ["a body over the size limit", { kind: "huge", megabytes: 2 }, /larger than the 1 MB limit/],
  ["a server that never answers", { kind: "hang" }, /did not answer in time \(no answer within 1 s\)/],
  ["a connection dropped", { kind: "drop" }, /Cannot reach .*: the connection was reset/],
  [
    "a connection reset mid-body",
    { kind: "reset-mid-body" },
    /Cannot reach .*: the connection broke while reading the response/,
  ],
  [
    "a redirect",
    { kind: "redirect", status: 302 },
    /answered 302 redirecting to https:\/\/attacker\.example\/auth\/pats; not followed/,
  ],
];

describe("the fault matrix in the editor", function () {
  this.timeout(60_000);
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const settings = () => vscode.workspace.getConfiguration("dfns");

  before(async () => {
    api = await extensionApi();
    process.on("unhandledRejection", onRejection);
    // Small limits, so the huge-body and hang faults are quick.
    await settings().update("maxResponseMegabytes", 1, vscode.ConfigurationTarget.Global);
    await settings().update("requestTimeoutSeconds", 1, vscode.ConfigurationTarget.Global);
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    assert.equal(await signInToSimulator(), true);
  });
  after(async () => {
    process.off("unhandledRejection", onRejection);
    await sim.control.setFault(null);
    await settings().update("maxResponseMegabytes", undefined, vscode.ConfigurationTarget.Global);
    await settings().update("requestTimeoutSeconds", undefined, vscode.ConfigurationTarget.Global);
    await signOut();
  });

  const labels = async () => (await rows(api)).map((row) => row.label);

  for (const [what, fault, cause] of faultMatrix) {
    it(`${what}: keeps the list, says why above it, recovers`, async () => {
      const before = await labels();
      assert.equal(before.length, 3);
      await sim.control.setFault(fault);
      await vscode.commands.executeCommand("dfns.refresh");
      assert.deepEqual(await labels(), before, "the last good list stays");
      const message = api.treeView.message ?? "";
      assert.match(message, /^Refresh failed: /);
      assert.match(message, cause);
      assert.match(message, /Showing the list fetched at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./);
      await sim.control.setFault(null);
      await vscode.commands.executeCommand("dfns.refresh");
      assert.equal(api.treeView.message, undefined, "a good refresh clears the message");
      assert.deepEqual(rejections, [], "no unhandled rejection");
    });
  }

  it("closing the view cancels the request in flight and keeps the list", async () => {
    const before = await labels();
    await settings().update("requestTimeoutSeconds", 20, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand("dfnsPats.focus");
    await eventually(() => assert.equal(api.treeView.visible, true));
    try {
      await sim.control.setFault({ kind: "hang" });
      const started = Date.now();
      const refreshed = vscode.commands.executeCommand("dfns.refresh");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await vscode.commands.executeCommand("workbench.view.explorer");
      await refreshed;
      const waited = Date.now() - started;
      // Without the cancel it would wait for the 20 s timeout and then report it.
      assert.ok(waited < 10_000, `the refresh ended ${waited} ms after it began`);
      assert.equal(api.treeView.message, undefined, "a cancelled refresh is not a failure");
    } finally {
      await sim.control.setFault(null);
      await settings().update("requestTimeoutSeconds", 1, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand("dfnsPats.focus");
    }
    assert.deepEqual(await labels(), before, "the list it had stays");
    assert.deepEqual(rejections, [], "no unhandled rejection");
  });

  it("logged every cause, and never the token", async () => {
    await vscode.commands.executeCommand("dfns.showLog");
    const log = await eventually(() => {
      const doc = vscode.workspace.textDocuments.find(
        (d) => d.uri.scheme === "output" && /Dfns/.test(d.uri.path),
      );
      assert.ok(doc);
      assert.match(doc.getText(), /redirecting to https:\/\/attacker\.example/);
      return doc.getText();
    });
    for (const [, , cause] of faultMatrix) assert.match(log, cause);
    assert.equal(log.includes(sim.token), false);
  });
});

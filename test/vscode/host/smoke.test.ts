// The smallest proof that the harness runs us inside a real VS Code with our extension loaded.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionId } from "../harness/paths";
import { hostSimulator } from "./simulator";

describe("in-host smoke", () => {
  it("runs inside VS Code 1.139", () => {
    assert.match(vscode.version, /^1\.139\./);
  });

  it("knows the development extension and activates it", async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not among ${vscode.extensions.all.length} known extensions`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it("can reach the Dfns simulator the runner started", async () => {
    const { control } = hostSimulator();
    const info = await control.info();
    assert.ok(info.patCount > 0, "the simulator serves PATs");
  });
});

// In a window where nothing has touched the extension yet: a palette command activates it, with the
// Dfns view never opened, and does what it says (List PATs, signed out, offers Sign In).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionId } from "../harness/paths";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("activation by command", () => {
  const extension = () => {
    const found = vscode.extensions.getExtension(extensionId);
    assert.ok(found, `${extensionId} is installed`);
    return found;
  };

  it("is inactive in a new window until something asks for it", () => {
    assert.equal(extension().isActive, false);
  });

  it("activates on Dfns: List PATs from the palette, with the view never opened", async () => {
    // Signed out, List PATs offers Sign In in a notification; the command ends when it is dismissed.
    const listed = vscode.commands.executeCommand("dfns.listPats");
    const deadline = Date.now() + 10_000;
    while (!extension().isActive && Date.now() < deadline) await sleep(50);
    assert.equal(extension().isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has("dfns.signIn") && registered.has("dfns.copyId"), "its commands are registered");
    // Dismiss its notification, however long it takes to appear.
    let ended = false;
    void listed.then(() => {
      ended = true;
    });
    for (let waited = 0; !ended && waited < 10_000; waited += 200) {
      await vscode.commands.executeCommand("notifications.clearAll");
      await sleep(200);
    }
    assert.equal(ended, true, "List PATs ended once its Sign In offer was dismissed");
  });
});

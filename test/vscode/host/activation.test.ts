// Runs first (files are sorted): the extension must still be inactive when the window has opened.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionId } from "../harness/paths";

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
}

describe("activation", () => {
  const extension = () => {
    const found = vscode.extensions.getExtension(extensionId);
    assert.ok(found);
    return found;
  };
  const manifest = () => extension().packageJSON as Manifest;

  it("does not activate on start-up", () => {
    assert.equal(extension().isActive, false);
    const eager = (manifest().activationEvents ?? []).filter(
      (event) => event === "*" || event.startsWith("onStartup"),
    );
    assert.deepEqual(eager, []);
  });

  it("activates when the Dfns view is opened", async () => {
    await vscode.commands.executeCommand("workbench.view.extension.dfns");
    const deadline = Date.now() + 10_000;
    while (!extension().isActive && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(extension().isActive, true);
  });

  it("registers every command it contributes", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest()
      .contributes.commands.map((entry) => entry.command)
      .filter((command) => !registered.has(command));
    assert.deepEqual(missing, []);
  });

  it("keeps in the palette, before activation sets any context key, the commands that work signed in or out", () => {
    const gated = new Set(
      manifest()
        .contributes.menus.commandPalette.filter((entry) => entry.when !== undefined)
        .map((entry) => entry.command),
    );
    for (const command of [
      "dfns.signIn",
      "dfns.signOut",
      "dfns.refresh",
      "dfns.listPats",
      "dfns.findTokensGranting",
      "dfns.report",
      "dfns.exportCsv",
    ]) {
      assert.equal(
        gated.has(command),
        false,
        `${command} is hidden until something else activates the extension`,
      );
    }
  });

  it("hides the commands that need a row from the palette, and keeps the others", () => {
    const hidden = manifest()
      .contributes.menus.commandPalette.filter((entry) => entry.when === "false")
      .map((entry) => entry.command)
      .sort();
    assert.deepEqual(hidden, [
      "dfns.copyAsJson",
      "dfns.copyAssignmentId",
      "dfns.copyCredentialId",
      "dfns.copyId",
      "dfns.copyLinkedUserId",
      "dfns.copyOperation",
      "dfns.copyOrgId",
      "dfns.copyPermissionId",
      "dfns.copyTokenId",
      "dfns.openDetails",
      "dfns.removeConnection",
      "dfns.renameConnection",
    ]);
  });
});

import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionApi, signInToSimulator, signOut } from "./api";
import { closeEditorsAndFiles, listFetched, untitled } from "./editorDocs";
import { alpha, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const accept = () => vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
const next = () => vscode.commands.executeCommand("workbench.action.quickOpenSelectNext");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `command`, picks the first token, then the item at `index` of the second pick. */
async function pickTwice(command: string, index: number): Promise<void> {
  const done = vscode.commands.executeCommand(command);
  await pause(800); // the pick opens and fills from the list already fetched
  await accept();
  await pause(500);
  for (let i = 0; i < index; i++) await next();
  await accept();
  await done;
}

/** An editor with a cursor at the end of each of its lines. */
async function editorWithCursors(lines: string[]): Promise<vscode.TextEditor> {
  const editor = await untitled(lines.join("\n"));
  editor.selections = lines.map((line, i) => new vscode.Selection(i, line.length, i, line.length));
  return editor;
}

describe("Editor: Insert ID", () => {
  const sim = hostSimulator();

  before(async () => {
    await extensionApi();
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    assert.equal(await signInToSimulator(), true);
    await listFetched();
  });
  afterEach(closeEditorsAndFiles);
  after(signOut);

  it("inserts the chosen token's credential ID at every cursor", async () => {
    const editor = await editorWithCursors(["TOKEN_CRED=", "const cred = "]);
    await pickTwice("dfns.insertId", 1); // token ID, then credential ID
    assert.equal(editor.document.getText(), `TOKEN_CRED=${alpha.credId}\nconst cred = ${alpha.credId}`);
  });

  it("replaces selected text with the chosen permission ID", async () => {
    const editor = await untitled("permission: PLACEHOLDER");
    editor.selection = new vscode.Selection(0, 12, 0, 23);
    await pickTwice("dfns.insertId", 2); // token, credential, then the first permission
    assert.equal(editor.document.getText(), `permission: ${alpha.permissionAssignments[0]?.permissionId}`);
  });

  it("List PATs offers Insert Token ID when an editor is active", async () => {
    const editor = await editorWithCursors(["id="]);
    await pickTwice("dfns.listPats", 4); // after Copy Token ID, Copy Credential ID, Reveal, Show Operations
    assert.equal(editor.document.getText(), `id=${alpha.tokenId}`);
  });

  it("List PATs offers Insert Credential ID when an editor is active", async () => {
    const editor = await editorWithCursors(["cred="]);
    await pickTwice("dfns.listPats", 5);
    assert.equal(editor.document.getText(), `cred=${alpha.credId}`);
  });

  it("without an editor, says so and opens no pick", async () => {
    await closeEditorsAndFiles();
    await sim.control.clearRequests();
    const done = vscode.commands.executeCommand("dfns.insertId");
    // With a pick open the command would still be waiting for a choice.
    const outcome = await Promise.race([done.then(() => "returned"), pause(2000).then(() => "waiting")]);
    if (outcome === "waiting") await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    assert.equal(outcome, "returned");
    assert.deepEqual(await sim.control.requests(), []);
    await vscode.commands.executeCommand("notifications.clearAll");
  });
});

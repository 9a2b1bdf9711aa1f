// Open Details and Copy as JSON in the real editor: a read-only dfns-pat: JSON document holding the
// list item exactly as the API sent it (accessToken removed), that follows refreshes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, rowLabelled, rows, signedInWith, signOut } from "./api";
import { alpha, retired } from "./fixtures";
import { hostSimulator } from "./simulator";

// Fields the extension does not know, nested values, unusual characters: all must come back as sent.
const detailed = {
  ...alpha,
  tokenId: "to-det00-detail-0000000000000001",
  name: 'deploy bot "β", eu',
  futureField: { nested: [1, "two", null, { deep: true }], empty: {} },
  score: 12.5,
  note: null,
};

const secret = "SECRET-ACCESS-TOKEN-det00-do-not-show";
const leaky = {
  ...alpha,
  tokenId: "to-det00-leaky-00000000000000002",
  name: "leaky",
  accessToken: secret,
  extra: { access_token: `${secret}-nested`, kept: "yes" },
};
const { accessToken: _dropped, ...leakyShown } = leaky;
const leakyExpected = { ...leakyShown, extra: { kept: "yes" } };

const awkward = {
  ...alpha,
  tokenId: "to-det00-awkwd-00000000000000003",
  name: "ci/cd 100% #1? ..\\bot",
};

const items = [detailed, leaky, retired, awkward];

const closeEditors = () => vscode.commands.executeCommand("workbench.action.closeAllEditors");

describe("PAT details (Open Details, Copy as JSON)", () => {
  let api: DfnsPatExplorerApi;
  let connectionId: string;
  const sim = hostSimulator();

  const openDetails = async (given: unknown): Promise<vscode.TextEditor> => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      "dfns.openDetails",
      given,
    );
    assert.ok(editor, "dfns.openDetails returned an editor");
    return editor;
  };
  const copied = async (given: unknown): Promise<string> => {
    await vscode.env.clipboard.writeText("nothing copied");
    await vscode.commands.executeCommand("dfns.copyAsJson", given);
    return vscode.env.clipboard.readText();
  };

  before(async () => {
    api = await signedInWith(items);
    const [connection] = await api.connections();
    assert.ok(connection);
    connectionId = connection.id;
    await eventually(async () => assert.equal((await rows(api)).length, items.length));
  });
  afterEach(closeEditors);
  after(async () => {
    await closeEditors();
    await signOut();
  });

  it("opens a read-only dfns-pat: JSON document of the item exactly as the API sent it", async () => {
    const editor = await openDetails((await rowLabelled(api, detailed.name)).element);
    const document = editor.document;
    assert.equal(document.uri.scheme, "dfns-pat");
    assert.equal(document.languageId, "json");
    assert.equal(document.uri.path, `/${connectionId}/${detailed.tokenId}/${detailed.name}.json`);
    assert.deepEqual(JSON.parse(document.getText()), detailed);
    assert.equal(vscode.window.activeTextEditor?.document, document, "shown in the active editor");
  });

  it("does not let the document be edited or saved", async () => {
    // The control: typing does change an ordinary (untitled) document.
    const scratch = await vscode.workspace.openTextDocument({ content: "" });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand("type", { text: "typed" });
    assert.equal(scratch.getText(), "typed", "typing reaches a writable editor");
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");

    const editor = await openDetails({ connectionId, tokenId: detailed.tokenId });
    const document = editor.document;
    const before = document.getText();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("type", { text: "typed" });
    await vscode.commands.executeCommand("editor.action.selectAll");
    await vscode.commands.executeCommand("deleteLeft");
    assert.equal(document.getText(), before, "typing and deleting change nothing");
    assert.equal(document.isDirty, false);
    assert.equal(await document.save(), false, "there is nothing to save it to");
  });

  it("shows the API's item again after a refresh even if another extension edited the buffer", async () => {
    // VS Code lets a WorkspaceEdit change a content-provider document in memory (the editor itself
    // stays read-only); the next refresh must put back what the API sent.
    const editor = await openDetails({ connectionId, tokenId: detailed.tokenId });
    const document = editor.document;
    const before = document.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), "tampered");
    await vscode.workspace.applyEdit(edit);
    await vscode.commands.executeCommand("dfns.refresh");
    await eventually(() => assert.equal(document.getText(), before));
    assert.deepEqual(JSON.parse(document.getText()), detailed);
  });

  it("opens a token whose name holds path and URI characters", async () => {
    const editor = await openDetails((await rowLabelled(api, awkward.name)).element);
    assert.equal(editor.document.uri.scheme, "dfns-pat");
    assert.deepEqual(JSON.parse(editor.document.getText()), awkward);
  });

  it("takes { connectionId, tokenId } as well as a row", async () => {
    const editor = await openDetails({ connectionId, tokenId: retired.tokenId });
    assert.deepEqual(JSON.parse(editor.document.getText()), retired);
  });

  it("updates an open document after the list is refreshed", async () => {
    const editor = await openDetails((await rowLabelled(api, detailed.name)).element);
    const renamed = { ...detailed, name: "renamed-bot", isActive: false };
    try {
      await sim.control.setPats([renamed, leaky, retired, awkward]);
      await vscode.commands.executeCommand("dfns.refresh");
      await eventually(() => assert.deepEqual(JSON.parse(editor.document.getText()), renamed));
      assert.equal(editor.document.isDirty, false);
    } finally {
      await sim.control.setPats(items);
      await vscode.commands.executeCommand("dfns.refresh");
    }
    await eventually(() => assert.deepEqual(JSON.parse(editor.document.getText()), detailed));
  });

  it("copies the same JSON as the document to the clipboard", async () => {
    const row = await rowLabelled(api, detailed.name);
    const text = await copied(row.element);
    assert.deepEqual(JSON.parse(text), detailed);
    const editor = await openDetails(row.element);
    assert.equal(text, editor.document.getText());
    assert.deepEqual(JSON.parse(await copied({ connectionId, tokenId: retired.tokenId })), retired);
  });

  it("never shows an accessToken, in the document or on the clipboard", async () => {
    const row = await rowLabelled(api, "leaky");
    const editor = await openDetails(row.element);
    const shown = editor.document.getText();
    const clip = await copied(row.element);
    for (const text of [shown, clip]) {
      assert.equal(text.includes(secret), false, "the secret is not shown");
      assert.doesNotMatch(text, /access_?token/i);
      assert.deepEqual(JSON.parse(text), leakyExpected);
    }
    assert.equal(row.tooltip.includes(secret), false);
  });

  it("does nothing for a row that is not a token, nor for an unknown token", async () => {
    const assignment = (await rows(api, await rowLabelled(api, detailed.name)))[0];
    assert.ok(assignment);
    assert.equal(await vscode.commands.executeCommand("dfns.openDetails", assignment.element), undefined);
    assert.equal(
      await vscode.commands.executeCommand("dfns.openDetails", { connectionId, tokenId: "to-nope" }),
      undefined,
    );
    assert.equal(await copied({ connectionId, tokenId: "to-nope" }), "nothing copied");
  });
});

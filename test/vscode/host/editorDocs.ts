// Documents and settings for the editor-feature suites (hover, completion, insert): opened in the
// real editor, and always cleaned up so later suites start with no editor and default settings.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

const created: vscode.Uri[] = [];
let counter = 0;

/**
 * A new name each time: VS Code reuses "Untitled-1" and keeps a closed file's model a moment, so a
 * reused name can hand a test the previous test's text.
 */
function uniqueName(): string {
  return `dfns-editor-test-${Date.now()}-${++counter}`;
}

/** An untitled document shown in an editor, with the given text. */
export async function untitled(content: string, language = "plaintext"): Promise<vscode.TextEditor> {
  const opened = await vscode.workspace.openTextDocument(
    vscode.Uri.from({ scheme: "untitled", path: uniqueName() }),
  );
  const document = await vscode.languages.setTextDocumentLanguage(opened, language);
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
  return editor;
}

/** A file in a new folder of the workspace (deleted by closeEditorsAndFiles), shown in an editor. */
export async function workspaceFile(name: string, content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the harness opens a folder");
  const dir = vscode.Uri.joinPath(folder.uri, uniqueName());
  const uri = vscode.Uri.joinPath(dir, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, "utf8"));
  created.push(dir);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Where `text` starts in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is in the document`);
  return document.positionAt(at + offset);
}

export async function closeEditorsAndFiles(): Promise<void> {
  // Reverting first: closing a changed untitled editor would ask whether to save it.
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  for (const uri of created.splice(0)) {
    await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  }
}

/** Sets a dfns.* user setting; `undefined` puts it back to its default. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration("dfns").update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * These features read the list already fetched and never fetch it. Signed in right after activation,
 * the activation's own read of the (then empty) secret can land after sign-in and drop the list, so
 * fetch it once here rather than depend on which suite ran first.
 */
export async function listFetched(): Promise<void> {
  await vscode.commands.executeCommand("dfns.refresh");
}

import * as vscode from "vscode";
import { pickPat } from "../commands/pickPat";
import type { Services } from "../services";
import { idChoices } from "./idChoices";
import { idKindLabels } from "./idIndex";

/** Types `text` at every cursor, replacing what each selects, as typing it would. */
export async function insertAtCursors(editor: vscode.TextEditor, text: string, what: string): Promise<void> {
  if (editor.document.isClosed) {
    void vscode.window.showWarningMessage(`The editor was closed; the ${what} was not inserted.`);
    return;
  }
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
  if (!done)
    void vscode.window.showWarningMessage(`This editor did not accept the ${what} (is it read-only?).`);
}

/** "Dfns: Insert ID…": a token, then one of its ids, typed at every cursor of the active editor. */
export async function insertId(services: Services): Promise<void> {
  // Taken now: the quick picks do not change it, but the user may switch editors meanwhile.
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("Open an editor to insert a Dfns ID into.");
    return;
  }
  const pat = (await pickPat(services, "Insert ID: choose a token"))?.pat;
  if (!pat) return;
  const items = idChoices(pat).map((choice) => ({ label: choice.label, description: choice.id, choice }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Insert ID of ${pat.name || pat.tokenId}`,
    placeHolder: "Which ID to insert",
    matchOnDescription: true,
  });
  if (picked) await insertAtCursors(editor, picked.choice.id, idKindLabels[picked.choice.kind]);
}

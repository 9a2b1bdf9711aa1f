import * as vscode from "vscode";
import { pickPat } from "../commands/pickPat";
import type { Services } from "../services";
import { l10n } from "../util/l10n";
import { idChoices } from "./idChoices";
import { idKindLabel } from "./idIndex";

/** Types `text` at every cursor, replacing what each selects, as typing it would. */
export async function insertAtCursors(editor: vscode.TextEditor, text: string, what: string): Promise<void> {
  if (editor.document.isClosed) {
    void vscode.window.showWarningMessage(l10n.t("The editor was closed; the {0} was not inserted.", what));
    return;
  }
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
  if (!done) {
    void vscode.window.showWarningMessage(
      l10n.t("This editor did not accept the {0} (is it read-only?).", what),
    );
  }
}

/** "Dfns: Insert ID…": a token, then one of its ids, typed at every cursor of the active editor. */
export async function insertId(services: Services): Promise<void> {
  // Taken now: the quick picks do not change it, but the user may switch editors meanwhile.
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(l10n.t("Open an editor to insert a Dfns ID into."));
    return;
  }
  const pat = (await pickPat(services, l10n.t("Insert ID: choose a token")))?.pat;
  if (!pat) return;
  const items = idChoices(pat).map((choice) => ({ label: choice.label, description: choice.id, choice }));
  const picked = await vscode.window.showQuickPick(items, {
    title: l10n.t("Insert ID of {0}", pat.name || pat.tokenId),
    placeHolder: l10n.t("Which ID to insert"),
    matchOnDescription: true,
  });
  if (picked) await insertAtCursors(editor, picked.choice.id, idKindLabel(picked.choice.kind));
}

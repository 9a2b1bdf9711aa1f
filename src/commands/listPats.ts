import * as vscode from "vscode";
import { insertAtCursors } from "../editor/insertId";
import type { Services } from "../services";
import { l10n } from "../util/l10n";
import { copyToClipboard } from "./copy";
import { openDetails } from "./details";
import { type PickedPat, pickPat } from "./pickPat";
import { showOperations } from "./showOperations";

async function offerActions(services: Services, { pat, connection }: PickedPat): Promise<void> {
  // Taken before the pick opens, which does not change it.
  const editor = vscode.window.activeTextEditor;
  const actions = [
    {
      label: `$(copy) ${l10n.t("Copy Token ID")}`,
      description: pat.tokenId,
      run: () => copyToClipboard(pat.tokenId, l10n.t("token ID")),
    },
    ...(pat.credId
      ? [
          {
            label: `$(copy) ${l10n.t("Copy Credential ID")}`,
            description: pat.credId,
            run: () => copyToClipboard(pat.credId, l10n.t("credential ID")),
          },
        ]
      : []),
    {
      label: `$(list-tree) ${l10n.t("Reveal in Sidebar")}`,
      description: "",
      run: async () => {
        if (!(await services.treeView.reveal(pat.tokenId, connection.id))) {
          void vscode.window.showWarningMessage(
            l10n.t("{0} is no longer in the list; refresh the view.", pat.name),
          );
        }
      },
    },
    {
      label: `$(symbol-event) ${l10n.t("Show Operations")}`,
      description: "",
      run: () => showOperations(pat),
    },
    ...(editor
      ? [
          {
            label: `$(insert) ${l10n.t("Insert Token ID")}`,
            description: pat.tokenId,
            run: () => insertAtCursors(editor, pat.tokenId, l10n.t("token ID")),
          },
          ...(pat.credId
            ? [
                {
                  label: `$(insert) ${l10n.t("Insert Credential ID")}`,
                  description: pat.credId,
                  run: () => insertAtCursors(editor, pat.credId, l10n.t("credential ID")),
                },
              ]
            : []),
        ]
      : []),
    {
      label: `$(json) ${l10n.t("Open Details")}`,
      description: "",
      run: () => openDetails(services, { connectionId: connection.id, tokenId: pat.tokenId }),
    },
  ];
  const action = await vscode.window.showQuickPick(actions, {
    title: `${pat.name} · ${connection.label}`,
    placeHolder: pat.tokenId,
  });
  await action?.run();
}

/** "Dfns: List PATs": finds a token from the palette, whether or not the view was ever opened. */
export async function listPats(services: Services): Promise<void> {
  const picked = await pickPat(services, l10n.t("Dfns PATs"));
  if (picked) await offerActions(services, picked);
}

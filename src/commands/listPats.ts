import * as vscode from "vscode";
import { insertAtCursors } from "../editor/insertId";
import type { Services } from "../services";
import { copyToClipboard } from "./copy";
import { openDetails } from "./details";
import { type PickedPat, pickPat } from "./pickPat";
import { showOperations } from "./showOperations";

async function offerActions(services: Services, { pat, connection }: PickedPat): Promise<void> {
  // Taken before the pick opens; offered last so the other actions keep their places.
  const editor = vscode.window.activeTextEditor;
  const actions = [
    {
      label: "$(copy) Copy Token ID",
      description: pat.tokenId,
      run: () => copyToClipboard(pat.tokenId, "token ID"),
    },
    ...(pat.credId
      ? [
          {
            label: "$(copy) Copy Credential ID",
            description: pat.credId,
            run: () => copyToClipboard(pat.credId, "credential ID"),
          },
        ]
      : []),
    {
      label: "$(list-tree) Reveal in Sidebar",
      description: "",
      run: async () => {
        if (!(await services.treeView.reveal(pat.tokenId, connection.id))) {
          void vscode.window.showWarningMessage(`${pat.name} is no longer in the list; refresh the view.`);
        }
      },
    },
    { label: "$(symbol-event) Show Operations", description: "", run: () => showOperations(pat) },
    {
      label: "$(json) Open Details",
      description: "",
      run: () => openDetails(services, { connectionId: connection.id, tokenId: pat.tokenId }),
    },
    ...(editor
      ? [
          {
            label: "$(insert) Insert Token ID",
            description: pat.tokenId,
            run: () => insertAtCursors(editor, pat.tokenId, "token ID"),
          },
          ...(pat.credId
            ? [
                {
                  label: "$(insert) Insert Credential ID",
                  description: pat.credId,
                  run: () => insertAtCursors(editor, pat.credId, "credential ID"),
                },
              ]
            : []),
        ]
      : []),
  ];
  const action = await vscode.window.showQuickPick(actions, {
    title: `${pat.name} · ${connection.label}`,
    placeHolder: pat.tokenId,
  });
  await action?.run();
}

/** "Dfns: List PATs": finds a token from the palette, whether or not the view was ever opened. */
export async function listPats(services: Services): Promise<void> {
  const picked = await pickPat(services, "Dfns PATs");
  if (picked) await offerActions(services, picked);
}

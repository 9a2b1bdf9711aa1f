import * as vscode from "vscode";
import type { Pat } from "../dfns/types";
import type { Services } from "../services";
import { copyToClipboard } from "./copy";
import { type PatPickItem, patPickItems } from "./patPicks";
import { showOperations } from "./showOperations";

/** Waits for the user to accept one item or dismiss the pick. */
function pickOne(quickPick: vscode.QuickPick<PatPickItem>): Promise<PatPickItem | undefined> {
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
}

async function offerActions(services: Services, pat: Pat): Promise<void> {
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
        if (!(await services.treeView.reveal(pat.tokenId))) {
          void vscode.window.showWarningMessage(`${pat.name} is no longer in the list; refresh the view.`);
        }
      },
    },
    { label: "$(symbol-event) Show Operations", description: "", run: () => showOperations(pat) },
  ];
  const action = await vscode.window.showQuickPick(actions, { title: pat.name, placeHolder: pat.tokenId });
  await action?.run();
}

/** "Dfns: List PATs": finds a token from the palette, whether or not the view was ever opened. */
export async function listPats(services: Services): Promise<void> {
  const connection = await services.connections.get();
  if (!connection) {
    const choice = await vscode.window.showInformationMessage(
      "Sign in to Dfns to list your tokens.",
      "Sign In",
    );
    if (choice) await vscode.commands.executeCommand("dfns.signIn");
    return;
  }
  const quickPick = vscode.window.createQuickPick<PatPickItem>();
  quickPick.title = `Dfns PATs on ${connection.host}`;
  quickPick.placeholder = "Search by name, token ID, status or creation date";
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const picked = pickOne(quickPick);
  quickPick.show();

  const state = await services.patList.ensureLoaded();
  if (!state.snapshot) {
    quickPick.hide();
    const message = state.error?.message ?? "The token list could not be loaded.";
    const choice = await vscode.window.showErrorMessage(message, "Retry", "Show Log");
    if (choice === "Retry") await listPats(services);
    if (choice === "Show Log") services.showLog();
    return;
  }
  quickPick.items = patPickItems(state.snapshot.list.pats, Date.now());
  quickPick.busy = false;
  if (quickPick.items.length === 0) quickPick.placeholder = "No personal access tokens";

  const item = await picked;
  quickPick.dispose();
  if (item) await offerActions(services, item.pat);
}

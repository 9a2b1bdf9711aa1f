import * as vscode from "vscode";
import type { Pat } from "../dfns/types";
import type { Services } from "../services";
import { type PatPickItem, patPickItems } from "./patPicks";

/**
 * The List PATs pick, for choosing a token to act on: opens at once, fills from the list already
 * fetched (fetching only if there is none), and offers Sign In, Retry or the log when it cannot.
 */
export async function pickPat(services: Services, title: string): Promise<Pat | undefined> {
  const connection = await services.connections.get();
  if (!connection) {
    const choice = await vscode.window.showInformationMessage(
      "Sign in to Dfns to list your tokens.",
      "Sign In",
    );
    if (choice) await vscode.commands.executeCommand("dfns.signIn");
    return undefined;
  }
  const quickPick = vscode.window.createQuickPick<PatPickItem>();
  quickPick.title = `${title} (${connection.host})`;
  quickPick.placeholder = "Search by name, token ID, status or creation date";
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const picked = new Promise<PatPickItem | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.show();

  const state = await services.patList.ensureLoaded();
  if (!state.snapshot) {
    quickPick.dispose();
    const message = state.error?.message ?? "The token list could not be loaded.";
    const choice = await vscode.window.showErrorMessage(message, "Retry", "Show Log");
    if (choice === "Show Log") services.showLog();
    return choice === "Retry" ? pickPat(services, title) : undefined;
  }
  quickPick.items = patPickItems(state.snapshot.list.pats, Date.now());
  quickPick.busy = false;
  if (quickPick.items.length === 0) quickPick.placeholder = "No personal access tokens";
  const item = await picked;
  quickPick.dispose();
  return item?.pat;
}

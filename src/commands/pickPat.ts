import * as vscode from "vscode";
import type { ConnectionInfo } from "../connections/connectionStore";
import type { Pat } from "../dfns/types";
import type { Services } from "../services";
import { l10n } from "../util/l10n";
import { loadedLists } from "./loadedLists";
import { type PatPickItem, patPickItems } from "./patPicks";

/** A token chosen from the pick, and the connection that lists it. */
export interface PickedPat {
  readonly pat: Pat;
  readonly connection: ConnectionInfo;
}

/**
 * The List PATs pick, for choosing a token to act on: opens at once, fills from the lists already
 * fetched (fetching any never fetched), across every connection, and says which one lists each token.
 */
export async function pickPat(services: Services, title: string): Promise<PickedPat | undefined> {
  const connections = await services.connections.list();
  if (connections.length === 0) {
    // loadedLists offers Sign In.
    await loadedLists(services);
    return undefined;
  }
  const quickPick = vscode.window.createQuickPick<PatPickItem | vscode.QuickPickItem>();
  const [only] = connections;
  quickPick.title = only && connections.length === 1 ? `${title} (${only.host})` : title;
  quickPick.placeholder = l10n.t("Search by name, token ID, status, creation date or connection");
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const picked = new Promise<PatPickItem | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0];
      resolve(item && "pat" in item ? item : undefined);
    });
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.show();

  const lists = await loadedLists(services);
  if (!lists) {
    quickPick.dispose();
    return undefined;
  }
  const now = Date.now();
  // With several connections, each gets a separator and its name on every row (so it is searchable).
  quickPick.items =
    lists.length === 1 && lists[0]
      ? patPickItems(lists[0].pats, now, lists[0].connection)
      : lists.flatMap(({ connection, pats }) => [
          { label: `${connection.label} · ${connection.host}`, kind: vscode.QuickPickItemKind.Separator },
          ...patPickItems(pats, now, connection, true),
        ]);
  quickPick.busy = false;
  if (!quickPick.items.some((item) => "pat" in item)) {
    quickPick.placeholder = l10n.t("No personal access tokens");
  }
  const item = await picked;
  quickPick.dispose();
  return item ? { pat: item.pat, connection: item.connection } : undefined;
}

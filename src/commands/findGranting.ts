import * as vscode from "vscode";
import type { ConnectionInfo } from "../connections/connectionStore";
import {
  allOperations,
  describeThrough,
  fullAdminPermission,
  type Grant,
  operationPattern,
  tokensGranting,
} from "../pats/grants";
import type { Services } from "../services";
import { sortedPats } from "../tree/model";
import { l10n } from "../util/l10n";
import { type LoadedList, loadedLists } from "./loadedLists";

/** What scripts and tests may pass to skip the first prompt. */
export interface FindGrantingArgs {
  readonly operation?: string;
}

interface OperationItem extends vscode.QuickPickItem {
  readonly operation: string;
}

interface GrantItem extends vscode.QuickPickItem {
  readonly grant: Grant;
  readonly connection: ConnectionInfo;
}

/** Operations seen in the list, plus what is typed as a pattern of its own. */
function promptForOperation(operations: readonly string[]): Promise<string | undefined> {
  const listed: OperationItem[] = operations.map((operation) => ({ label: operation, operation }));
  const quickPick = vscode.window.createQuickPick<OperationItem>();
  quickPick.title = l10n.t("Find Tokens Granting…");
  quickPick.placeholder = l10n.t(
    "Pick an operation, or type one; * matches anything (Wallets:*, Auth:*:Create)",
  );
  quickPick.items = listed;
  quickPick.onDidChangeValue((value) => {
    const typed = value.trim();
    if (!typed || operations.includes(typed)) {
      quickPick.items = listed;
      return;
    }
    const own = { label: typed, operation: typed, description: l10n.t("the text typed"), alwaysShow: true };
    // A wildcard pattern leads; plain text trails, so Enter still takes the listed operation it finds.
    quickPick.items = typed.includes("*") ? [own, ...listed] : [...listed, own];
  });
  return new Promise<string | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.operation ?? (quickPick.value.trim() || undefined));
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** One row per granting token; with several connections, each says which one lists it. */
function grantItems(
  grants: readonly Grant[],
  connection: ConnectionInfo,
  nameConnection: boolean,
): GrantItem[] {
  return grants.map((grant) => ({
    grant,
    connection,
    label: `$(${grant.pat.isActive ? "key" : "circle-slash"}) ${grant.pat.name || grant.pat.tokenId}`,
    description: nameConnection ? `${connection.label} · ${describeThrough(grant)}` : describeThrough(grant),
    detail:
      grant.operations.length > 0
        ? grant.operations.join(", ")
        : l10n.t("No listed operation matches; {0} grants it all the same", fullAdminPermission),
  }));
}

/** "Dfns: Find Tokens Granting…": which tokens can perform an operation, and through what. */
export async function findTokensGranting(services: Services, args?: unknown): Promise<void> {
  const lists = await loadedLists(services);
  if (!lists) return;
  const given = (args as FindGrantingArgs | undefined)?.operation;
  const operation =
    typeof given === "string" && given.trim()
      ? given.trim()
      : await promptForOperation(allOperations(lists.flatMap((list) => list.pats)));
  if (!operation) return;
  const items = grantsAcross(lists, operationPattern(operation));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(l10n.t("No listed token grants {0}.", operation));
    return;
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: l10n.t("Tokens granting {0} ({1})", operation, items.length),
    placeHolder: l10n.t("Enter reveals the token in the Dfns view"),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (choice && !(await services.treeView.reveal(choice.grant.pat.tokenId, choice.connection.id))) {
    void vscode.window.showWarningMessage(
      l10n.t("{0} is no longer in the list; refresh the view.", choice.grant.pat.name),
    );
  }
}

function grantsAcross(lists: readonly LoadedList[], pattern: RegExp): GrantItem[] {
  return lists.flatMap(({ connection, pats }) =>
    grantItems(tokensGranting(sortedPats(pats), pattern), connection, lists.length > 1),
  );
}

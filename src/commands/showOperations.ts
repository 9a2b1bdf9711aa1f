import * as vscode from "vscode";
import type { Pat } from "../dfns/types";
import { l10n } from "../util/l10n";
import { copyToClipboard } from "./copy";

interface OperationItem extends vscode.QuickPickItem {
  readonly operation?: string;
}

/** Every operation a token grants, grouped by permission; picking one copies it. */
export async function showOperations(pat: Pat): Promise<void> {
  const items: OperationItem[] = [];
  for (const assignment of pat.permissionAssignments) {
    items.push({
      label: `${assignment.permissionName} (${assignment.permissionId})`,
      kind: vscode.QuickPickItemKind.Separator,
    });
    const operations = assignment.operations ?? [];
    if (operations.length === 0) {
      items.push({ label: l10n.t("No operations"), description: l10n.t("this assignment lists none") });
    }
    for (const operation of operations) {
      items.push({ label: operation, operation });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(l10n.t("{0} has no permission assignments.", pat.name));
    return;
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: l10n.t("Operations of {0}", pat.name),
    placeHolder: l10n.t("Type to filter; Enter copies the operation"),
    matchOnDescription: true,
  });
  if (choice?.operation) await copyToClipboard(choice.operation, l10n.t("operation"));
}

import * as vscode from "vscode";
import type { Services } from "../services";
import { primaryId, type TreeNode } from "../tree/nodes";
import { l10n } from "../util/l10n";

/**
 * One entry per ID a row can carry; `read` returns undefined when the row has none. `what` is a
 * function so that it is translated when used, after activation.
 */
const copyCommands: Record<string, { what: () => string; read: (node: TreeNode) => string | undefined }> = {
  "dfns.copyId": { what: () => l10n.t("ID"), read: primaryId },
  "dfns.copyTokenId": {
    what: () => l10n.t("token ID"),
    read: (node) => ("pat" in node ? node.pat.tokenId : primaryId(node)),
  },
  "dfns.copyCredentialId": {
    what: () => l10n.t("credential ID"),
    read: (node) => ("pat" in node ? node.pat.credId : undefined),
  },
  "dfns.copyLinkedUserId": {
    what: () => l10n.t("linked user ID"),
    read: (node) => ("pat" in node ? node.pat.linkedUserId : undefined),
  },
  "dfns.copyOrgId": {
    what: () => l10n.t("org ID"),
    read: (node) => ("pat" in node ? node.pat.orgId : undefined),
  },
  "dfns.copyPermissionId": {
    what: () => l10n.t("permission ID"),
    read: (node) => ("assignment" in node ? node.assignment.permissionId : undefined),
  },
  "dfns.copyAssignmentId": {
    what: () => l10n.t("assignment ID"),
    read: (node) => ("assignment" in node ? node.assignment.assignmentId : undefined),
  },
  "dfns.copyOperation": {
    what: () => l10n.t("operation"),
    read: (node) => (node.kind === "operation" ? node.operation : undefined),
  },
};

/** Puts text on the clipboard and confirms in the status bar, where it does not interrupt typing. */
export async function copyToClipboard(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${l10n.t("Copied {0} {1}", what, text)}`, 4000);
}

export function registerCopyCommands(services: Services): vscode.Disposable[] {
  return Object.entries(copyCommands).map(([command, { what, read }]) =>
    vscode.commands.registerCommand(command, async (node?: TreeNode) => {
      // From a keybinding or the palette there is no argument: act on the focused row.
      const target = node ?? services.treeView.selection[0];
      const text = target ? read(target) : undefined;
      if (!text) {
        vscode.window.setStatusBarMessage(
          target
            ? `$(info) ${l10n.t("This row has no {0}", what())}`
            : `$(info) ${l10n.t("Select a token in the Dfns view first")}`,
          4000,
        );
        return;
      }
      await copyToClipboard(text, what());
    }),
  );
}

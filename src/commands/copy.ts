import * as vscode from "vscode";
import type { Services } from "../services";
import { primaryId, type TreeNode } from "../tree/nodes";

/** One entry per ID a row can carry; `read` returns undefined when the row has none. */
const copyCommands: Record<string, { what: string; read: (node: TreeNode) => string | undefined }> = {
  "dfns.copyId": { what: "ID", read: primaryId },
  "dfns.copyTokenId": {
    what: "token ID",
    read: (node) => ("pat" in node ? node.pat.tokenId : primaryId(node)),
  },
  "dfns.copyCredentialId": {
    what: "credential ID",
    read: (node) => ("pat" in node ? node.pat.credId : undefined),
  },
  "dfns.copyLinkedUserId": {
    what: "linked user ID",
    read: (node) => ("pat" in node ? node.pat.linkedUserId : undefined),
  },
  "dfns.copyOrgId": { what: "org ID", read: (node) => ("pat" in node ? node.pat.orgId : undefined) },
  "dfns.copyPermissionId": {
    what: "permission ID",
    read: (node) => ("assignment" in node ? node.assignment.permissionId : undefined),
  },
  "dfns.copyAssignmentId": {
    what: "assignment ID",
    read: (node) => ("assignment" in node ? node.assignment.assignmentId : undefined),
  },
  "dfns.copyOperation": {
    what: "operation",
    read: (node) => (node.kind === "operation" ? node.operation : undefined),
  },
};

/** Puts text on the clipboard and confirms in the status bar, where it does not interrupt typing. */
export async function copyToClipboard(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what} ${text}`, 4000);
}

export function registerCopyCommands(services: Services): vscode.Disposable[] {
  return Object.entries(copyCommands).map(([command, { what, read }]) =>
    vscode.commands.registerCommand(command, async (node?: TreeNode) => {
      // From a keybinding or the palette there is no argument: act on the focused row.
      const target = node ?? services.treeView.selection[0];
      const text = target ? read(target) : undefined;
      if (!text) {
        vscode.window.setStatusBarMessage(
          target ? `$(info) This row has no ${what}` : "$(info) Select a token in the Dfns view first",
          4000,
        );
        return;
      }
      await copyToClipboard(text, what);
    }),
  );
}

import * as vscode from "vscode";
import type { Services } from "../services";
import type { TreeNode } from "../tree/nodes";
import { l10n } from "../util/l10n";
import { signOut } from "./signOut";

/** What scripts and tests may pass instead of a row: a connection id and, for rename, the name. */
export interface ConnectionArgs {
  readonly connectionId?: string;
  readonly name?: string;
}

/** The connection a row or scripted argument names. */
function targetId(target: unknown): string | undefined {
  if (typeof target !== "object" || target === null) return undefined;
  const node = target as TreeNode | ConnectionArgs;
  if ("kind" in node) return node.kind === "connection" ? node.connection.id : undefined;
  return typeof node.connectionId === "string" ? node.connectionId : undefined;
}

/** "Rename Connection…": the name the view shows; an empty name goes back to the org from the token. */
export async function renameConnection(services: Services, target: unknown): Promise<boolean> {
  const id = targetId(target);
  const connection = id ? await services.connections.find(id) : undefined;
  if (!connection) return false;
  const given = (target as ConnectionArgs).name;
  const name =
    typeof given === "string"
      ? given
      : await vscode.window.showInputBox({
          title: l10n.t("Rename Connection"),
          prompt: l10n.t("A name for {0}. Leave empty to show the org from its token.", connection.host),
          value: connection.name ?? "",
          placeHolder: connection.claims?.orgId ?? connection.host,
          validateInput: (value) => (value.length > 100 ? l10n.t("Keep it under 100 characters") : undefined),
        });
  if (name === undefined) return false;
  await services.connections.rename(connection.id, name);
  return true;
}

export function registerConnectionCommands(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("dfns.renameConnection", (target?: unknown) =>
      renameConnection(services, target),
    ),
    // Removing a connection is signing out of it: the same confirmation, the same secret deleted.
    vscode.commands.registerCommand("dfns.removeConnection", (target?: unknown) => {
      const connectionId = targetId(target);
      const skipConfirmation =
        (target as { skipConfirmation?: unknown } | undefined)?.skipConfirmation === true;
      return connectionId ? signOut(services, { connectionId, skipConfirmation }) : false;
    }),
  ];
}

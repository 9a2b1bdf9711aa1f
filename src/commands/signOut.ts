import * as vscode from "vscode";
import type { ConnectionInfo } from "../connections/connectionStore";
import type { Services } from "../services";
import { l10n } from "../util/l10n";

export interface SignOutArgs {
  /** For scripted use: skip the confirmation (and, with several connections, sign out of all). */
  readonly skipConfirmation?: boolean;
  /** Sign out of this connection only (its row's "Remove Connection"). */
  readonly connectionId?: string;
}

function describe(connection: ConnectionInfo): string {
  return connection.label === connection.host ? connection.host : `${connection.label} (${connection.host})`;
}

/** With several connections and none named: which one, or all of them? */
async function pickConnections(
  connections: readonly ConnectionInfo[],
): Promise<ConnectionInfo[] | undefined> {
  const all = {
    label: `$(sign-out) ${l10n.t("All Connections")}`,
    description: "",
    connections: [...connections],
  };
  const choice = await vscode.window.showQuickPick(
    [
      ...connections.map((connection) => ({
        label: connection.label,
        description: connection.host,
        connections: [connection],
      })),
      all,
    ],
    { title: l10n.t("Dfns: Sign Out"), placeHolder: l10n.t("Which connection should be forgotten?") },
  );
  return choice?.connections;
}

export async function signOut(services: Services, args: SignOutArgs = {}): Promise<boolean> {
  const stored = await services.connections.list();
  const named = args.connectionId
    ? stored.filter((connection) => connection.id === args.connectionId)
    : stored;
  if (named.length === 0) {
    void vscode.window.showInformationMessage(l10n.t("You are not signed in to Dfns."));
    return false;
  }
  const targets = named.length === 1 || args.skipConfirmation ? [...named] : await pickConnections(named);
  if (!targets) return false;
  if (!args.skipConfirmation) {
    // A PAT's secret is shown once, at creation: make sure the user can get it back before deleting it.
    const signOutLabel = l10n.t("Sign Out");
    const answer = await vscode.window.showWarningMessage(
      targets.length === 1 && targets[0]
        ? l10n.t("Sign out of {0}?", describe(targets[0]))
        : l10n.t("Sign out of all {0} Dfns connections?", targets.length),
      {
        modal: true,
        detail: l10n.t(
          "The token is deleted from VS Code's secret storage. To sign in again you will need to paste it again.",
        ),
      },
      signOutLabel,
    );
    if (answer !== signOutLabel) return false;
  }
  if (targets.length === stored.length) {
    await services.connections.clear();
  } else {
    for (const connection of targets) await services.connections.remove(connection.id);
  }
  for (const connection of targets) services.logger.info(`Signed out of ${describe(connection)}.`);
  return true;
}

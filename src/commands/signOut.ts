import * as vscode from "vscode";
import type { Services } from "../services";

export interface SignOutArgs {
  /** For scripted use: skip the confirmation. */
  readonly skipConfirmation?: boolean;
}

export async function signOut(services: Services, args: SignOutArgs = {}): Promise<boolean> {
  const connection = await services.connections.get();
  if (!connection) {
    void vscode.window.showInformationMessage("You are not signed in to Dfns.");
    return false;
  }
  if (!args.skipConfirmation) {
    // A PAT's secret is shown once, at creation: make sure the user can get it back before deleting it.
    const answer = await vscode.window.showWarningMessage(
      `Sign out of ${connection.host}?`,
      {
        modal: true,
        detail:
          "The token is deleted from VS Code's secret storage. To sign in again you will need to paste it again.",
      },
      "Sign Out",
    );
    if (answer !== "Sign Out") return false;
  }
  services.patList.setConnection(undefined);
  await services.connections.clear();
  services.logger.info(`Signed out of ${connection.host}.`);
  return true;
}

import * as vscode from "vscode";
import type { Services } from "../services";

export async function refresh(services: Services): Promise<void> {
  if (!(await services.connections.get())) {
    const choice = await vscode.window.showInformationMessage(
      "Sign in to Dfns to list your tokens.",
      "Sign In",
    );
    if (choice) await vscode.commands.executeCommand("dfns.signIn");
    return;
  }
  // The view shows progress and, on failure, keeps the last list with a message above it.
  await services.patList.refresh();
}

import * as vscode from "vscode";
import type { Services } from "../services";
import { l10n } from "../util/l10n";

export interface RefreshArgs {
  /** Refresh this connection only (an error row's Retry); otherwise all of them. */
  readonly connectionId?: string;
}

export async function refresh(services: Services, args: RefreshArgs = {}): Promise<void> {
  if (!services.lists.signedIn && (await services.connections.list()).length === 0) {
    const choice = await vscode.window.showInformationMessage(
      l10n.t("Sign in to Dfns to list your tokens."),
      l10n.t("Sign In"),
    );
    if (choice) await vscode.commands.executeCommand("dfns.signIn");
    return;
  }
  // The view shows progress and, on failure, keeps the last list with a message above it.
  const one = args.connectionId ? services.lists.find(args.connectionId) : undefined;
  await (one ? one.list.refresh() : services.lists.refreshAll());
}

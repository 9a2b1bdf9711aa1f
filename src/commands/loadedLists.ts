import * as vscode from "vscode";
import type { ConnectionInfo } from "../connections/connectionStore";
import type { Pat } from "../dfns/types";
import type { Services } from "../services";
import { l10n } from "../util/l10n";

/** One connection's tokens as fetched. */
export interface LoadedList {
  readonly connection: ConnectionInfo;
  readonly pats: readonly Pat[];
}

/** Offers Sign In when there is no connection; true when there is one. */
export async function ensureSignedIn(services: Services): Promise<boolean> {
  if ((await services.connections.list()).length > 0) return true;
  const signIn = l10n.t("Sign In");
  const choice = await vscode.window.showInformationMessage(
    l10n.t("Sign in to Dfns to list your tokens."),
    signIn,
  );
  if (choice === signIn) await vscode.commands.executeCommand("dfns.signIn");
  return false;
}

/**
 * Every connection's list as already fetched, fetching those never fetched. A connection whose list
 * failed is named in a warning and left out; when none could be loaded the user is told why, with a
 * way out, and the answer is undefined.
 */
export async function loadedLists(services: Services): Promise<LoadedList[] | undefined> {
  if (!(await ensureSignedIn(services))) return undefined;
  const states = await services.lists.ensureAllLoaded();
  const loaded: LoadedList[] = [];
  const failures: string[] = [];
  for (const state of states) {
    if (!state.connection) continue;
    if (state.snapshot) loaded.push({ connection: state.connection, pats: state.snapshot.list.pats });
    else failures.push(`${state.connection.label}: ${state.error?.message ?? l10n.t("not loaded")}`);
  }
  if (loaded.length === 0) {
    const retry = l10n.t("Retry");
    const showLog = l10n.t("Show Log");
    const choice = await vscode.window.showErrorMessage(
      failures.join(" ") || l10n.t("The token list could not be loaded."),
      retry,
      showLog,
    );
    if (choice === showLog) services.showLog();
    if (choice === retry) {
      await services.lists.refreshAll();
      return loadedLists(services);
    }
    return undefined;
  }
  if (failures.length > 0) {
    void vscode.window.showWarningMessage(
      l10n.t("Some connections could not be listed and are left out: {0}", failures.join(" ")),
    );
  }
  return loaded;
}

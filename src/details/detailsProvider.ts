import * as vscode from "vscode";
import { l10n } from "../util/l10n";
import { detailsPath, detailsScheme, parseDetailsPath, patJson } from "./patJson";

/** Finds the raw list item of a PAT, as last fetched for that connection; `undefined` when gone. */
export type RawPatLookup = (
  connectionId: string,
  tokenId: string,
) => Readonly<Record<string, unknown>> | undefined;

/** The address of a PAT's read-only details document. Never carries the token or any secret. */
export function detailsUri(connectionId: string, tokenId: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: detailsScheme, path: detailsPath(connectionId, tokenId, name) });
}

function errorJson(message: string): string {
  return `${JSON.stringify({ error: message }, undefined, 2)}\n`;
}

/**
 * Serves `dfns-pat:` documents: one PAT as the API returned it, read-only because VS Code gives
 * content-provider documents no save. A document whose PAT is gone (revoked, signed out, another
 * connection) shows a short JSON `{ "error": ... }` instead, so the tab never fails to open or update.
 * Registration is up to the caller: `vscode.workspace.registerTextDocumentContentProvider(detailsScheme, provider)`.
 */
export class PatDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly lookup: RawPatLookup) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const address = uri.scheme === detailsScheme ? parseDetailsPath(uri.path) : undefined;
    if (!address) {
      return errorJson(l10n.t("This is not the address of a Dfns Personal Access Token."));
    }
    let raw: Readonly<Record<string, unknown>> | undefined;
    try {
      raw = this.lookup(address.connectionId, address.tokenId);
    } catch {
      raw = undefined;
    }
    if (!raw) {
      return errorJson(
        l10n.t(
          "The Personal Access Token {0} ({1}) is not in the current list. It may have been deleted, or you may be signed in elsewhere; refresh the list and open it again.",
          address.name,
          address.tokenId,
        ),
      );
    }
    return patJson(raw);
  }

  /**
   * Asks VS Code to read the given document again, or every open details document when no URI is
   * given (call that after each list refresh, sign-in or sign-out). VS Code only re-reads documents
   * that are open, so firing for closed ones costs nothing.
   */
  refresh(uri?: vscode.Uri): void {
    if (uri) {
      this.changed.fire(uri);
      return;
    }
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === detailsScheme) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

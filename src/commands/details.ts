import * as vscode from "vscode";
import { detailsUri, PatDetailsProvider } from "../details/detailsProvider";
import { detailsScheme, patJson } from "../details/patJson";
import type { Pat } from "../dfns/types";
import type { Services } from "../services";
import type { TreeNode } from "../tree/nodes";
import { l10n } from "../util/l10n";

/** A token row, or what scripts and tests may pass instead: a connection id and a token id. */
export interface PatRef {
  readonly connectionId?: string;
  readonly tokenId?: string;
}

interface Target {
  readonly connectionId: string;
  readonly pat: Pat;
}

function findPat(services: Services, connectionId: string, tokenId: string): Pat | undefined {
  const pats = services.lists.find(connectionId)?.list.state.snapshot?.list.pats;
  return pats?.find((pat) => pat.tokenId === tokenId);
}

/** The token a command was given: a row, a reference, or else the row focused in the view. */
function resolveTarget(services: Services, given: unknown): Target | undefined {
  const node = (given ?? services.treeView.selection[0]) as TreeNode | PatRef | undefined;
  if (!node || typeof node !== "object") return undefined;
  if ("kind" in node) {
    return node.kind === "pat" ? { connectionId: node.connectionId, pat: node.pat } : undefined;
  }
  if (typeof node.connectionId !== "string" || typeof node.tokenId !== "string") return undefined;
  const pat = findPat(services, node.connectionId, node.tokenId);
  return pat ? { connectionId: node.connectionId, pat } : undefined;
}

function nothingSelected(): void {
  vscode.window.setStatusBarMessage(`$(info) ${l10n.t("Select a token in the Dfns view first")}`, 4000);
}

/** "Open Details": the token as the API returned it, in a read-only JSON editor that follows refreshes. */
export async function openDetails(
  services: Services,
  given?: unknown,
): Promise<vscode.TextEditor | undefined> {
  const target = resolveTarget(services, given);
  if (!target) {
    nothingSelected();
    return undefined;
  }
  const uri = detailsUri(target.connectionId, target.pat.tokenId, target.pat.name);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: true });
}

/** "Copy as JSON": the same text as Open Details, on the clipboard. */
export async function copyAsJson(services: Services, given?: unknown): Promise<void> {
  const target = resolveTarget(services, given);
  if (!target) {
    nothingSelected();
    return;
  }
  await vscode.env.clipboard.writeText(patJson(target.pat.raw));
  vscode.window.setStatusBarMessage(
    `$(check) ${l10n.t("Copied {0} as JSON", target.pat.name || target.pat.tokenId)}`,
    4000,
  );
}

export function registerDetailsCommands(services: Services): vscode.Disposable[] {
  const provider = new PatDetailsProvider(
    (connectionId, tokenId) => findPat(services, connectionId, tokenId)?.raw,
  );
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(detailsScheme, provider),
    // An open details document shows the list as last fetched, like the tree.
    { dispose: services.lists.onDidChange(() => provider.refresh()).dispose },
    vscode.commands.registerCommand("dfns.openDetails", (given?: unknown) => openDetails(services, given)),
    vscode.commands.registerCommand("dfns.copyAsJson", (given?: unknown) => copyAsJson(services, given)),
  ];
}

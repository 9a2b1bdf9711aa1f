import * as vscode from "vscode";
import { registerCopyCommands } from "./commands/copy";
import { registerFilterCommands } from "./commands/filterPats";
import { findTokensGranting } from "./commands/findGranting";
import { listPats } from "./commands/listPats";
import { refresh } from "./commands/refresh";
import { type SignInArgs, signIn } from "./commands/signIn";
import { type SignOutArgs, signOut } from "./commands/signOut";
import { type Connection, ConnectionStore } from "./connections/connectionStore";
import { registerEditorFeatures } from "./editor/register";
import { lazyClientSource } from "./pats/clientSource";
import { PatListService } from "./pats/patList";
import type { Services } from "./services";
import { clientSettings, groupOperationsByNamespace } from "./settings";
import { PatTreeView } from "./tree/patTreeView";
import { redactingLogger } from "./util/redactingLogger";

/**
 * What activate() returns: the view's data as VS Code sees it, and whether a connection is stored.
 * The in-editor tests read the tree through it; it never exposes the token.
 */
export interface DfnsPatExplorerApi {
  readonly treeDataProvider: vscode.TreeDataProvider<unknown>;
  readonly treeView: vscode.TreeView<unknown>;
  signedInHost(): Promise<string | undefined>;
}

/** The composition root: builds the pieces and registers them. Nothing is fetched here. */
export function activate(context: vscode.ExtensionContext): DfnsPatExplorerApi {
  const output = vscode.window.createOutputChannel("Dfns", { log: true });
  const connections = new ConnectionStore(context.secrets);
  const knownTokens = new Set<string>();
  const logger = redactingLogger(output, () => [...knownTokens]);

  const sourceFor = (connection: Connection) => {
    knownTokens.add(connection.token);
    return lazyClientSource(connection, clientSettings, logger);
  };
  const patList = new PatListService(sourceFor, logger);
  const treeView = new PatTreeView(patList, groupOperationsByNamespace);
  const services: Services = {
    connections,
    patList,
    treeView,
    logger,
    sourceFor,
    showLog: () => output.show(),
  };

  const follow = (connection: Awaited<ReturnType<ConnectionStore["get"]>>) => {
    patList.setConnection(connection);
    void vscode.commands.executeCommand("setContext", "dfns.signedIn", connection !== undefined);
  };
  void connections.get().then(follow);

  context.subscriptions.push(
    output,
    connections,
    patList,
    treeView,
    connections.onDidChange(follow),
    vscode.commands.registerCommand("dfns.signIn", (args?: SignInArgs) => signIn(services, args)),
    vscode.commands.registerCommand("dfns.signOut", (args?: SignOutArgs) => signOut(services, args)),
    vscode.commands.registerCommand("dfns.refresh", () => refresh(services)),
    vscode.commands.registerCommand("dfns.listPats", () => listPats(services)),
    vscode.commands.registerCommand("dfns.showLog", () => output.show()),
    vscode.commands.registerCommand("dfns.findTokensGranting", (args?: unknown) =>
      findTokensGranting(services, args),
    ),
    ...registerFilterCommands(services),
    ...registerCopyCommands(services),
    ...registerEditorFeatures(services),
  );
  return {
    treeDataProvider: treeView.provider,
    treeView: treeView.view,
    signedInHost: async () => (await connections.get())?.host,
  };
}

export function deactivate(): void {}

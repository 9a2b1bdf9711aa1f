import * as vscode from "vscode";
import { registerConnectionCommands } from "./commands/connections";
import { registerCopyCommands } from "./commands/copy";
import { registerDetailsCommands } from "./commands/details";
import { registerFilterCommands } from "./commands/filterPats";
import { findTokensGranting } from "./commands/findGranting";
import { listPats } from "./commands/listPats";
import { type RefreshArgs, refresh } from "./commands/refresh";
import { type ExportArgs, exportCsv, patReport } from "./commands/report";
import { type SignInArgs, signIn } from "./commands/signIn";
import { type SignOutArgs, signOut } from "./commands/signOut";
import { type Connection, type ConnectionInfo, ConnectionStore } from "./connections/connectionStore";
import { registerEditorFeatures } from "./editor/register";
import { lazyClientSource } from "./pats/clientSource";
import { PatLists } from "./pats/patLists";
import type { Services } from "./services";
import { clientSettings, treeSettings } from "./settings";
import { PatTreeView } from "./tree/patTreeView";
import { bindAutoRefresh } from "./tree/viewAutoRefresh";
import { l10n } from "./util/l10n";
import { redactingLogger } from "./util/redactingLogger";
import { useDisplayLocale } from "./util/time";

/**
 * What activate() returns: the view's data as VS Code sees it, and which connections are stored.
 * The in-editor tests read the tree through it; it never exposes a token.
 */
export interface DfnsPatExplorerApi {
  readonly treeDataProvider: vscode.TreeDataProvider<unknown>;
  readonly treeView: vscode.TreeView<unknown>;
  /** What the view's hourly tick does: rows and header rebuilt with the current time, no fetch. */
  refreshAges(): void;
  /** The host of the first connection, if any. */
  signedInHost(): Promise<string | undefined>;
  connections(): Promise<{ id: string; label: string; host: string }[]>;
}

/** The composition root: builds the pieces and registers them. Nothing is fetched here. */
export function activate(context: vscode.ExtensionContext): DfnsPatExplorerApi {
  l10n.use(vscode.l10n.t);
  useDisplayLocale(vscode.env.language);
  const output = vscode.window.createOutputChannel("Dfns", { log: true });
  const connections = new ConnectionStore(context.secrets);
  const knownTokens = new Set<string>();
  const logger = redactingLogger(output, () => [...knownTokens]);

  const sourceFor = (connection: Connection) => {
    knownTokens.add(connection.token);
    return lazyClientSource(connection, clientSettings, logger);
  };
  const lists = new PatLists(sourceFor, logger);
  const treeView = new PatTreeView(lists, treeSettings);
  const services: Services = {
    connections,
    lists,
    treeView,
    logger,
    sourceFor,
    showLog: () => output.show(),
  };

  const follow = (stored: readonly ConnectionInfo[]) => {
    lists.setConnections(stored);
    void vscode.commands.executeCommand("setContext", "dfns.signedIn", stored.length > 0);
  };
  void connections.list().then(follow);

  context.subscriptions.push(
    output,
    connections,
    lists,
    treeView,
    connections.onDidChange(follow),
    vscode.commands.registerCommand("dfns.signIn", (args?: SignInArgs) => signIn(services, args)),
    vscode.commands.registerCommand("dfns.signOut", (args?: SignOutArgs) => signOut(services, args)),
    vscode.commands.registerCommand("dfns.refresh", (args?: RefreshArgs) => refresh(services, args)),
    vscode.commands.registerCommand("dfns.listPats", () => listPats(services)),
    vscode.commands.registerCommand("dfns.showLog", () => output.show()),
    vscode.commands.registerCommand("dfns.findTokensGranting", (args?: unknown) =>
      findTokensGranting(services, args),
    ),
    ...registerFilterCommands(services),
    ...registerConnectionCommands(services),
    ...registerDetailsCommands(services),
    vscode.commands.registerCommand("dfns.report", () => patReport(services)),
    vscode.commands.registerCommand("dfns.exportCsv", (args?: ExportArgs) => exportCsv(services, args)),
    bindAutoRefresh(lists, treeView.view),
    ...registerCopyCommands(services),
    ...registerEditorFeatures(services),
  );
  return {
    treeDataProvider: treeView.provider,
    treeView: treeView.view,
    refreshAges: () => treeView.refreshAges(),
    signedInHost: async () => (await connections.list())[0]?.host,
    connections: async () => (await connections.list()).map(({ id, label, host }) => ({ id, label, host })),
  };
}

export function deactivate(): void {}

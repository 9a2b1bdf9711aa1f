import * as vscode from "vscode";
import type { Services } from "../services";
import { isStatusFilter, noFilter, type PatFilter, type StatusFilter } from "../tree/filter";
import { l10n } from "../util/l10n";

/** What scripts and tests may pass instead of answering the prompt; omitted fields mean "any". */
export interface FilterArgs {
  readonly text?: string;
  readonly status?: StatusFilter;
  /** A connection id: show only its tokens. */
  readonly connection?: string;
}

interface StatusItem extends vscode.QuickPickItem {
  readonly status: StatusFilter;
}

/** A function, not a constant: the labels are translated when the prompt opens, after activation. */
function statusItems(): readonly StatusItem[] {
  return [
    { status: "all", label: `$(list-flat) ${l10n.t("Active and inactive tokens")}`, alwaysShow: true },
    { status: "active", label: `$(key) ${l10n.t("Active tokens only")}`, alwaysShow: true },
    { status: "inactive", label: `$(circle-slash) ${l10n.t("Inactive tokens only")}`, alwaysShow: true },
  ];
}

/** Commands receive whatever they are given: keep only well-formed fields. */
function filterFromArgs(services: Services, args: unknown): PatFilter | undefined {
  if (typeof args !== "object" || args === null) return undefined;
  const { text, status, connection } = args as Record<keyof FilterArgs, unknown>;
  if (text === undefined && status === undefined && connection === undefined) return undefined;
  const named = typeof connection === "string" ? services.lists.find(connection)?.connection : undefined;
  return {
    text: typeof text === "string" ? text : "",
    status: isStatusFilter(status) ? status : "all",
    ...(named ? { connectionId: named.id } : {}),
  };
}

/** With several connections, a second step: all of them, or one. Undefined when dismissed. */
async function promptForConnection(
  services: Services,
  current: PatFilter,
): Promise<string | "all" | undefined> {
  const entries = services.lists.entries;
  const mark = (id: string | undefined, text: string) =>
    id === current.connectionId ? `${text} · ${l10n.t("current")}` : text;
  const items = [
    {
      label: `$(list-flat) ${l10n.t("All connections")}`,
      description: mark(undefined, ""),
      id: undefined as string | undefined,
    },
    ...entries.map(({ connection }) => ({
      label: `$(cloud) ${connection.label}`,
      description: mark(connection.id, connection.host),
      id: connection.id as string | undefined,
    })),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: l10n.t("Filter PATs: connection"),
    placeHolder: l10n.t("Show the tokens of which connection?"),
  });
  if (!choice) return undefined;
  return choice.id && services.lists.find(choice.id) ? choice.id : "all";
}

/** One prompt for both parts: the text typed, and the status picked below it. */
function promptForFilter(current: PatFilter): Promise<PatFilter | undefined> {
  const quickPick = vscode.window.createQuickPick<StatusItem>();
  quickPick.title = l10n.t("Filter PATs");
  quickPick.placeholder = l10n.t("Text in a token's name, token ID or credential ID (leave empty for any)");
  quickPick.value = current.text;
  // The current status comes first: typing re-activates the first row, so it is kept unless changed.
  const items = statusItems();
  quickPick.items = [
    ...items
      .filter((item) => item.status === current.status)
      .map((item) => ({ ...item, description: l10n.t("current") })),
    ...items.filter((item) => item.status !== current.status),
  ];
  return new Promise<PatFilter | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const status = quickPick.activeItems[0]?.status ?? current.status;
      resolve({ text: quickPick.value.trim(), status });
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** "Dfns: Filter PATs…": narrows the view to the list already fetched; nothing is requested. */
export async function filterPats(services: Services, args?: unknown): Promise<void> {
  const given = filterFromArgs(services, args);
  if (given) {
    services.treeView.setFilter(given);
    return;
  }
  const current = services.treeView.filter;
  const filter = await promptForFilter(current);
  if (!filter) return;
  if (services.lists.entries.length < 2) {
    services.treeView.setFilter(filter);
    return;
  }
  const connectionId = await promptForConnection(services, current);
  if (connectionId === undefined) return;
  services.treeView.setFilter(connectionId === "all" ? filter : { ...filter, connectionId });
}

export function registerFilterCommands(services: Services): vscode.Disposable[] {
  const run = (args?: unknown) => filterPats(services, args);
  return [
    vscode.commands.registerCommand("dfns.filter", run),
    // The same command under the filled icon the title bar shows while a filter is on.
    vscode.commands.registerCommand("dfns.editFilter", run),
    vscode.commands.registerCommand("dfns.clearFilter", () => services.treeView.setFilter(noFilter)),
  ];
}

import * as vscode from "vscode";
import type { Services } from "../services";
import { isStatusFilter, noFilter, type PatFilter, type StatusFilter } from "../tree/filter";

/** What scripts and tests may pass instead of answering the prompt; omitted fields mean "any". */
export interface FilterArgs {
  readonly text?: string;
  readonly status?: StatusFilter;
}

interface StatusItem extends vscode.QuickPickItem {
  readonly status: StatusFilter;
}

const statusItems: readonly StatusItem[] = [
  { status: "all", label: "$(list-flat) Active and inactive tokens", alwaysShow: true },
  { status: "active", label: "$(key) Active tokens only", alwaysShow: true },
  { status: "inactive", label: "$(circle-slash) Inactive tokens only", alwaysShow: true },
];

/** Commands receive whatever they are given: keep only well-formed fields. */
function filterFromArgs(args: unknown): PatFilter | undefined {
  if (typeof args !== "object" || args === null) return undefined;
  const { text, status } = args as Record<keyof FilterArgs, unknown>;
  if (text === undefined && status === undefined) return undefined;
  return { text: typeof text === "string" ? text : "", status: isStatusFilter(status) ? status : "all" };
}

/** One prompt for both parts: the text typed, and the status picked below it. */
function promptForFilter(current: PatFilter): Promise<PatFilter | undefined> {
  const quickPick = vscode.window.createQuickPick<StatusItem>();
  quickPick.title = "Filter PATs";
  quickPick.placeholder = "Text in a token's name, token ID or credential ID (leave empty for any)";
  quickPick.value = current.text;
  // The current status comes first: typing re-activates the first row, so it is kept unless changed.
  quickPick.items = [
    ...statusItems
      .filter((item) => item.status === current.status)
      .map((item) => ({ ...item, description: "current" })),
    ...statusItems.filter((item) => item.status !== current.status),
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
  const filter = filterFromArgs(args) ?? (await promptForFilter(services.treeView.filter));
  if (filter) services.treeView.setFilter(filter);
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

import * as vscode from "vscode";
import type { PatListService, PatListState } from "../pats/patList";
import { groupingSetting } from "../settings";
import { describeFilter, isFiltering, noFilter, type PatFilter } from "./filter";
import type { TreeNode } from "./nodes";
import { PatTreeProvider } from "./patTreeProvider";

export const patViewId = "dfnsPats";
const revealRetryMs = 400;

/** The view around the provider: progress, the failure message above a kept list, the host. */
export class PatTreeView implements vscode.Disposable {
  readonly provider: PatTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private progressShown = false;

  /** `grouping` reads the dfns.groupOperationsByNamespace setting, again whenever it changes. */
  constructor(
    private readonly patList: PatListService,
    grouping: () => boolean,
  ) {
    this.provider = new PatTreeProvider(patList, Date.now, grouping());
    this.view = vscode.window.createTreeView(patViewId, {
      treeDataProvider: this.provider,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.provider,
      this.view,
      { dispose: patList.onDidChange((state) => this.render(state)).dispose },
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(groupingSetting)) this.provider.setGrouping(grouping());
      }),
    );
    this.render(patList.state);
  }

  get filter(): PatFilter {
    return this.provider.filter;
  }

  /** Narrows the view to the list already held; `dfns.filtered` switches the title bar's filter icon. */
  setFilter(filter: PatFilter): void {
    this.provider.setFilter(filter);
    void vscode.commands.executeCommand("setContext", "dfns.filtered", isFiltering(filter));
    this.render(this.patList.state);
  }

  /** Rows focused or selected in the view: what Ctrl/Cmd+C and copy commands act on without an argument. */
  get selection(): readonly TreeNode[] {
    return this.view.selection;
  }

  async reveal(tokenId: string): Promise<boolean> {
    await vscode.commands.executeCommand(`${patViewId}.focus`);
    let node = this.provider.patNode(tokenId);
    // Asked for by name: a filter hiding the token gives way rather than the reveal failing.
    if (!node && isFiltering(this.filter)) {
      this.setFilter(noFilter);
      node = this.provider.patNode(tokenId);
    }
    if (!node) return false;
    const target = node;
    const reveal = () => this.view.reveal(target, { select: true, focus: true, expand: true });
    try {
      await reveal();
    } catch {
      // A view just opened, or whose rows just changed, may not hold the row yet (VS Code applies
      // tree changes after a short debounce): give it that moment once, then report failure.
      await new Promise((resolve) => setTimeout(resolve, revealRetryMs));
      try {
        await reveal();
      } catch {
        return false;
      }
    }
    return true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private render(state: PatListState): void {
    // A filter belongs to a signed-in list; after signing out it would only hide the next one.
    if (!state.connection && isFiltering(this.filter)) {
      this.setFilter(noFilter);
      return;
    }
    const filter = describeFilter(this.filter);
    this.view.description = state.connection
      ? [state.connection.host, filter].filter(Boolean).join(" · ")
      : undefined;
    this.view.message =
      state.error && state.snapshot
        ? `Refresh failed: ${state.error.message}. Showing the list fetched at ${state.snapshot.fetchedAt.toLocaleTimeString()}.`
        : undefined;
    if (state.loading && !this.progressShown) {
      this.progressShown = true;
      void vscode.window.withProgress({ location: { viewId: patViewId } }, () =>
        this.patList.refresh().finally(() => {
          this.progressShown = false;
        }),
      );
    }
  }
}

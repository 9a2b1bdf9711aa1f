import * as vscode from "vscode";
import type { PatListService, PatListState } from "../pats/patList";
import type { TreeNode } from "./nodes";
import { PatTreeProvider } from "./patTreeProvider";

export const patViewId = "dfnsPats";

/** The view around the provider: progress, the failure message above a kept list, the host. */
export class PatTreeView implements vscode.Disposable {
  readonly provider: PatTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private progressShown = false;

  constructor(private readonly patList: PatListService) {
    this.provider = new PatTreeProvider(patList);
    this.view = vscode.window.createTreeView(patViewId, {
      treeDataProvider: this.provider,
      showCollapseAll: true,
    });
    this.disposables.push(this.provider, this.view, {
      dispose: patList.onDidChange((state) => this.render(state)).dispose,
    });
    this.render(patList.state);
  }

  /** Rows focused or selected in the view: what Ctrl/Cmd+C and copy commands act on without an argument. */
  get selection(): readonly TreeNode[] {
    return this.view.selection;
  }

  async reveal(tokenId: string): Promise<boolean> {
    await vscode.commands.executeCommand(`${patViewId}.focus`);
    const node = this.provider.patNode(tokenId);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private render(state: PatListState): void {
    this.view.description = state.connection?.host;
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

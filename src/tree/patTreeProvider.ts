import * as vscode from "vscode";
import type { PatListService, PatListState } from "../pats/patList";
import { childNodes, rootNodes, tooltipOf } from "./model";
import type { PatNode, TreeNode } from "./nodes";
import { markdownTooltip, toTreeItem } from "./treeItems";

/** Adapts the list service and the pure row model to VS Code's tree API; it never speaks HTTP. */
export class PatTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: { state: PatListState; nodes: TreeNode[] } | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly patList: PatListService,
    private readonly now: () => number = Date.now,
  ) {
    this.subscription = patList.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** Called when a row is hovered: only then is its tooltip built. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const tooltip = tooltipOf(node, this.now());
    if (tooltip !== undefined) item.tooltip = markdownTooltip(tooltip);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return childNodes(node);
    const state = this.patList.state;
    // The first look at the view is what fetches: nothing is requested while it stays closed.
    if (state.connection && !state.snapshot && !state.error && !state.loading) {
      void this.patList.refresh();
    }
    return this.rootsOf(this.patList.state);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** The row of a token in the current list, for Reveal in Sidebar. */
  patNode(tokenId: string): PatNode | undefined {
    return this.rootsOf(this.patList.state).find(
      (node): node is PatNode => node.kind === "pat" && node.pat.tokenId === tokenId,
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rootsOf(state: PatListState): TreeNode[] {
    if (this.roots?.state !== state) {
      this.roots = { state, nodes: rootNodes(state, this.now()) };
    }
    return this.roots.nodes;
  }
}

import * as vscode from "vscode";
import type { PatListService, PatListState } from "../pats/patList";
import { noFilter, type PatFilter } from "./filter";
import { childNodes, rootNodes, tooltipOf } from "./model";
import type { PatNode, TreeNode } from "./nodes";
import { markdownTooltip, toTreeItem } from "./treeItems";

/** Adapts the list service and the pure row model to VS Code's tree API; it never speaks HTTP. */
export class PatTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: { state: PatListState; filter: PatFilter; nodes: TreeNode[] } | undefined;
  private readonly subscription: { dispose(): void };
  private currentFilter: PatFilter = noFilter;
  private grouping: boolean;

  constructor(
    private readonly patList: PatListService,
    private readonly now: () => number = Date.now,
    grouping = true,
  ) {
    this.grouping = grouping;
    this.subscription = patList.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): PatFilter {
    return this.currentFilter;
  }

  /** Narrows the rows shown; the list held by the service is reused, never refetched. */
  setFilter(filter: PatFilter): void {
    this.currentFilter = filter;
    this.changed.fire(undefined);
  }

  /** Follows the dfns.groupOperationsByNamespace setting. */
  setGrouping(grouping: boolean): void {
    if (grouping === this.grouping) return;
    this.grouping = grouping;
    this.changed.fire(undefined);
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
    if (node) return childNodes(node, this.grouping);
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
    if (this.roots?.state !== state || this.roots.filter !== this.currentFilter) {
      this.roots = {
        state,
        filter: this.currentFilter,
        nodes: rootNodes(state, this.now(), this.currentFilter),
      };
    }
    return this.roots.nodes;
  }
}

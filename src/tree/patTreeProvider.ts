import * as vscode from "vscode";
import { defaultHygieneRules, type HygieneRules } from "../pats/hygiene";
import type { PatListState } from "../pats/patList";
import type { ConnectionList, PatLists } from "../pats/patLists";
import type { TreeSettings } from "../settings";
import { connectionNode } from "./connectionNode";
import { noFilter, type PatFilter, showsConnection } from "./filter";
import { childNodes, rootNodes, tooltipOf } from "./model";
import type { ConnectionNode, PatNode, TreeNode } from "./nodes";
import { markdownTooltip, toTreeItem } from "./treeItems";

interface BuiltRows {
  readonly state: PatListState;
  readonly filter: PatFilter;
  readonly rules: HygieneRules;
  readonly parent: ConnectionNode | undefined;
  readonly nodes: TreeNode[];
}

const defaultTreeSettings: TreeSettings = {
  grouping: true,
  rules: defaultHygieneRules,
  expiryWarningDays: 7,
};

/** Adapts the lists and the pure row model to VS Code's tree API; it never speaks HTTP. */
export class PatTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Each connection's rows, rebuilt only when its list or the filter changes. */
  private readonly built = new Map<string, BuiltRows>();
  private readonly subscription: { dispose(): void };
  private currentFilter: PatFilter = noFilter;
  constructor(
    private readonly lists: PatLists,
    private readonly now: () => number = Date.now,
    private settings: TreeSettings = defaultTreeSettings,
  ) {
    this.subscription = lists.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): PatFilter {
    return this.currentFilter;
  }

  /** Narrows the rows shown; the lists already held are reused, never refetched. */
  setFilter(filter: PatFilter): void {
    this.currentFilter = filter;
    this.changed.fire(undefined);
  }

  get treeSettings(): TreeSettings {
    return this.settings;
  }

  /** Forgets the rows built, so the next look builds them with the current time. */
  refreshAges(): void {
    this.built.clear();
    this.changed.fire(undefined);
  }

  /** Follows the settings: grouping, hygiene rules and the expiry warning. */
  configure(settings: TreeSettings): void {
    this.settings = settings;
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
    if (node?.kind === "connection") {
      const entry = this.lists.find(node.connection.id);
      return entry ? this.rowsOf(entry, node) : [];
    }
    if (node) return childNodes(node, this.settings.grouping);
    const entries = this.lists.entries;
    // The first look at the view is what fetches: nothing is requested while it stays closed.
    for (const entry of entries) {
      const state = entry.list.state;
      if (!state.snapshot && !state.error && !state.loading) void entry.list.refresh();
    }
    const [only] = entries;
    if (entries.length === 1 && only) return this.rowsOf(only, undefined);
    return entries
      .filter((entry) => showsConnection(this.currentFilter, entry.connection.id))
      .map((entry) => this.connectionRow(entry));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** The row of a token in the current lists, for Reveal in Sidebar; any connection when none is named. */
  patNode(tokenId: string, connectionId?: string): PatNode | undefined {
    const several = this.lists.entries.length > 1;
    for (const entry of this.lists.entries) {
      if (connectionId !== undefined && entry.connection.id !== connectionId) continue;
      // A connection the filter hides has no row to reveal: the caller clears the filter and asks again.
      if (several && !showsConnection(this.currentFilter, entry.connection.id)) continue;
      const parent = several ? this.connectionRow(entry) : undefined;
      const found = this.rowsOf(entry, parent).find(
        (node): node is PatNode => node.kind === "pat" && node.pat.tokenId === tokenId,
      );
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private connectionRow(entry: ConnectionList): ConnectionNode {
    return connectionNode(entry.connection, entry.list.state, this.now(), this.settings.expiryWarningDays);
  }

  private rowsOf(entry: ConnectionList, parent: ConnectionNode | undefined): TreeNode[] {
    const state = entry.list.state;
    const id = entry.connection.id;
    const cached = this.built.get(id);
    if (
      cached?.state === state &&
      cached.filter === this.currentFilter &&
      cached.rules === this.settings.rules &&
      cached.parent?.id === parent?.id &&
      cached.parent?.label === parent?.label
    ) {
      return cached.nodes;
    }
    const rules = this.settings.rules;
    const nodes = rootNodes(state, this.now(), {
      filter: this.currentFilter,
      rules,
      ...(parent ? { parent } : {}),
    });
    this.built.set(id, { state, filter: this.currentFilter, rules, parent, nodes });
    // Forget connections that are gone, so their rows are not kept alive.
    for (const key of this.built.keys()) {
      if (!this.lists.find(key)) this.built.delete(key);
    }
    return nodes;
  }
}

import * as vscode from "vscode";
import type { TreeNode } from "./nodes";

/** Tooltips are untrusted Markdown: no command links, no HTML. */
export function markdownTooltip(markdown: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(markdown);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

/** Renders a model row; the tooltip of a token or assignment row comes later, on hover. */
export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.label,
    node.collapsible
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) item.tooltip = markdownTooltip(node.tooltip);
  item.iconPath = new vscode.ThemeIcon(
    node.icon.id,
    node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined,
  );
  if (node.contextValue !== undefined) item.contextValue = node.contextValue;
  if (node.command) {
    item.command = {
      command: node.command.command,
      title: node.command.title,
      ...(node.command.arguments ? { arguments: [...node.command.arguments] } : {}),
    };
  }
  item.accessibilityInformation = {
    label: node.description ? `${node.label}, ${node.description}` : node.label,
  };
  return item;
}

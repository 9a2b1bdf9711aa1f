import * as vscode from "vscode";
import type { TreeNode } from "./nodes";

/** Renders a model row. Tooltips are untrusted Markdown: no command links, no HTML. */
export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.label,
    node.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) {
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
  }
  item.iconPath = new vscode.ThemeIcon(
    node.icon.id,
    node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined,
  );
  if (node.contextValue !== undefined) item.contextValue = node.contextValue;
  if (node.command) item.command = { command: node.command.command, title: node.command.title };
  item.accessibilityInformation = {
    label: node.description ? `${node.label}, ${node.description}` : node.label,
  };
  return item;
}

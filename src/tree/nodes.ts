import type { ConnectionInfo } from "../connections/connectionStore";
import type { InvalidPatItem, Pat, PermissionAssignment } from "../dfns/types";
import type { ExpiryNotice, Flag } from "../pats/hygiene";

/** A codicon id and an optional theme colour id, rendered by the adapter as a ThemeIcon. */
export interface IconSpec {
  readonly id: string;
  readonly color?: string;
}

export interface CommandSpec {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

/** What every row has, independent of VS Code; the adapter turns it into a TreeItem. */
interface BaseNode {
  /** Stable, derived from Dfns ids, so expansion and selection survive a refresh. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown whose API-supplied parts are escaped; for tokens and assignments see tooltipOf. */
  readonly tooltip?: string;
  readonly icon: IconSpec;
  readonly contextValue?: string;
  readonly collapsible: boolean;
  /** Shown open the first time (connection rows). */
  readonly expanded?: boolean;
  readonly command?: CommandSpec;
  readonly parent?: TreeNode;
}

/** With several connections, each has a root row above its tokens; with one, the tree stays flat. */
export interface ConnectionNode extends BaseNode {
  readonly kind: "connection";
  readonly connection: ConnectionInfo;
  /** How close its token is to expiring, under the warning setting in force. */
  readonly expiry?: ExpiryNotice;
}

export interface PatNode extends BaseNode {
  readonly kind: "pat";
  readonly pat: Pat;
  /** Hygiene flags under the rules in force when the row was built. */
  readonly flags: readonly Flag[];
  readonly connectionId: string;
  readonly parent?: ConnectionNode;
}

export interface AssignmentNode extends BaseNode {
  readonly kind: "assignment";
  readonly pat: Pat;
  readonly assignment: PermissionAssignment;
  readonly parent: PatNode;
}

export interface OperationNode extends BaseNode {
  readonly kind: "operation";
  readonly pat: Pat;
  readonly assignment: PermissionAssignment;
  readonly operation: string;
  readonly parent: AssignmentNode | NamespaceNode;
}

/** Groups a long assignment's operations by the part before the first colon; carries no ID to copy. */
export interface NamespaceNode extends BaseNode {
  readonly kind: "namespace";
  readonly namespace: string;
  readonly operations: readonly string[];
  readonly parent: AssignmentNode;
}

export interface InvalidNode extends BaseNode {
  readonly kind: "invalid";
  readonly item: InvalidPatItem;
  readonly parent?: ConnectionNode;
}

/** Loading, empty, error and action rows: every state of the view is a row, never an exception. */
export interface MessageNode extends BaseNode {
  readonly kind: "message";
}

export type TreeNode =
  | ConnectionNode
  | PatNode
  | AssignmentNode
  | NamespaceNode
  | OperationNode
  | InvalidNode
  | MessageNode;

/** The ID a row's inline copy button and Ctrl/Cmd+C copy. */
export function primaryId(node: TreeNode): string | undefined {
  switch (node.kind) {
    case "pat":
      return node.pat.tokenId;
    case "assignment":
      return node.assignment.permissionId || undefined;
    case "operation":
      return node.operation;
    case "invalid":
      return node.item.tokenId;
    case "connection":
    case "namespace":
    case "message":
      return undefined;
  }
}

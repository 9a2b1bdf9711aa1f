import type { DfnsError } from "../dfns/errors";
import type { InvalidPatItem, Pat, PermissionAssignment } from "../dfns/types";
import { defaultHygieneRules, flagsOf, type HygieneRules, severityOf } from "../pats/hygiene";
import type { PatListState } from "../pats/patList";
import { l10n } from "../util/l10n";
import { relativeTime } from "../util/time";
import { connectionTooltip } from "./connectionNode";
import {
  assignmentContextValue,
  invalidContextValue,
  namespaceContextValue,
  operationContextValue,
  patContextValue,
} from "./contextValues";
import { describeFilter, isFiltering, matches, matchesInvalid, noFilter, type PatFilter } from "./filter";
import { groupByNamespace, shouldGroup } from "./namespaces";
import type {
  AssignmentNode,
  ConnectionNode,
  InvalidNode,
  MessageNode,
  NamespaceNode,
  OperationNode,
  PatNode,
  TreeNode,
} from "./nodes";
import { assignmentTooltip, patTooltip } from "./tooltips";

// One collator for every comparison: `localeCompare` with options builds one per call (8 µs each,
// about a second to sort 10,000 tokens).
let nameCollator: Intl.Collator | undefined;

/**
 * Where the collator puts a character, as a number that orders the same, for the characters plain
 * names are made of: space, then `_`, `-`, `.` (it puts punctuation first, in that order), digits,
 * then letters with case folded. -1 for any other character.
 */
function asciiRank(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return lower;
  switch (code) {
    case 0x20: // space
      return 0x20;
    case 0x5f: // _
      return 0x21;
    case 0x2d: // -
      return 0x22;
    case 0x2e: // .
      return 0x23;
    default:
      return -1;
  }
}

/**
 * The collator's answer without asking it, where the names decide it with those characters: up to
 * their first difference both are made of them and alike but for case, and there they differ as
 * two of them, or one name ends and the other goes on with one (a name comes before its longer
 * self). test/unit/model.test.ts checks this against the collator. Otherwise 0: ask the collator.
 */
export function asciiNameOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = asciiRank(a.charCodeAt(i));
    const y = asciiRank(b.charCodeAt(i));
    if (x === -1 || y === -1) return 0;
    if (x !== y) return x - y;
  }
  if (a.length === b.length) return 0;
  const next = asciiRank((a.length < b.length ? b : a).charCodeAt(length));
  if (next === -1) return 0;
  return a.length < b.length ? -1 : 1;
}

/** Active tokens first, then by name, then by id so the order is total. */
export function comparePats(a: Pat, b: Pat): number {
  if (a.isActive !== b.isActive) return a.isActive ? -1 : 1;
  // Most names are plain ASCII: deciding those here halves the time to sort 10,000 tokens.
  const byName = asciiNameOrder(a.name, b.name);
  if (byName !== 0) return byName;
  nameCollator ??= new Intl.Collator("en", { sensitivity: "base" });
  return nameCollator.compare(a.name, b.name) || (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0);
}

const sortedCache = new WeakMap<readonly Pat[], readonly Pat[]>();

/** The list in display order; sorted once per fetched list, however many views of it ask. */
export function sortedPats(pats: readonly Pat[]): readonly Pat[] {
  let sorted = sortedCache.get(pats);
  if (!sorted) {
    sorted = [...pats].sort(comparePats);
    sortedCache.set(pats, sorted);
  }
  return sorted;
}

/**
 * Where a connection's rows hang: at the top with one connection, under its row with several.
 * Ids under a connection row start with its id, so two connections may list the same token.
 */
export interface Scope {
  readonly connectionId: string;
  readonly parent?: ConnectionNode;
}

function scopedId(scope: Scope, id: string): string {
  return scope.parent ? `${scope.parent.id}/${id}` : id;
}

// Shared by every row: a refresh of 10,000 tokens need not make 10,000 copies.
const plainIcon = { id: "key" };
const flaggedIcon = { id: "key", color: "list.warningForeground" };
const inactiveIcon = { id: "circle-slash", color: "disabledForeground" };

/** A token row: its age and hygiene flags in the description, a warning colour when it is flagged. */
export function patNode(
  pat: Pat,
  now: number,
  scope: Scope,
  rules: HygieneRules = defaultHygieneRules,
): PatNode {
  const flags = flagsOf(pat, rules, now);
  // An inactive token's only flag is "inactive": that is its whole description.
  let description = pat.isActive ? (relativeTime(pat.createdAt, now) ?? "") : "";
  for (const flag of flags) description = description ? `${description} · ${flag.label}` : flag.label;
  return {
    kind: "pat",
    pat,
    flags,
    connectionId: scope.connectionId,
    parent: scope.parent,
    id: scopedId(scope, `pat/${pat.tokenId}`),
    label: pat.name || pat.tokenId,
    description,
    icon: !pat.isActive ? inactiveIcon : severityOf(flags) === "warning" ? flaggedIcon : plainIcon,
    contextValue: patContextValue(pat),
    collapsible: true,
  };
}

function message(id: string, label: string, extra: Partial<MessageNode> = {}): MessageNode {
  return { kind: "message", id: `message/${id}`, label, icon: { id: "info" }, collapsible: false, ...extra };
}

/** A message row among a connection's rows. */
function scopedMessage(
  scope: Scope,
  id: string,
  label: string,
  extra: Partial<MessageNode> = {},
): MessageNode {
  const node = message(id, label, extra);
  return scope.parent ? { ...node, id: scopedId(scope, node.id), parent: scope.parent } : node;
}

export function invalidNode(item: InvalidPatItem, scope: Scope): InvalidNode {
  const name = item.name ?? item.tokenId ?? l10n.t("item {0}", item.index + 1);
  return {
    kind: "invalid",
    item,
    ...(scope.parent ? { parent: scope.parent } : {}),
    id: scopedId(scope, `invalid/${item.index}`),
    label: l10n.t("Invalid token entry: {0}", name),
    description: item.reason,
    tooltip: l10n.t(
      "This entry of the list could not be read: {0}. The other tokens are shown as usual.",
      item.reason,
    ),
    icon: { id: "warning", color: "problemsWarningIcon.foreground" },
    contextValue: invalidContextValue(item.tokenId),
    collapsible: false,
  };
}

/** The rows an error shows when there is no list to fall back on: what failed, then a way out. */
export function errorNodes(error: DfnsError, scope: Scope): MessageNode[] {
  const icon = { id: "error", color: "errorForeground" };
  const target = { connectionId: scope.connectionId };
  const retryLabel = l10n.t("Retry");
  const retry = scopedMessage(scope, "action/retry", retryLabel, {
    icon: { id: "refresh" },
    command: { command: "dfns.refresh", title: retryLabel, arguments: [target] },
  });
  // Signing in from here replaces this connection's token rather than adding a connection.
  const signIn = (label: string, args: object = target) =>
    scopedMessage(scope, "action/signIn", label, {
      icon: { id: "sign-in" },
      command: { command: "dfns.signIn", title: label, arguments: [args] },
    });
  const row = (label: string, description?: string) =>
    scopedMessage(scope, "error", label, {
      icon,
      tooltip: error.message,
      ...(description ? { description } : {}),
    });
  switch (error.kind) {
    case "unauthorized":
      return [
        row(l10n.t("Token rejected"), error.apiMessage ?? l10n.t("Not Authorized.")),
        signIn(l10n.t("Sign In Again…")),
      ];
    case "forbidden":
      return [
        row(l10n.t("Not allowed to list tokens"), error.apiMessage ?? l10n.t("403 Forbidden")),
        signIn(l10n.t("Sign In with Another Token…")),
        retry,
      ];
    case "rate-limited":
      return [
        row(
          l10n.t("Rate limited"),
          error.retryAfterSeconds !== undefined
            ? l10n.t("retry after {0} s", error.retryAfterSeconds)
            : l10n.t("retry in a minute"),
        ),
        retry,
      ];
    case "network":
      return [row(l10n.t("Cannot reach {0}", error.host), error.reason), retry];
    case "timeout":
      return [row(l10n.t("{0} did not answer in time", error.host), error.reason), retry];
    case "redirect":
      return [
        row(l10n.t("Redirect not followed ({0})", String(error.status)), error.location),
        signIn(l10n.t("Sign In with Another URL…"), { ...target, pickUrl: true }),
      ];
    default:
      return [row(error.message), retry];
  }
}

/** When a filter hides every token: say so, and offer the way back. */
export function noMatchNodes(filter: PatFilter, scope?: Scope): MessageNode[] {
  const make = (id: string, label: string, extra: Partial<MessageNode>) =>
    scope ? scopedMessage(scope, id, label, extra) : message(id, label, extra);
  return [
    make("noMatch", l10n.t("No tokens match the filter"), { description: describeFilter(filter) ?? "" }),
    make("action/clearFilter", l10n.t("Clear Filter"), {
      icon: { id: "clear-all" },
      command: { command: "dfns.clearFilter", title: l10n.t("Clear Filter") },
    }),
  ];
}

/** How a connection's rows are built: narrowed by a filter, under a connection row, flagged by rules. */
export interface RowOptions {
  readonly filter?: PatFilter;
  readonly parent?: ConnectionNode;
  readonly rules?: HygieneRules;
}

/** The rows of one connection's list (the whole view when it is the only one). */
export function rootNodes(state: PatListState, now: number, options: RowOptions = {}): TreeNode[] {
  const { filter = noFilter, parent, rules = defaultHygieneRules } = options;
  if (!state.connection) return [];
  const scope: Scope = { connectionId: state.connection.id, ...(parent ? { parent } : {}) };
  const snapshot = state.snapshot;
  if (!snapshot) {
    if (state.error) return errorNodes(state.error, scope);
    return [scopedMessage(scope, "loading", l10n.t("Loading tokens…"), { icon: { id: "loading~spin" } })];
  }
  const { pats, invalid } = snapshot.list;
  if (pats.length === 0 && invalid.length === 0) {
    return [
      scopedMessage(scope, "empty", l10n.t("No personal access tokens"), {
        description: state.connection.host,
      }),
    ];
  }
  if (!isFiltering(filter)) {
    return [
      ...sortedPats(pats).map((pat) => patNode(pat, now, scope, rules)),
      ...invalid.map((item) => invalidNode(item, scope)),
    ];
  }
  const shown = [
    ...sortedPats(pats)
      .filter((pat) => matches(pat, filter))
      .map((pat) => patNode(pat, now, scope, rules)),
    ...invalid.filter((item) => matchesInvalid(item, filter)).map((item) => invalidNode(item, scope)),
  ];
  return shown.length > 0 ? shown : noMatchNodes(filter, scope);
}

/** Keys stay unique even when the API repeats an assignment or an operation. */
function uniqueKey(used: Map<string, number>, key: string): string {
  const seen = used.get(key) ?? 0;
  used.set(key, seen + 1);
  return seen === 0 ? key : `${key}#${seen}`;
}

function assignmentNodes(parent: PatNode): AssignmentNode[] {
  const used = new Map<string, number>();
  return parent.pat.permissionAssignments.map((assignment: PermissionAssignment) => ({
    kind: "assignment",
    pat: parent.pat,
    assignment,
    parent,
    id: `${parent.id}/${uniqueKey(used, assignment.assignmentId || `pm:${assignment.permissionId}`)}`,
    label: assignment.permissionName || assignment.permissionId,
    description: assignment.permissionId,
    icon: { id: "shield" },
    contextValue: assignmentContextValue(assignment),
    collapsible: true,
  }));
}

function operationRows(
  parent: AssignmentNode | NamespaceNode,
  operations: readonly string[],
): OperationNode[] {
  const assignmentNode = parent.kind === "assignment" ? parent : parent.parent;
  const used = new Map<string, number>();
  return operations.map((operation) => ({
    kind: "operation",
    pat: assignmentNode.pat,
    assignment: assignmentNode.assignment,
    operation,
    parent,
    id: `${parent.id}/${uniqueKey(used, operation)}`,
    label: operation,
    icon: { id: "symbol-event" },
    contextValue: operationContextValue,
    collapsible: false,
  }));
}

function namespaceNodes(parent: AssignmentNode, operations: readonly string[]): NamespaceNode[] {
  return groupByNamespace(operations).map((group) => ({
    kind: "namespace",
    namespace: group.namespace,
    operations: group.operations,
    parent,
    // "ns:" keeps a namespace's id apart from an operation without a colon of the same name.
    id: `${parent.id}/ns:${group.namespace}`,
    label: `${group.namespace} (${group.operations.length})`,
    icon: { id: "symbol-namespace" },
    contextValue: namespaceContextValue,
    collapsible: true,
  }));
}

function operationNodes(parent: AssignmentNode, grouping: boolean): TreeNode[] {
  const operations = parent.assignment.operations ?? [];
  if (operations.length === 0) {
    return [{ ...message("noOperations", l10n.t("No operations")), id: `${parent.id}/none`, parent }];
  }
  return shouldGroup(operations, grouping)
    ? namespaceNodes(parent, operations)
    : operationRows(parent, operations);
}

/**
 * A row's tooltip, built when the user hovers it (resolveTreeItem) rather than for every row of a
 * refresh: Markdown for 10,000 tokens costs more than the rows themselves.
 */
export function tooltipOf(node: TreeNode, now: number): string | undefined {
  switch (node.kind) {
    case "connection":
      return connectionTooltip(node, now);
    case "pat":
      return patTooltip(node.pat, now, node.flags);
    case "assignment":
      return assignmentTooltip(node.assignment);
    default:
      return node.tooltip;
  }
}

/**
 * Children are built only when a row is expanded, so a large list costs only its root rows.
 * `grouping` (the dfns.groupOperationsByNamespace setting) puts long operation lists under namespaces.
 */
export function childNodes(node: TreeNode, grouping = true): TreeNode[] {
  switch (node.kind) {
    case "pat":
      return node.pat.permissionAssignments.length > 0
        ? assignmentNodes(node)
        : [
            {
              ...message("noAssignments", l10n.t("No permission assignments")),
              id: `${node.id}/none`,
              parent: node,
            },
          ];
    case "assignment":
      return operationNodes(node, grouping);
    case "namespace":
      return operationRows(node, node.operations);
    default:
      return [];
  }
}

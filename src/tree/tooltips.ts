import { operationCount, type Pat, type PermissionAssignment } from "../dfns/types";
import type { Flag } from "../pats/hygiene";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime, relativeTime } from "../util/time";

function field(label: string, value: string): string {
  return `**${label}:** ${value === "" ? "_none_" : escapeMarkdown(value)}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Markdown lines joined with hard line breaks. */
function lines(...parts: string[]): string {
  return parts.join("  \n");
}

/** A token's fields, counts and, when it is flagged, why (the hygiene rules' explanations). */
export function patTooltip(pat: Pat, now: number, flags: readonly Flag[] = []): string {
  const created = absoluteTime(pat.createdAt);
  const ago = relativeTime(pat.createdAt, now);
  const flagLines =
    flags.length > 0 ? ["", ...flags.map((flag) => `⚠ ${escapeMarkdown(flag.explanation)}`)] : [];
  return lines(
    `**${escapeMarkdown(pat.name || pat.tokenId)}** (${pat.isActive ? "active" : "inactive"})`,
    "",
    field("Token ID", pat.tokenId),
    field("Kind", pat.kind),
    field("Credential ID", pat.credId),
    field("Linked user", pat.linkedUserId),
    field("Linked app", pat.linkedAppId),
    field("Org", pat.orgId),
    field("Public key", pat.publicKey),
    created ? `**Created:** ${created} (${ago})` : field("Created", `${pat.dateCreated} (unreadable date)`),
    "",
    `${plural(pat.permissionAssignments.length, "permission assignment")}, ${plural(operationCount(pat), "operation")}`,
    ...flagLines,
  );
}

export function assignmentTooltip(assignment: PermissionAssignment): string {
  const operations = assignment.operations;
  return lines(
    `**${escapeMarkdown(assignment.permissionName)}**`,
    "",
    field("Permission ID", assignment.permissionId),
    field("Assignment ID", assignment.assignmentId),
    operations === undefined ? "No operations listed" : plural(operations.length, "operation"),
  );
}

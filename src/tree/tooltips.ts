import { operationCount, type Pat, type PermissionAssignment } from "../dfns/types";
import type { Flag } from "../pats/hygiene";
import { l10n } from "../util/l10n";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime, relativeTime } from "../util/time";

function field(label: string, value: string): string {
  return `**${label}:** ${value === "" ? `_${l10n.t("none")}_` : escapeMarkdown(value)}`;
}

function assignments(count: number): string {
  return count === 1 ? l10n.t("1 permission assignment") : l10n.t("{0} permission assignments", count);
}

function operations(count: number): string {
  return count === 1 ? l10n.t("1 operation") : l10n.t("{0} operations", count);
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
  const status = pat.isActive ? l10n.t("active") : l10n.t("inactive");
  return lines(
    `**${escapeMarkdown(pat.name || pat.tokenId)}** (${status})`,
    "",
    field(l10n.t("Token ID"), pat.tokenId),
    field(l10n.t("Kind"), pat.kind),
    field(l10n.t("Credential ID"), pat.credId),
    field(l10n.t("Linked user"), pat.linkedUserId),
    field(l10n.t("Linked app"), pat.linkedAppId),
    field(l10n.t("Org"), pat.orgId),
    field(l10n.t("Public key"), pat.publicKey),
    created
      ? `**${l10n.t("Created")}:** ${created} (${ago})`
      : field(l10n.t("Created"), l10n.t("{0} (unreadable date)", pat.dateCreated)),
    "",
    `${assignments(pat.permissionAssignments.length)}, ${operations(operationCount(pat))}`,
    ...flagLines,
  );
}

export function assignmentTooltip(assignment: PermissionAssignment): string {
  const listed = assignment.operations;
  return lines(
    `**${escapeMarkdown(assignment.permissionName)}**`,
    "",
    field(l10n.t("Permission ID"), assignment.permissionId),
    field(l10n.t("Assignment ID"), assignment.assignmentId),
    listed === undefined ? l10n.t("No operations listed") : operations(listed.length),
  );
}

import type * as vscode from "vscode";
import type { ConnectionInfo } from "../connections/connectionStore";
import { operationCount, type Pat } from "../dfns/types";
import { sortedPats } from "../tree/model";
import { l10n } from "../util/l10n";
import { absoluteTime, relativeTime } from "../util/time";

export interface PatPickItem extends vscode.QuickPickItem {
  readonly pat: Pat;
  readonly connection: ConnectionInfo;
}

/** Quick-pick rows for PATs: name, id, status, creation, counts and (if asked) connection, all searchable. */
export function patPickItems(
  pats: readonly Pat[],
  now: number,
  connection: ConnectionInfo,
  nameConnection = false,
): PatPickItem[] {
  // Translated once, not once per token: this runs for every token of every connection.
  const active = l10n.t("active");
  const inactive = l10n.t("inactive");
  const prefix = nameConnection ? `${connection.label} · ` : "";
  return sortedPats(pats).map((pat) => {
    const created = relativeTime(pat.createdAt, now);
    const assignments = pat.permissionAssignments.length;
    const operations = operationCount(pat);
    return {
      pat,
      connection,
      label: `$(${pat.isActive ? "key" : "circle-slash"}) ${pat.name || pat.tokenId}`,
      description: pat.tokenId,
      detail: [
        `${prefix}${pat.isActive ? active : inactive}`,
        created
          ? l10n.t("created {0} ({1})", created, absoluteTime(pat.createdAt) ?? "")
          : l10n.t("created {0}", pat.dateCreated),
        assignments === 1
          ? l10n.t("1 permission assignment")
          : l10n.t("{0} permission assignments", assignments),
        operations === 1 ? l10n.t("1 operation") : l10n.t("{0} operations", operations),
      ].join(" · "),
    };
  });
}

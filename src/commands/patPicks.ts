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
  return sortedPats(pats).map((pat) => {
    const created = relativeTime(pat.createdAt, now);
    return {
      pat,
      connection,
      label: `$(${pat.isActive ? "key" : "circle-slash"}) ${pat.name || pat.tokenId}`,
      description: pat.tokenId,
      detail: [
        ...(nameConnection ? [connection.label] : []),
        pat.isActive ? l10n.t("active") : l10n.t("inactive"),
        created
          ? l10n.t("created {0} ({1})", created, absoluteTime(pat.createdAt) ?? "")
          : l10n.t("created {0}", pat.dateCreated),
        pat.permissionAssignments.length === 1
          ? l10n.t("1 permission assignment")
          : l10n.t("{0} permission assignments", pat.permissionAssignments.length),
        operationCount(pat) === 1 ? l10n.t("1 operation") : l10n.t("{0} operations", operationCount(pat)),
      ].join(" · "),
    };
  });
}

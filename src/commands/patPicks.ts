import type * as vscode from "vscode";
import { operationCount, type Pat } from "../dfns/types";
import { sortedPats } from "../tree/model";
import { absoluteTime, relativeTime } from "../util/time";

export interface PatPickItem extends vscode.QuickPickItem {
  readonly pat: Pat;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Quick-pick rows for PATs: name, id, status, creation and counts, all searchable. */
export function patPickItems(pats: readonly Pat[], now: number): PatPickItem[] {
  return sortedPats(pats).map((pat) => {
    const created = relativeTime(pat.createdAt, now);
    return {
      pat,
      label: `$(${pat.isActive ? "key" : "circle-slash"}) ${pat.name || pat.tokenId}`,
      description: pat.tokenId,
      detail: [
        pat.isActive ? "active" : "inactive",
        created ? `created ${created} (${absoluteTime(pat.createdAt)})` : `created ${pat.dateCreated}`,
        plural(pat.permissionAssignments.length, "permission assignment"),
        plural(operationCount(pat), "operation"),
      ].join(" · "),
    };
  });
}

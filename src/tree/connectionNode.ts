import type { ConnectionInfo } from "../connections/connectionStore";
import { expiryNotice } from "../pats/hygiene";
import type { PatListState } from "../pats/patList";
import { l10n } from "../util/l10n";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime, relativeTime } from "../util/time";
import { connectionContextValue } from "./contextValues";
import type { ConnectionNode } from "./nodes";

/** The root row of one connection when there are several: the user's name for it, and its host. */
export function connectionNode(
  connection: ConnectionInfo,
  state: PatListState,
  now: number,
  expiryWarningDays: number,
): ConnectionNode {
  const count = state.snapshot?.list.pats.length;
  const failed = state.error !== undefined;
  const expiry = expiryNotice(connection.claims?.expiresAt, now, expiryWarningDays);
  const expiring = expiry?.warning === true;
  return {
    kind: "connection",
    connection,
    ...(expiry ? { expiry } : {}),
    id: `conn/${connection.id}`,
    label: connection.label,
    description: [
      connection.host,
      count === undefined ? undefined : count === 1 ? l10n.t("1 token") : l10n.t("{0} tokens", count),
      failed ? l10n.t("refresh failed") : undefined,
      // The token's own expiry shows once it is close; the tooltip always says when.
      expiring ? l10n.t("token {0}", expiry.label) : undefined,
    ]
      .filter(Boolean)
      .join(" · "),
    icon: failed || expiring ? { id: "warning", color: "problemsWarningIcon.foreground" } : { id: "cloud" },
    contextValue: connectionContextValue,
    collapsible: true,
    expanded: true,
  };
}

function field(label: string, value: string | undefined): string {
  return `**${label}:** ${value ? escapeMarkdown(value) : `_${l10n.t("unknown")}_`}`;
}

/** Built on hover: where the connection points and what its token says about itself (unverified). */
export function connectionTooltip(node: ConnectionNode, now: number): string {
  const { connection, expiry: notice } = node;
  const expiry = connection.claims?.expiresAt;
  const expires = expiry
    ? `${absoluteTime(expiry) ?? ""} (${relativeTime(expiry, now) ?? ""})`
    : l10n.t("not stated by the token");
  return [
    `**${escapeMarkdown(connection.label)}**`,
    "",
    field(l10n.t("API"), connection.baseUrl),
    field(l10n.t("Org"), connection.claims?.orgId),
    field(l10n.t("User"), connection.claims?.userId),
    `**${l10n.t("Token expires")}:** ${expires}`,
    field(l10n.t("App ID"), connection.appId ? l10n.t("set") : l10n.t("none")),
    ...(notice?.warning ? ["", `⚠ ${escapeMarkdown(notice.explanation)}`] : []),
  ].join("  \n");
}

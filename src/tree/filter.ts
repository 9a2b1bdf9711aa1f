import type { InvalidPatItem, Pat } from "../dfns/types";
import { l10n } from "../util/l10n";

export type StatusFilter = "all" | "active" | "inactive";

/** What the view is narrowed to; applied to the list already fetched, never sent to Dfns. */
export interface PatFilter {
  /** Matched case-insensitively against the name, token ID and credential ID; "" matches all. */
  readonly text: string;
  readonly status: StatusFilter;
  /** With several connections: show only this one's tokens. */
  readonly connectionId?: string;
}

export const noFilter: PatFilter = { text: "", status: "all" };

export const statusFilters: readonly StatusFilter[] = ["all", "active", "inactive"];

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === "string" && (statusFilters as readonly string[]).includes(value);
}

export function isFiltering(filter: PatFilter): boolean {
  return filter.text.trim() !== "" || filter.status !== "all" || filter.connectionId !== undefined;
}

function containsText(fields: readonly (string | undefined)[], text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === "" || fields.some((field) => field?.toLowerCase().includes(needle));
}

export function matches(pat: Pat, filter: PatFilter): boolean {
  if (filter.status === "active" && !pat.isActive) return false;
  if (filter.status === "inactive" && pat.isActive) return false;
  return containsText([pat.name, pat.tokenId, pat.credId], filter.text);
}

/** An unreadable entry has no known status, so a status filter hides it; text still finds it. */
export function matchesInvalid(item: InvalidPatItem, filter: PatFilter): boolean {
  return filter.status === "all" && containsText([item.name, item.tokenId], filter.text);
}

/** Whether a connection's tokens are shown at all under `filter`. */
export function showsConnection(filter: PatFilter, connectionId: string): boolean {
  return filter.connectionId === undefined || filter.connectionId === connectionId;
}

/**
 * `filter: "ci" · active · prod-eu`, or undefined when nothing is filtered. The connection is named
 * through `labelOf` when it is drawn, so a rename shows at once.
 */
export function describeFilter(
  filter: PatFilter,
  labelOf: (connectionId: string) => string | undefined = () => undefined,
): string | undefined {
  if (!isFiltering(filter)) return undefined;
  const text = filter.text.trim();
  const parts = [
    text ? `"${text}"` : undefined,
    filter.status === "active"
      ? l10n.t("active")
      : filter.status === "inactive"
        ? l10n.t("inactive")
        : undefined,
    filter.connectionId === undefined ? undefined : labelOf(filter.connectionId),
  ];
  return l10n.t("filter: {0}", parts.filter(Boolean).join(" · "));
}

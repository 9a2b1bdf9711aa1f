import { operationCount, type Pat } from "../dfns/types";
import { comparePats } from "../tree/model";
import { l10n } from "../util/l10n";

/** One connection's part of the report: its tokens, or why they are missing. */
export interface ReportSection {
  /** The connection's label, e.g. "prod-eu". */
  readonly connection: string;
  /** The API host, e.g. "api.dfns.io"; labels are user-chosen and may repeat across hosts. */
  readonly host: string;
  /** When its list was fetched; absent when it never was. */
  readonly fetchedAt?: Date;
  /** Why its list is missing (or stale), when it is. */
  readonly error?: string;
  readonly pats: readonly Pat[];
  /** Entries the parser rejected; they have no row, only a count in the summary. */
  readonly invalidCount: number;
}

/** Short flag labels for a token ("inactive", "142 days old", "sensitive"), computed by the caller. */
export type FlagsOf = (pat: Pat) => readonly string[];

/** One token as the report and the CSV show it. Values are as the API sent them, never escaped. */
export interface ReportRow {
  readonly connection: string;
  readonly host: string;
  readonly name: string;
  readonly tokenId: string;
  readonly status: "active" | "inactive";
  /** Whole days since creation; `undefined` when the API's date cannot be read. */
  readonly ageDays: number | undefined;
  /** As the API sent it (ISO 8601). */
  readonly created: string;
  /** Permission names joined with "; ", in the API's order. */
  readonly permissions: string;
  readonly operationCount: number;
  /** Flag labels joined with "; ". */
  readonly flags: string;
}

const dayMs = 24 * 3600 * 1000;
/** Joins lists inside one cell; a semicolon keeps the CSV readable without more quoting. */
export const listSeparator = "; ";

let connectionCollator: Intl.Collator | undefined;

/** Sections by label, then host, so two connections with one label still sort the same way every time. */
export function compareSections(a: ReportSection, b: ReportSection): number {
  connectionCollator ??= new Intl.Collator("en", { sensitivity: "base" });
  return (
    connectionCollator.compare(a.connection, b.connection) || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0)
  );
}

/** Whole days since `createdAt`; a date slightly in the future (clock skew) counts as 0, not -1. */
export function ageInDays(createdAt: Date, now: number): number | undefined {
  const ms = createdAt.getTime();
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.floor((now - ms) / dayMs));
}

/** Every listed token of every section: by connection, then in the sidebar's order (active first, by name). */
export function reportRows(sections: readonly ReportSection[], flagsOf: FlagsOf, now: number): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const section of [...sections].sort(compareSections)) {
    for (const pat of [...section.pats].sort(comparePats)) {
      rows.push({
        connection: section.connection,
        host: section.host,
        name: pat.name,
        tokenId: pat.tokenId,
        status: pat.isActive ? "active" : "inactive",
        ageDays: ageInDays(pat.createdAt, now),
        created: pat.dateCreated,
        permissions: pat.permissionAssignments
          .map((assignment) => assignment.permissionName)
          .join(listSeparator),
        operationCount: operationCount(pat),
        flags: flagsOf(pat).join(listSeparator),
      });
    }
  }
  return rows;
}

/** The table's columns, in order; the Markdown table and the CSV share them. */
export const columnIds = [
  "connection",
  "host",
  "name",
  "tokenId",
  "status",
  "created",
  "ageDays",
  "permissions",
  "operationCount",
  "flags",
] as const;
export type ColumnId = (typeof columnIds)[number];

// Functions, not strings: l10n.t must run after activation has handed in vscode.l10n.t.
const headers: Record<ColumnId, () => string> = {
  connection: () => l10n.t("Connection"),
  host: () => l10n.t("Host"),
  name: () => l10n.t("Name"),
  tokenId: () => l10n.t("Token ID"),
  status: () => l10n.t("Status"),
  created: () => l10n.t("Created"),
  ageDays: () => l10n.t("Age (days)"),
  permissions: () => l10n.t("Permissions"),
  operationCount: () => l10n.t("Operations"),
  flags: () => l10n.t("Flags"),
};

export function reportColumns(): readonly string[] {
  return columnIds.map((id) => headers[id]());
}

export function statusLabel(status: ReportRow["status"]): string {
  return status === "active" ? l10n.t("active") : l10n.t("inactive");
}

/** A row's plain cell text by column; an unknown age is an empty cell. */
export function cellText(row: ReportRow): Record<ColumnId, string> {
  return {
    connection: row.connection,
    host: row.host,
    name: row.name,
    tokenId: row.tokenId,
    status: statusLabel(row.status),
    created: row.created,
    ageDays: row.ageDays === undefined ? "" : String(row.ageDays),
    permissions: row.permissions,
    operationCount: String(row.operationCount),
    flags: row.flags,
  };
}

/** A row as cells in the order of `reportColumns`. */
export function rowCells(row: ReportRow): string[] {
  const text = cellText(row);
  return columnIds.map((id) => text[id]);
}

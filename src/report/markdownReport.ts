import { l10n } from "../util/l10n";
import { escapeMarkdown } from "../util/markdown";
import { absoluteTime } from "../util/time";
import { toCsv } from "./csv";
import {
  type ColumnId,
  cellText,
  columnIds,
  compareSections,
  type FlagsOf,
  type ReportRow,
  type ReportSection,
  reportColumns,
  reportRows,
  rowCells,
} from "./reportTable";

/**
 * Escapes API-supplied text for one line of Markdown: no newline (a table row stays one row), `|`
 * escaped (the row keeps its cells), no link, image, HTML or bidi override. Colons are escaped as well, so that the
 * preview's linkify cannot turn "http://…" into a link either.
 */
export function inlineText(text: string): string {
  return escapeMarkdown(text).replace(/:/g, "\\:");
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** The row as table cells: the CSV's columns, each escaped; an empty name said in words, inactive in bold. */
function markdownCells(row: ReportRow): string[] {
  const text = cellText(row);
  return columnIds.map((id) => {
    if (id === "name" && row.name === "") return `_${l10n.t("(no name)")}_`;
    // Our own rendering of a readable date needs no escaping; an unreadable one is shown as sent.
    if (id === "created") return absoluteTime(new Date(row.created)) ?? inlineText(row.created);
    const cell = inlineText(text[id]);
    return id === "status" && row.status === "inactive" ? `**${cell}**` : cell;
  });
}

// Ages and operation counts are numbers: right-aligned.
const numericColumns: ReadonlySet<ColumnId> = new Set(["ageDays", "operationCount"]);

function table(rows: readonly ReportRow[]): string[] {
  return [
    tableRow(reportColumns().map(inlineText)),
    tableRow(columnIds.map((id) => (numericColumns.has(id) ? "---:" : "---"))),
    ...rows.map((row) => tableRow(markdownCells(row))),
  ];
}

function time(date: Date | undefined): string {
  return (date && absoluteTime(date)) ?? l10n.t("unknown");
}

function summary(section: ReportSection, flagsOf: FlagsOf): string[] {
  const lines = [
    `## ${inlineText(section.connection)}`,
    "",
    `- ${l10n.t("Host: {0}", inlineText(section.host))}`,
  ];
  // A failed first load has no list to count; a failed refresh keeps the last one, said to be stale.
  if (section.error !== undefined) {
    lines.push(`- **${l10n.t("Could not load the tokens: {0}", inlineText(section.error))}**`);
  }
  if (section.error === undefined || section.pats.length > 0 || section.fetchedAt) {
    const active = section.pats.filter((pat) => pat.isActive).length;
    const flagged = section.pats.filter((pat) => flagsOf(pat).length > 0).length;
    lines.push(
      `- ${l10n.t(
        "Tokens: {0} ({1} active, {2} inactive, {3} flagged)",
        section.pats.length,
        active,
        section.pats.length - active,
        flagged,
      )}`,
    );
    if (section.invalidCount > 0) {
      lines.push(
        `- ${l10n.t("Entries that could not be read (not in the table): {0}", section.invalidCount)}`,
      );
    }
    lines.push(`- ${l10n.t("Fetched: {0}", time(section.fetchedAt))}`);
  }
  return [...lines, ""];
}

/**
 * The PAT report: a title with the generation time, a summary per connection, then one table of
 * every token. Everything the API supplied is escaped, so no token name can break a row or add a link.
 */
export function markdownReport(sections: readonly ReportSection[], flagsOf: FlagsOf, now: number): string {
  const rows = reportRows(sections, flagsOf, now);
  const lines = [
    `# ${l10n.t("Dfns PAT Report")}`,
    "",
    l10n.t("Generated {0}", time(new Date(now))),
    "",
    ...[...sections].sort(compareSections).flatMap((section) => summary(section, flagsOf)),
    `## ${l10n.t("All tokens")}`,
    "",
    ...(rows.length > 0 ? table(rows) : [l10n.t("No tokens to list.")]),
  ];
  return `${lines.join("\n")}\n`;
}

/** The report's table as CSV: a header row, then the same rows, values exactly as the API sent them. */
export function csvReport(sections: readonly ReportSection[], flagsOf: FlagsOf, now: number): string {
  return toCsv([reportColumns(), ...reportRows(sections, flagsOf, now).map(rowCells)]);
}

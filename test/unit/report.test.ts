import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import type { Pat } from "../../src/dfns/types";
import { csvReport, inlineText, markdownReport } from "../../src/report/markdownReport";
import {
  ageInDays,
  type FlagsOf,
  type ReportSection,
  reportColumns,
  reportRows,
} from "../../src/report/reportTable";
import { l10n } from "../../src/util/l10n";
import { now, rawPat } from "./fixtures";

function pats(...overrides: Record<string, unknown>[]): readonly Pat[] {
  const page = parsePatPage({ items: overrides.map((override) => rawPat(override)) });
  assert.equal(page.invalid.length, 0, JSON.stringify(page.invalid));
  return page.pats;
}

function assignment(name: string, operations: string[] | undefined) {
  return { permissionName: name, permissionId: `pm-${name}`, assignmentId: `as-${name}`, operations };
}

const sensitive = new Set(["to-zeta"]);
/** Stands in for the real flag rules: inactive, older than 90 days, or named sensitive above. */
const flagsOf: FlagsOf = (pat) => {
  const age = ageInDays(pat.createdAt, now) ?? 0;
  return [
    ...(pat.isActive ? [] : ["inactive"]),
    ...(age > 90 ? [`${age} days old`] : []),
    ...(sensitive.has(pat.tokenId) ? ["sensitive"] : []),
  ];
};

const prod: ReportSection = {
  connection: "prod-eu",
  host: "api.dfns.io",
  fetchedAt: new Date("2026-12-03T11:58:00.000Z"),
  invalidCount: 2,
  pats: pats(
    { tokenId: "to-zeta", name: "zeta" },
    {
      tokenId: "to-beta",
      name: "Beta",
      permissionAssignments: [
        assignment("Signers", ["Keys:Read", "Wallets:Sign", "Wallets:Read"]),
        assignment("Admin", undefined),
      ],
    },
    { tokenId: "to-alpha", name: "alpha", isActive: false, dateCreated: "2026-07-14T12:00:00.000Z" },
  ),
};
const staging: ReportSection = {
  connection: "Staging",
  host: "api.staging.example",
  fetchedAt: new Date("2026-12-03T11:59:30.000Z"),
  invalidCount: 0,
  pats: pats({ tokenId: "to-stage", name: "aaa first by name, last by connection" }),
};
const broken: ReportSection = {
  connection: "broken-org",
  host: "api.dfns.ninja",
  error: "HTTP 503: Service Unavailable",
  invalidCount: 0,
  pats: [],
};
const empty: ReportSection = {
  connection: "empty-org",
  host: "api.dfns.io",
  fetchedAt: new Date("2026-12-03T11:00:00.000Z"),
  invalidCount: 0,
  pats: [],
};
const all = [staging, broken, prod, empty];

/** The part of the report under `## heading`, up to the next heading. */
function sectionOf(report: string, heading: string): string {
  const start = report.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `no section ${heading}`);
  const end = report.indexOf("\n## ", start + 1);
  return report.slice(start, end === -1 ? undefined : end);
}

function tableLines(report: string): string[] {
  return report.split("\n").filter((line) => line.startsWith("|"));
}

/** A Markdown table row's cells, split at pipes no backslash escapes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)((?:\\\\)*)\|/)
    .reduce<string[]>((parts, piece, index) => {
      // split() puts each separator's backslash pairs between the pieces; they belong to the left one.
      if (index % 2 === 1) parts[parts.length - 1] += piece;
      else parts.push(piece);
      return parts;
    }, [])
    .map((cell) => cell.trim());
}

function unescapeMarkdown(cell: string): string {
  return cell.replace(/\\(.)/g, "$1");
}

describe("PAT report rows", () => {
  it("sort by connection, then active before inactive, then by name", () => {
    assert.deepEqual(
      reportRows(all, flagsOf, now).map((row) => `${row.connection}/${row.name}`),
      ["prod-eu/Beta", "prod-eu/zeta", "prod-eu/alpha", "Staging/aaa first by name, last by connection"],
    );
  });

  it("carry status, age, permissions, operation count and flags", () => {
    const rows = reportRows([prod], flagsOf, now);
    assert.deepEqual(rows[0], {
      connection: "prod-eu",
      host: "api.dfns.io",
      name: "Beta",
      tokenId: "to-beta",
      status: "active",
      ageDays: 32,
      created: "2026-11-01T10:00:00.000Z",
      permissions: "Signers; Admin",
      operationCount: 3,
      flags: "",
    });
    assert.deepEqual(
      rows.map((row) => [row.status, row.ageDays, row.flags]),
      [
        ["active", 32, ""],
        ["active", 32, "sensitive"],
        ["inactive", 142, "inactive; 142 days old"],
      ],
    );
  });

  it("give no age for an unreadable date, and 0 for one a little in the future", () => {
    const odd = pats(
      { tokenId: "to-bad", name: "bad date", dateCreated: "not a date" },
      { tokenId: "to-skew", name: "skewed", dateCreated: "2026-12-03T12:00:05.000Z" },
    );
    const rows = reportRows([{ connection: "c", host: "h", invalidCount: 0, pats: odd }], () => [], now);
    assert.deepEqual(
      rows.map((row) => [row.name, row.ageDays]),
      [
        ["bad date", undefined],
        ["skewed", 0],
      ],
    );
    const report = markdownReport(
      [{ connection: "c", host: "h", invalidCount: 0, pats: odd }],
      () => [],
      now,
    );
    assert.match(report, /\| not a date \| {2}\|/);
  });
});

describe("PAT report (Markdown)", () => {
  const report = markdownReport(all, flagsOf, now);

  it("has a title with the generation time in UTC", () => {
    assert.deepEqual(report.split("\n").slice(0, 3), [
      "# Dfns PAT Report",
      "",
      "Generated 2026-12-03 12:00:00 UTC",
    ]);
  });

  it("summarises each connection in order, with its host and counts", () => {
    assert.deepEqual(
      report.split("\n").filter((line) => line.startsWith("## ")),
      ["## broken\\-org", "## empty\\-org", "## prod\\-eu", "## Staging", "## All tokens"],
    );
    assert.equal(
      sectionOf(report, "prod\\-eu"),
      [
        "",
        "## prod\\-eu",
        "",
        "- Host: api\\.dfns\\.io",
        "- Tokens: 3 (2 active, 1 inactive, 2 flagged)",
        "- Entries that could not be read (not in the table): 2",
        "- Fetched: 2026-12-03 11:58:00 UTC",
        "",
      ].join("\n"),
    );
    assert.ok(!sectionOf(report, "Staging").includes("could not be read"));
    assert.ok(sectionOf(report, "Staging").includes("- Tokens: 1 (1 active, 0 inactive, 0 flagged)"));
  });

  it("shows a connection that failed to load with its error and no counts", () => {
    const section = sectionOf(report, "broken\\-org");
    assert.ok(section.includes("- **Could not load the tokens: HTTP 503\\: Service Unavailable**"), section);
    assert.ok(!section.includes("Tokens:"), section);
    assert.ok(!tableLines(report).some((line) => line.includes("broken")));
  });

  it("keeps the counts of a list whose refresh failed, next to the error", () => {
    const stale = markdownReport([{ ...prod, error: "timed out" }], flagsOf, now);
    assert.match(stale, /- \*\*Could not load the tokens: timed out\*\*\n- Tokens: 3 \(/);
  });

  it("counts an empty connection as empty and gives it no rows", () => {
    assert.ok(sectionOf(report, "empty\\-org").includes("- Tokens: 0 (0 active, 0 inactive, 0 flagged)"));
    assert.ok(!tableLines(report).some((line) => line.includes("empty")));
    const nothing = markdownReport([empty, broken], flagsOf, now);
    assert.deepEqual(tableLines(nothing), []);
    assert.ok(nothing.endsWith("## All tokens\n\nNo tokens to list.\n"), nothing);
  });

  it("has one table: header, alignment row, and one row per token, each with every column", () => {
    const lines = tableLines(report);
    assert.equal(lines.length, 2 + 4);
    assert.deepEqual(cells(lines[0] as string), reportColumns().map(inlineText));
    assert.deepEqual(cells(lines[1] as string), [
      "---",
      "---",
      "---",
      "---",
      "---",
      "---",
      "---:",
      "---",
      "---:",
      "---",
    ]);
    for (const line of lines) assert.equal(cells(line).length, reportColumns().length, line);
    assert.deepEqual(cells(lines[4] as string), [
      "prod\\-eu",
      "api\\.dfns\\.io",
      "alpha",
      "to\\-alpha",
      "**inactive**",
      "2026-07-14 12:00:00 UTC",
      "142",
      "Wallet readers",
      "2",
      "inactive; 142 days old",
    ]);
  });

  it("renders a hostile name inert without breaking the table", () => {
    const name =
      "a | b\\| c\n| x | y |\r\n<script>alert(1)</script> [x](http://evil) ![i](javascript:alert(1)) " +
      "<img src=x onerror=alert(1)> `code` *em* _u_ &lt; www.evil.com \u2028next \u202Eevil\\";
    const hostile = pats({ tokenId: "to-<b>|[id](http://evil)", name });
    const text = markdownReport(
      [{ connection: "c | [c](http://evil)", host: "h", invalidCount: 0, pats: hostile }],
      () => ["<i>flag</i> | x"],
      now,
    );
    const lines = tableLines(text);
    assert.equal(lines.length, 3, lines.join("\n"));
    const row = cells(lines[2] as string);
    assert.equal(row.length, reportColumns().length);
    const [connection, , nameCell, tokenIdCell, , , , , , flags] = row as string[];
    for (const cell of [connection, nameCell, tokenIdCell, flags] as string[]) {
      // Once escaped pairs are taken out, nothing Markdown or HTML could act on is left.
      assert.doesNotMatch(cell.replace(/\\./g, ""), /[<>[\]()`*_&|!:\\\n\r\u2028\u202e]/, cell);
    }
    // Inert, yet the same text: only line breaks and the bidi override became spaces.
    assert.equal(unescapeMarkdown(nameCell as string), name.replace(/[\r\n\u2028\u202E]/g, " ").trim());
    assert.equal(unescapeMarkdown(tokenIdCell as string), "to-<b>|[id](http://evil)");
    assert.equal(unescapeMarkdown(flags as string), "<i>flag</i> | x");
    assert.ok(text.includes("\n## c \\| \\[c\\]\\(http\\://evil\\)\n"), text);
  });

  it("names a nameless token in words", () => {
    const text = markdownReport([{ ...empty, pats: pats({ tokenId: "to-anon", name: "" }) }], () => [], now);
    assert.equal(cells(tableLines(text)[2] as string)[2], "_(no name)_");
  });
});

describe("PAT report (CSV)", () => {
  it("has a header row and the table's rows, values as the API sent them", () => {
    const text = csvReport(
      [staging, { ...prod, pats: pats({ tokenId: "to-q", name: 'deploy, "prod"', isActive: false }) }],
      flagsOf,
      now,
    );
    assert.equal(
      text,
      "Connection,Host,Name,Token ID,Status,Created,Age (days),Permissions,Operations,Flags\r\n" +
        'prod-eu,api.dfns.io,"deploy, ""prod""",to-q,inactive,2026-11-01T10:00:00.000Z,32,Wallet readers,2,inactive\r\n' +
        'Staging,api.staging.example,"aaa first by name, last by connection",to-stage,active,' +
        "2026-11-01T10:00:00.000Z,32,Wallet readers,2,\r\n",
    );
  });

  it("leaves the age empty when the date is unreadable", () => {
    const odd = pats({ tokenId: "to-bad", name: "bad", dateCreated: "yesterday" });
    const [, line] = csvReport([{ ...empty, pats: odd }], () => [], now).split("\r\n");
    assert.equal(line, "empty-org,api.dfns.io,bad,to-bad,active,yesterday,,Wallet readers,2,");
  });
});

describe("PAT report strings", () => {
  // The same filling-in as l10n's default, so other tests see no difference afterwards.
  const fill = (message: string, ...args: (string | number | boolean)[]) =>
    message.replace(/\{(\d+)\}/g, (match, index: string) => {
      const value = args[Number(index)];
      return value === undefined ? match : String(value);
    });

  it("all go through l10n.t", () => {
    l10n.use((message, ...args) => `‹${fill(message, ...args)}›`);
    try {
      for (const header of reportColumns()) assert.match(header, /^‹.*›$/);
      const report = markdownReport([prod, broken], flagsOf, now);
      assert.ok(report.startsWith("# ‹Dfns PAT Report›\n\n‹Generated 2026-12-03 12:00:00 UTC›"));
      assert.ok(report.includes("- ‹Tokens: 3 (2 active, 1 inactive, 2 flagged)›"));
      assert.ok(report.includes("‹Could not load the tokens: HTTP 503\\: Service Unavailable›"));
      assert.ok(report.includes("**‹inactive›**"));
    } finally {
      l10n.use(fill);
    }
  });
});

// Dfns: PAT Report and Export PATs as CSV… in the real editor: an untitled Markdown document with a
// summary and a table of every token, and a CSV file that an RFC 4180 reader reads back exactly.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { parseCsv } from "../../unit/rfc4180";
import { eventually, rows, signedInWith, signInToSimulator, signOut } from "./api";
import { alpha, retired } from "./fixtures";
import { hostSimulator } from "./simulator";

const dayMs = 24 * 3600 * 1000;

const quoted = {
  ...alpha,
  tokenId: "to-rep00-quote-00000000000000001",
  name: 'he said "hi", then left',
};
const multiline = {
  ...alpha,
  tokenId: "to-rep00-lines-00000000000000002",
  name: "first line\r\nsecond, line",
};
const admin = {
  ...alpha,
  tokenId: "to-rep00-admin-00000000000000003",
  name: "root-admin",
  dateCreated: new Date(Date.now() - 200 * dayMs).toISOString(),
  permissionAssignments: [
    {
      permissionName: "DfnsFullAdminAccess",
      permissionId: "pm-rep00-admin-0000000000000003",
      assignmentId: "as-rep00-admin-0000000000000003",
      operations: [],
    },
    {
      permissionName: "Exporters",
      permissionId: "pm-rep00-admin-0000000000000004",
      assignmentId: "as-rep00-admin-0000000000000004",
      operations: ["Wallets:Export"],
    },
  ],
};
const items = [quoted, multiline, admin, retired];

const header = [
  "Connection",
  "Host",
  "Name",
  "Token ID",
  "Status",
  "Created",
  "Age (days)",
  "Permissions",
  "Operations",
  "Flags",
];

/** Markdown with its backslash escapes removed. */
const unescaped = (markdown: string) => markdown.replace(/\\(.)/g, "$1");

async function closeEditors(): Promise<void> {
  // Untitled reports are dirty: revert them rather than be asked whether to save.
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    }
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

describe("PAT report and CSV export", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const host = new URL(sim.url).host;
  const tmp: string[] = [];
  const tempCsv = (label: string) => {
    const file = path.join(os.tmpdir(), `dfns-pats-${label}-${process.pid}-${Date.now()}.csv`);
    tmp.push(file);
    return file;
  };

  before(async () => {
    api = await signedInWith(items);
    await eventually(async () => assert.equal((await rows(api)).length, items.length));
  });
  afterEach(closeEditors);
  after(async () => {
    for (const file of tmp) fs.rmSync(file, { force: true });
    await closeEditors();
    await signOut();
  });

  it("dfns.report opens an untitled Markdown document with a summary and every token", async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>("dfns.report");
    assert.ok(document, "dfns.report returned the document");
    assert.equal(document.languageId, "markdown");
    assert.equal(document.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor?.document, document, "opened in the editor");
    const markdown = document.getText();
    const text = unescaped(markdown);
    assert.match(text, /^# Dfns PAT Report$/m);
    assert.ok(text.includes(`Host: ${host}`), "the summary names the host");
    assert.ok(text.includes("Tokens: 4 (3 active, 1 inactive, 2 flagged)"), "the summary counts");
    const tableHeader = markdown.split("\n").find((line) => line.startsWith("| Connection"));
    assert.ok(tableHeader, "a table");
    assert.deepEqual(
      tableHeader
        .slice(2, -2)
        .split(" | ")
        .map((cell) => unescaped(cell)),
      header,
    );
    const tableRows = markdown.split("\n").filter((line) => line.startsWith("| ") && line !== tableHeader);
    // The separator row plus one row per token: a newline in a name must not break its row.
    assert.equal(tableRows.length, 1 + items.length, tableRows.join("\n"));
    for (const item of [quoted, admin, retired]) {
      assert.ok(text.includes(item.name), `name ${item.name}`);
    }
    const multilineRow = tableRows.find((line) => unescaped(line).includes(multiline.tokenId));
    assert.match(
      unescaped(multilineRow ?? ""),
      /\| first line {1,2}second, line \|/,
      "a multi-line name stays on its row",
    );
    for (const item of items) assert.ok(text.includes(item.tokenId), `tokenId ${item.tokenId}`);
    const adminRow = tableRows.find((line) => unescaped(line).includes(admin.tokenId));
    assert.ok(adminRow);
    assert.match(unescaped(adminRow), /\| full admin; consider rotating \|$/);
    assert.match(unescaped(adminRow), /\| DfnsFullAdminAccess; Exporters \|/);
    const retiredRow = tableRows.find((line) => unescaped(line).includes(retired.tokenId));
    assert.match(unescaped(retiredRow ?? ""), /\| \*\*inactive\*\* \|.*\| inactive \|$/);
  });

  it("dfns.exportCsv writes a CSV that round-trips every value, without a dialog", async () => {
    const file = tempCsv("string");
    const target = vscode.Uri.file(file);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("dfns.exportCsv", {
      target: target.toString(),
    });
    assert.ok(written, "dfns.exportCsv returned the file's Uri");
    assert.equal(written.toString(), target.toString());
    const text = fs.readFileSync(file, "utf8");
    const records = parseCsv(text);
    assert.deepEqual(records[0], header);
    const body = records.slice(1);
    assert.equal(body.length, items.length, "one row per token");
    for (const record of body) assert.equal(record.length, header.length, JSON.stringify(record));
    const byId = new Map(body.map((record) => [record[3], record]));
    assert.deepEqual([...byId.keys()].sort(), items.map((item) => item.tokenId).sort());
    for (const item of items) {
      const record = byId.get(item.tokenId);
      assert.ok(record);
      assert.equal(record[2], item.name, "the name survives exactly");
      assert.equal(record[1], host);
      assert.equal(record[5], item.dateCreated);
    }
    assert.ok(text.includes('"he said ""hi"", then left"'), "the name is quoted as RFC 4180 says");
    const adminRecord = byId.get(admin.tokenId);
    assert.deepEqual(adminRecord?.slice(4), [
      "active",
      admin.dateCreated,
      "200",
      "DfnsFullAdminAccess; Exporters",
      "1",
      "full admin; consider rotating",
    ]);
    assert.deepEqual(byId.get(retired.tokenId)?.slice(4), [
      "inactive",
      retired.dateCreated,
      "3",
      "",
      "0",
      "inactive",
    ]);
    assert.deepEqual(byId.get(quoted.tokenId)?.slice(6), ["3", "Wallet readers; Legacy", "2", ""]);
  });

  it("dfns.exportCsv takes a vscode.Uri target and follows the hygiene settings", async () => {
    const file = tempCsv("uri");
    const config = vscode.workspace.getConfiguration("dfns.hygiene");
    try {
      await config.update("maxAgeDays", 0, vscode.ConfigurationTarget.Global);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("dfns.exportCsv", {
        target: vscode.Uri.file(file),
      });
      assert.equal(written?.fsPath, vscode.Uri.file(file).fsPath);
    } finally {
      await config.update("maxAgeDays", undefined, vscode.ConfigurationTarget.Global);
    }
    const records = parseCsv(fs.readFileSync(file, "utf8"));
    const adminRecord = records.find((record) => record[3] === admin.tokenId);
    assert.equal(adminRecord?.[9], "full admin", "no age flag with maxAgeDays 0");
  });

  it("signed out, offers Sign In instead of a report or a file, and requests nothing", async () => {
    await signOut();
    try {
      const requestsBefore = (await sim.control.requests()).length;
      const file = tempCsv("signed-out");
      const report = vscode.commands.executeCommand("dfns.report");
      const exported = vscode.commands.executeCommand("dfns.exportCsv", { target: vscode.Uri.file(file) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await vscode.commands.executeCommand("notifications.clearAll");
      assert.equal(await report, undefined);
      assert.equal(await exported, undefined);
      assert.equal(fs.existsSync(file), false, "no file written");
      assert.equal((await sim.control.requests()).length, requestsBefore);
    } finally {
      assert.equal(await signInToSimulator(), true);
    }
  });
});

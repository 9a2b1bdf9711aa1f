// Signs in with a marker token (fresh and random, issued by the simulator for this test), drives
// every command and every kind of fault, then searches everything the extension produced: rows,
// tooltips, the view's message, clipboard texts, editor text, details documents, the report and
// the CSV export, the output channel, and every file VS Code and the extension wrote under the
// server's folders (settings, logs, global state).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { redactionMark } from "../../../src/util/redactingLogger";
import type { Fault } from "../../sim/faults";
import { ENV } from "../harness/env";
import { acceptUntilSettled, eventually, extensionApi, type Row, rows, signOut } from "./api";
import { sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

const copyCommands = [
  "dfns.copyId",
  "dfns.copyTokenId",
  "dfns.copyCredentialId",
  "dfns.copyLinkedUserId",
  "dfns.copyOrgId",
  "dfns.copyPermissionId",
  "dfns.copyAssignmentId",
  "dfns.copyOperation",
];

const faults: Fault[] = [
  { kind: "status", status: 401 },
  { kind: "status", status: 403 },
  { kind: "status", status: 404 },
  { kind: "status", status: 409 },
  { kind: "status", status: 429, retryAfter: 120 },
  { kind: "status", status: 429 },
  { kind: "status", status: 500 },
  { kind: "status", status: 503 },
  { kind: "html", status: 502 },
  { kind: "empty", status: 200 },
  { kind: "malformed" },
  { kind: "raw", status: 200, body: '{"items":[{"tokenId":"to-x","name":"bad"}]}' },
  { kind: "raw", status: 200, body: '{"pats":[]}' },
  { kind: "raw", status: 200, body: "null" },
  { kind: "huge", megabytes: 2 },
  { kind: "hang" },
  { kind: "drop" },
  { kind: "reset-mid-body" },
  { kind: "redirect", status: 307 },
];

/** Every row at every level, with its tooltip resolved as on hover. */
async function allRows(api: DfnsPatExplorerApi, parent?: Row): Promise<Row[]> {
  const found: Row[] = [];
  for (const row of await rows(api, parent)) {
    found.push(row, ...(await allRows(api, row)));
  }
  return found;
}

/** Files under `dir`, except big binaries nobody writes tokens into. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((name) => path.join(dir, name))
    .filter((file) => {
      try {
        const stat = fs.statSync(file);
        return stat.isFile() && stat.size < 50 * 1024 * 1024;
      } catch {
        return false; // removed while listing
      }
    });
}

describe("token hygiene", function () {
  this.timeout(120_000);
  const sim = hostSimulator();
  const seen: string[] = []; // everything the extension showed or produced
  let marker = "";
  let api: DfnsPatExplorerApi;
  const settings = () => vscode.workspace.getConfiguration("dfns");

  before(async () => {
    api = await extensionApi();
    await settings().update("maxResponseMegabytes", 1, vscode.ConfigurationTarget.Global);
    await settings().update("requestTimeoutSeconds", 1, vscode.ConfigurationTarget.Global);
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    marker = await sim.control.issueToken();
    const ok = await vscode.commands.executeCommand("dfns.signIn", {
      baseUrl: sim.url,
      token: marker,
      appId: "ap-hygiene-test",
    });
    assert.equal(ok, true);
  });
  after(async () => {
    await sim.control.setFault(null);
    await settings().update("maxResponseMegabytes", undefined, vscode.ConfigurationTarget.Global);
    await settings().update("requestTimeoutSeconds", undefined, vscode.ConfigurationTarget.Global);
    await signOut();
  });

  const collectRows = async () => {
    for (const row of await allRows(api)) seen.push(row.label, row.description ?? "", row.tooltip);
    seen.push(api.treeView.message ?? "", api.treeView.description ?? "");
  };

  it("drives every copy command on every row", async () => {
    for (const row of await allRows(api)) {
      for (const command of copyCommands) {
        await vscode.env.clipboard.writeText("");
        await vscode.commands.executeCommand(command, row.element);
        seen.push(await vscode.env.clipboard.readText());
      }
    }
    assert.ok(
      seen.some((text) => text.startsWith("to-host0")),
      "the copies did copy",
    );
    await collectRows();
  });

  it("drives every kind of fault", async () => {
    for (const fault of faults) {
      await sim.control.setFault(fault);
      await vscode.commands.executeCommand("dfns.refresh");
      await collectRows();
    }
    await sim.control.setFault(null);
    await vscode.commands.executeCommand("dfns.refresh");
    await collectRows();
  });

  it("opens List PATs and picks a token", async () => {
    await vscode.env.clipboard.writeText("");
    // A token, then its first action: Copy Token ID.
    await acceptUntilSettled(vscode.commands.executeCommand("dfns.listPats"));
    const copied = await vscode.env.clipboard.readText();
    seen.push(copied);
    assert.match(copied, /^to-/, "List PATs copied a token id");
  });

  it("inserts ids into an editor", async () => {
    const doc = await vscode.workspace.openTextDocument({ content: "" });
    await vscode.window.showTextDocument(doc);
    await acceptUntilSettled(vscode.commands.executeCommand("dfns.insertId"));
    seen.push(doc.getText());
    assert.ok(doc.getText().length > 0, "an id was inserted");
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  it("opens details, copies JSON, writes the report and the CSV export", async () => {
    const tokenRows = (await rows(api)).filter((row) => row.item.contextValue?.startsWith("dfnsPat"));
    assert.ok(tokenRows.length > 0, "there are token rows");
    for (const row of tokenRows) {
      await vscode.commands.executeCommand("dfns.copyAsJson", row.element);
      seen.push(await vscode.env.clipboard.readText());
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>("dfns.openDetails", row.element);
      seen.push(editor.document.getText());
    }
    const report = await vscode.commands.executeCommand<vscode.TextDocument>("dfns.report");
    seen.push(report.getText());
    assert.match(report.getText(), /alpha\\?-deployer/, "the report was written (Markdown-escaped)");
    const csv = path.join(os.tmpdir(), `dfns-hygiene-${process.pid}.csv`);
    try {
      await vscode.commands.executeCommand("dfns.exportCsv", { target: vscode.Uri.file(csv).toString() });
      seen.push(fs.readFileSync(csv, "utf8"));
    } finally {
      fs.rmSync(csv, { force: true });
    }
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    }
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("finds no trace of the token in anything it produced", async () => {
    const signature = marker.split(".")[2] ?? marker;
    for (const text of seen) {
      assert.equal(
        text.includes(marker) || text.includes(signature),
        false,
        `the token appears in: ${text.slice(0, 200)}`,
      );
    }
    await vscode.commands.executeCommand("dfns.showLog");
    const log = await eventually(() => {
      const doc = vscode.workspace.textDocuments.find(
        (d) => d.uri.scheme === "output" && /Dfns/.test(d.uri.path),
      );
      assert.ok(doc, "the Dfns output channel is open");
      assert.ok(doc.getText().includes("->"), "the log has content");
      return doc.getText();
    });
    assert.equal(log.includes(signature), false, "the token is not in the output channel");
    // The channel redacts tokens it knows as a second lock; that lock should never have had to act.
    assert.equal(log.includes(redactionMark), false, "no code path tried to log the token");
  });

  it("finds no trace of the token on disk: settings, logs, extension storage", async () => {
    const stateDir = process.env[ENV.stateDir];
    assert.ok(stateDir, `${ENV.stateDir} is set by the harness`);
    const signature = Buffer.from(marker.split(".")[2] ?? marker);
    const files = filesUnder(stateDir);
    assert.ok(
      files.some((file) => file.endsWith(".log")),
      "the logs are among the files searched",
    );
    const holding = files.filter((file) => fs.readFileSync(file).includes(signature));
    assert.deepEqual(holding, []);
  });
});

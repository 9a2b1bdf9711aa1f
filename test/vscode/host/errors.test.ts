import * as assert from "node:assert/strict";
import * as net from "node:net";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import type { Fault } from "../../sim/faults";
import { eventually, extensionApi, rows, signInToSimulator, signOut } from "./api";
import { sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

describe("errors in the tree", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();
  const host = new URL(sim.url).host;

  const labelsAfterRefresh = async () => {
    await vscode.commands.executeCommand("dfns.refresh");
    return (await rows(api)).map((row) =>
      row.description ? `${row.label} | ${row.description}` : row.label,
    );
  };

  before(async () => {
    api = await extensionApi();
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    // Keep a token that could not be checked, so the view has no list to fall back on.
    await sim.control.setFault({ kind: "status", status: 503, message: "Service Unavailable" });
    assert.equal(await signInToSimulator({ ifUnverified: "keep" }), true);
  });
  after(async () => {
    await sim.control.setFault(null);
    await signOut();
  });

  const escaped = host.replace(/\./g, "\\.");
  // One pattern per row: what failed, then the ways out.
  const cases: [string, Fault, RegExp[], string][] = [
    [
      "401",
      { kind: "status", status: 401 },
      [/^Token rejected \| Not Authorized\.$/, /^Sign In Again…$/],
      "dfns.signIn",
    ],
    [
      "403",
      { kind: "status", status: 403 },
      [
        /^Not allowed to list tokens \| .*not authorized to perform operation \(Auth:Types:Pat\)$/,
        /^Sign In with Another Token…$/,
        /^Retry$/,
      ],
      "dfns.signIn",
    ],
    [
      "429",
      { kind: "status", status: 429, retryAfter: 30 },
      [/^Rate limited \| retry after 30 s$/, /^Retry$/],
      "dfns.refresh",
    ],
    [
      "a dropped connection",
      { kind: "drop" },
      [new RegExp(`^Cannot reach ${escaped} \\| the connection was reset$`), /^Retry$/],
      "dfns.refresh",
    ],
    [
      "500",
      { kind: "status", status: 500, message: "Internal error" },
      [new RegExp(`^${escaped} answered 500: Internal error \\(error id .+\\)$`), /^Retry$/],
      "dfns.refresh",
    ],
    [
      "404",
      { kind: "status", status: 404, message: "Route not found" },
      [new RegExp(`^${escaped} answered 404: Route not found`), /^Retry$/],
      "dfns.refresh",
    ],
    [
      "truncated JSON",
      { kind: "malformed" },
      [/sent a response that is not a PAT list: malformed or truncated JSON/, /^Retry$/],
      "dfns.refresh",
    ],
    [
      "items missing",
      { kind: "raw", status: 200, body: "{}" },
      [/not a PAT list: expected "items" to be an array, got no items/, /^Retry$/],
      "dfns.refresh",
    ],
    [
      "a redirect",
      { kind: "redirect", status: 302 },
      [
        /^Redirect not followed \(302\) \| https:\/\/attacker\.example\/auth\/pats$/,
        /^Sign In with Another URL…$/,
      ],
      "dfns.signIn",
    ],
  ];
  for (const [what, fault, patterns, way] of cases) {
    it(`${what}: a row says what failed and another offers a way out`, async () => {
      await sim.control.setFault(fault);
      const labels = await labelsAfterRefresh();
      assert.equal(labels.length, patterns.length, labels.join(" / "));
      for (const [index, pattern] of patterns.entries()) assert.match(labels[index] ?? "", pattern);
      const commands = (await rows(api)).flatMap((row) =>
        row.item.command ? [row.item.command.command] : [],
      );
      assert.ok(commands.includes(way), `${way} among ${commands.join(", ")}`);
    });
  }

  it("recovers when the fault is cleared", async () => {
    await sim.control.setFault(null);
    assert.deepEqual(
      (await labelsAfterRefresh()).map((label) => label.split(" | ")[0]),
      ["alpha-deployer", "retired-bot", "Invalid token entry: broken-entry"],
    );
    assert.equal(api.treeView.message, undefined);
  });

  it("keeps the last good list when a refresh fails, and says what failed and when", async () => {
    await sim.control.setFault({ kind: "status", status: 502, style: "legacy", message: "Bad gateway" });
    const labels = await labelsAfterRefresh();
    assert.equal(labels.length, 3);
    await eventually(() =>
      assert.match(
        api.treeView.message ?? "",
        /^Refresh failed: .*502.*Showing the list fetched at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./,
      ),
    );
    await sim.control.setFault(null);
    await labelsAfterRefresh();
    assert.equal(api.treeView.message, undefined);
  });

  it("a refused connection: says so and offers Retry; the token is kept for when the host is back", async () => {
    // A port nothing listens on: bound, noted and closed again.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    await signOut();
    try {
      const ok = await vscode.commands.executeCommand("dfns.signIn", {
        baseUrl: `http://127.0.0.1:${closed}`,
        token: sim.token,
        ifUnverified: "keep",
      });
      assert.equal(ok, true);
      const labels = await labelsAfterRefresh();
      assert.deepEqual(labels, [`Cannot reach 127.0.0.1:${closed} | connection refused`, "Retry"]);
    } finally {
      await signOut();
      assert.equal(await signInToSimulator(), true);
    }
  });

  it("never shows the token in the Dfns output channel", async () => {
    await vscode.commands.executeCommand("dfns.showLog");
    const log = await eventually(() => {
      const doc = vscode.workspace.textDocuments.find(
        (candidate) => candidate.uri.scheme === "output" && /Dfns/.test(candidate.uri.path),
      );
      assert.ok(doc, "the Dfns output channel is open as a document");
      assert.ok(doc.getText().length > 0);
      return doc.getText();
    });
    assert.match(log, /GET http:\/\/127\.0\.0\.1:\d+\/auth\/pats -> 503/, "the log records the failures");
    assert.equal(log.includes(sim.token), false);
    assert.equal(log.includes(sim.token.slice(0, 24)), false);
  });
});

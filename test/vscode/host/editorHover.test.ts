import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { eventually, signedInWith, signOut } from "./api";
import {
  closeEditorsAndFiles,
  listFetched,
  positionOf,
  setSetting,
  untitled,
  workspaceFile,
} from "./editorDocs";
import { alpha, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

/** Our hovers at a position, as VS Code collects them from every provider. */
async function dfnsHovers(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      document.uri,
      position,
    )) ?? [];
  return hovers.filter((hover) => markdownOf(hover).includes("Dfns"));
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === "string" ? content : content.value)).join("\n");
}

async function hoverText(document: vscode.TextDocument, text: string): Promise<string> {
  const hovers = await dfnsHovers(document, positionOf(document, text, 4));
  assert.equal(hovers.length, 1, `one Dfns hover on ${text}`);
  return markdownOf(hovers[0] as vscode.Hover);
}

/** The links of a hover, as commands with their arguments, ready to run. */
function links(markdown: string): { command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)\?([^)]*)\)/g)].map((match) => ({
    command: match[1] as string,
    args: JSON.parse(decodeURIComponent(match[2] as string)) as unknown[],
  }));
}

const escaped = (text: string) => text.replace(/[-.]/g, (char) => `\\${char}`);
const unknownTokenId = "to-7vwr2-h2f29-9m6a0fmkk7rr2hj7";

describe("Editor: hover on Dfns ids", () => {
  let api: DfnsPatExplorerApi;
  const sim = hostSimulator();

  before(async () => {
    api = await signedInWith(sampleItems);
    await listFetched();
  });
  afterEach(closeEditorsAndFiles);
  after(async () => {
    await setSetting("hover.enabled", undefined);
    await signOut();
  });

  it("explains a known token ID in code: name, status, age, permissions, connection, links", async () => {
    const { document } = await untitled(`const tokenId = "${alpha.tokenId}";\n`, "javascript");
    const hovers = await dfnsHovers(document, positionOf(document, alpha.tokenId, 10));
    assert.equal(hovers.length, 1);
    const hover = hovers[0] as vscode.Hover;
    const text = markdownOf(hover);
    assert.match(text, /\*\*Dfns token ID\*\* of \*\*alpha\\-deployer\*\*/);
    assert.match(text, /active · created 3 days ago/);
    assert.match(text, /Wallet readers \(2 operations\), Legacy \(0 operations\) · 2 operations in all/);
    assert.ok(text.includes(`on ${escaped(new URL(sim.url).host)}`), "names the connection");
    assert.deepEqual(
      links(text).map((link) => link.command),
      ["dfns.revealToken", "dfns.copyText"],
    );
    // Its links run only our two commands, whatever the Markdown says.
    assert.deepEqual((hover.contents[0] as vscode.MarkdownString).isTrusted, {
      enabledCommands: ["dfns.revealToken", "dfns.copyText"],
    });
    const start = positionOf(document, alpha.tokenId);
    assert.ok(hover.range?.isEqual(new vscode.Range(start, start.translate(0, alpha.tokenId.length))));
  });

  it("explains credential, permission, assignment, org and user IDs in .env, JSON and YAML files", async () => {
    const env = await workspaceFile(".env", `DFNS_CRED_ID=${alpha.credId}\nDFNS_ORG=${alpha.orgId}\n`);
    assert.match(
      await hoverText(env.document, alpha.credId),
      /Dfns credential ID\*\* of \*\*alpha\\-deployer/,
    );
    // The org is shared by both listed tokens: each is named, with its own reveal link.
    const org = await hoverText(env.document, alpha.orgId);
    assert.match(org, /Dfns org ID\*\* of 2 listed tokens/);
    assert.match(org, /^- \*\*alpha\\-deployer\*\* · active/m);
    assert.match(org, /^- \*\*retired\\-bot\*\* · inactive/m);

    const permission = alpha.permissionAssignments[0]?.permissionId ?? "";
    const json = await workspaceFile("dfns.json", JSON.stringify({ permissionId: permission }, null, 2));
    assert.match(
      await hoverText(json.document, permission),
      /Dfns permission ID\*\* · \*\*Wallet readers\*\*, assigned to 1 listed token/,
    );

    const assignment = alpha.permissionAssignments[0]?.assignmentId ?? "";
    const yaml = await workspaceFile(
      "deploy.yaml",
      `dfns:\n  assignment: ${assignment}\n  user: "${alpha.linkedUserId}"\n`,
    );
    assert.match(
      await hoverText(yaml.document, assignment),
      /Dfns assignment ID\*\* · \*\*Wallet readers\*\* assigned to \*\*alpha\\-deployer/,
    );
    assert.match(
      await hoverText(yaml.document, alpha.linkedUserId),
      /Dfns linked user ID\*\* of 2 listed tokens/,
    );
  });

  it("says an unknown Dfns-shaped ID is not among the listed tokens", async () => {
    const { document } = await untitled(`TOKEN_ID=${unknownTokenId}\n`);
    const text = await hoverText(document, unknownTokenId);
    assert.match(text, /Looks like a \*\*Dfns token ID\*\*, not among your listed tokens on /);
    assert.deepEqual(links(text), []);
  });

  it("shows nothing in a document with no Dfns IDs", async () => {
    const content = 'region: "us-east-1"\nstatus: as-is\nname: to-do\nplain words only\n';
    const { document } = await untitled(content);
    for (let offset = 0; offset < content.length; offset += 3) {
      assert.deepEqual(await dfnsHovers(document, document.positionAt(offset)), [], `at ${offset}`);
    }
  });

  it("never sends a request: it reads the list already fetched", async () => {
    const { document } = await untitled(`${alpha.tokenId} ${unknownTokenId} ${alpha.credId}\n`);
    await sim.control.clearRequests();
    for (const id of [alpha.tokenId, unknownTokenId, alpha.credId]) await hoverText(document, id);
    assert.deepEqual(await sim.control.requests(), []);
  });

  it("follows a refreshed list", async () => {
    const { document } = await untitled(`"${alpha.tokenId}"\n`);
    await sim.control.setPats([{ ...alpha, name: "alpha-renamed" }]);
    await vscode.commands.executeCommand("dfns.refresh");
    assert.match(await hoverText(document, alpha.tokenId), /of \*\*alpha\\-renamed\*\*/);
    await sim.control.setPats(sampleItems);
    await vscode.commands.executeCommand("dfns.refresh");
    assert.match(await hoverText(document, alpha.tokenId), /of \*\*alpha\\-deployer\*\*/);
  });

  it("runs its links: copy puts the hovered ID on the clipboard, reveal selects the token", async () => {
    const { document } = await untitled(`cred = '${alpha.credId}'\n`);
    const [reveal, copy] = links(await hoverText(document, alpha.credId));
    assert.ok(reveal && copy);
    await vscode.env.clipboard.writeText("nothing copied");
    await vscode.commands.executeCommand(copy.command, ...copy.args);
    assert.equal(await vscode.env.clipboard.readText(), alpha.credId);
    await vscode.commands.executeCommand(reveal.command, ...reveal.args);
    const item = await eventually(() => {
      const selected = api.treeView.selection[0];
      assert.ok(selected, "a row is selected");
      return Promise.resolve(api.treeDataProvider.getTreeItem(selected));
    });
    assert.equal(item.id, `pat/${alpha.tokenId}`);
  });

  it("can be turned off in settings, and on again", async () => {
    const { document } = await untitled(`${alpha.tokenId}\n`);
    await setSetting("hover.enabled", false);
    await eventually(async () =>
      assert.deepEqual(await dfnsHovers(document, positionOf(document, "to-", 4)), []),
    );
    await setSetting("hover.enabled", undefined);
    await eventually(async () =>
      assert.equal((await dfnsHovers(document, positionOf(document, "to-", 4))).length, 1),
    );
  });
});

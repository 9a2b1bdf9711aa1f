import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { eventually, extensionApi, signInToSimulator, signOut } from "./api";
import { closeEditorsAndFiles, listFetched, setSetting, untitled, workspaceFile } from "./editorDocs";
import { alpha, retired, sampleItems } from "./fixtures";
import { hostSimulator } from "./simulator";

interface Offered {
  readonly label: string;
  readonly detail: string | undefined;
  readonly item: vscode.CompletionItem;
}

const listedIds = new Set([
  alpha.tokenId,
  retired.tokenId,
  alpha.credId,
  alpha.orgId,
  alpha.linkedUserId,
  ...alpha.permissionAssignments.flatMap((a) => [a.permissionId, a.assignmentId]),
]);

/** The completions VS Code collects at the end of the editor's text that are listed Dfns ids. */
async function offered(editor: vscode.TextEditor, trigger?: string): Promise<Offered[]> {
  const { document } = editor;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    "vscode.executeCompletionItemProvider",
    document.uri,
    end,
    trigger,
  );
  return list.items
    .map((item) => ({
      label: typeof item.label === "string" ? item.label : item.label.label,
      detail: item.detail,
      item,
    }))
    .filter((entry) => listedIds.has(entry.label));
}

describe("Editor: completion of Dfns ids", () => {
  const sim = hostSimulator();

  before(async () => {
    await extensionApi();
    await sim.control.reset();
    await sim.control.setPats(sampleItems);
    assert.equal(await signInToSimulator(), true);
    await listFetched();
  });
  afterEach(closeEditorsAndFiles);
  after(async () => {
    await setSetting("completion.enabled", undefined);
    await setSetting("completion.triggers", undefined);
    await signOut();
  });

  it("is off by default", async () => {
    const editor = await untitled('const id = "to-');
    assert.deepEqual(await offered(editor, "-"), []);
  });

  it("offers the listed token IDs inside a string after to-, with the PAT's name as detail", async () => {
    await setSetting("completion.enabled", true);
    const editor = await untitled('const id = "to-', "javascript");
    const items = await eventually(async () => {
      const found = await offered(editor, "-");
      assert.ok(found.length > 0, "completions offered");
      return found;
    });
    assert.deepEqual(
      items.map((entry) => [entry.label, entry.detail]),
      [
        [alpha.tokenId, "alpha-deployer"],
        [retired.tokenId, "retired-bot"],
      ],
    );
    // Accepting one replaces the typed trigger with the whole id.
    const range = items[0]?.item.range as vscode.Range;
    assert.ok(range.isEqual(new vscode.Range(0, 12, 0, 15)));
  });

  it("offers permission IDs after pm-, naming the permission", async () => {
    await setSetting("completion.enabled", true);
    const editor = await untitled("permissions: ['pm-");
    const items = await eventually(async () => {
      const found = await offered(editor, "-");
      assert.equal(found.length, 2);
      return found;
    });
    assert.deepEqual(
      items.map((entry) => entry.detail),
      ["Wallet readers · alpha-deployer", "Legacy · alpha-deployer"],
    );
  });

  it("offers them after KEY= in a .env file, and not outside strings elsewhere", async () => {
    await setSetting("completion.enabled", true);
    const env = await workspaceFile(".env", "DFNS_TOKEN_ID=to-");
    await eventually(async () => assert.equal((await offered(env, "-")).length, 2));
    const code = await untitled("const id = to-");
    assert.deepEqual(await offered(code, "-"), []);
  });

  it("offers nothing in a document with no trigger", async () => {
    await setSetting("completion.enabled", true);
    const editor = await untitled('const region = "us-east-');
    assert.deepEqual(await offered(editor, "-"), []);
  });

  it("takes a configured trigger that offers every id, credential IDs included", async () => {
    await setSetting("completion.enabled", true);
    await setSetting("completion.triggers", ["dfns:"]);
    const editor = await untitled('secret = "dfns:');
    const items = await eventually(async () => {
      const found = await offered(editor, ":");
      assert.ok(found.length > 0);
      return found;
    });
    const cred = items.find((entry) => entry.label === alpha.credId);
    assert.equal(cred?.detail, "alpha-deployer");
    assert.equal(cred?.item.filterText, `dfns:${alpha.credId}`);
    await setSetting("completion.triggers", undefined);
  });
});

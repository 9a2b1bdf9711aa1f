// Shared helpers for the in-host suites: the extension's own API, its rows as VS Code sees them,
// and signing in to the simulator the runner started.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { DfnsPatExplorerApi } from "../../../src/extension";
import { extensionId } from "../harness/paths";
import { hostSimulator } from "./simulator";

export async function extensionApi(): Promise<DfnsPatExplorerApi> {
  const extension = vscode.extensions.getExtension<DfnsPatExplorerApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  return extension.activate();
}

/** A row as the view renders it, with the element to hand back to commands. */
export interface Row {
  readonly element: unknown;
  readonly item: vscode.TreeItem;
  readonly label: string;
  readonly description: string | undefined;
  readonly tooltip: string;
}

async function toRow(api: DfnsPatExplorerApi, element: unknown): Promise<Row> {
  // As VS Code does on hover: tooltips of token and assignment rows are resolved lazily.
  const provider = api.treeDataProvider;
  const unresolved = await provider.getTreeItem(element);
  const item = provider.resolveTreeItem
    ? ((await provider.resolveTreeItem(unresolved, element, new vscode.CancellationTokenSource().token)) ??
      unresolved)
    : unresolved;
  const label = typeof item.label === "string" ? item.label : (item.label?.label ?? "");
  const tooltip =
    item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? "");
  const description = typeof item.description === "string" ? item.description : undefined;
  return { element, item, label, description, tooltip };
}

export async function rows(api: DfnsPatExplorerApi, parent?: Row): Promise<Row[]> {
  const children = (await api.treeDataProvider.getChildren(parent?.element)) ?? [];
  return Promise.all(children.map((child) => toRow(api, child)));
}

export async function rowLabelled(api: DfnsPatExplorerApi, label: string, parent?: Row): Promise<Row> {
  const all = await rows(api, parent);
  const row = all.find((candidate) => candidate.label === label);
  assert.ok(row, `no row "${label}" among ${all.map((r) => r.label).join(", ")}`);
  return row;
}

export async function signInToSimulator(extra: Record<string, unknown> = {}): Promise<boolean> {
  const sim = hostSimulator();
  return (
    (await vscode.commands.executeCommand("dfns.signIn", {
      baseUrl: sim.url,
      token: sim.token,
      ...extra,
    })) === true
  );
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand("dfns.signOut", { skipConfirmation: true });
}

/** Polls until `check` passes or the time is up; the last failure is the one reported. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** How most suites start: the simulator reset to list `items`, and the extension signed in to it. */
export async function signedInWith(items: readonly unknown[]): Promise<DfnsPatExplorerApi> {
  const api = await extensionApi();
  const sim = hostSimulator();
  await sim.control.reset();
  await sim.control.setPats([...items]);
  assert.equal(await signInToSimulator(), true);
  return api;
}

/**
 * Runs `body` with `entries` added to the workspace's .vscode/settings.json, what a cloned
 * repository could ship, and puts the file back afterwards whatever happens.
 */
export async function withWorkspaceSettings(
  entries: Record<string, unknown>,
  body: () => Promise<void>,
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the harness opens a folder");
  const settingsUri = vscode.Uri.joinPath(folder.uri, ".vscode", "settings.json");
  const original = await vscode.workspace.fs.readFile(settingsUri);
  const changed = { ...JSON.parse(Buffer.from(original).toString("utf8")), ...entries };
  await vscode.workspace.fs.writeFile(settingsUri, Buffer.from(JSON.stringify(changed)));
  try {
    await body();
  } finally {
    await vscode.workspace.fs.writeFile(settingsUri, original);
  }
}

/**
 * Accepts the selected quick-pick item, again and again, until `command` settles: each step of a
 * command's picks opens when the one before is accepted, however long the machine takes to show it.
 */
export async function acceptUntilSettled<T>(command: Thenable<T>, timeoutMs = 20_000): Promise<T> {
  let settled = false;
  const outcome = Promise.resolve(command).finally(() => {
    settled = true;
  });
  for (const deadline = Date.now() + timeoutMs; !settled && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!settled) await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
  }
  assert.ok(settled, `the command settled within ${timeoutMs} ms of accepting its picks`);
  return outcome;
}

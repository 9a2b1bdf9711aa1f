// A person's first session with the packaged extension, step by step through the real workbench:
// welcome view, sign-in from the palette, the tree, copying, List PATs, refresh, a rejected token,
// signing in again, signing out. Steps depend on each other, so they run in order in one page.
import * as assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { ui } from "../harness/ui-fixture";
import {
  answer,
  clipboardBecomes,
  openDfnsView,
  pick,
  pictureWithTooltip,
  rowLabels,
  runCommand,
  titleAction,
  treeRow,
  treeRows,
} from "./actions";

describe("a first session with the extension", () => {
  let page: Page;
  let pane: Locator;
  const names = () => (ui().sim.pats as { name: string; isActive: boolean }[]).map((pat) => pat);

  async function signInWithPalette(token: string): Promise<void> {
    await runCommand(page, "Dfns: Sign In");
    await pick(page, "Custom URL");
    await answer(page, "Custom URL", ui().sim.url);
    await answer(page, "Token for", token);
    await answer(page, "Legacy App ID", ""); // none
  }

  before(async () => {
    const { sim } = ui();
    sim.reset();
    sim.generate(12, { seed: 42 });
    page = await ui().reload();
  });

  it("shows the welcome view with a Sign In button when the Dfns icon is clicked", async () => {
    pane = await openDfnsView(page);
    await pane.getByText("See your Dfns Personal Access Tokens").waitFor({ state: "visible" });
    assert.equal(await pane.getByRole("button", { name: "Sign In" }).isVisible(), true);
  });

  it("signs in from the command palette with a custom URL and lists the PATs", async () => {
    await signInWithPalette(ui().token);
    const active = names()
      .filter((pat) => pat.isActive)
      .map((pat) => pat.name)
      .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    await treeRow(pane, active[0] as string).waitFor({ state: "visible", timeout: 20_000 });
    const shown = await rowLabels(pane);
    assert.deepEqual(shown.slice(0, 3), active.slice(0, 3));
  });

  it("expands a PAT to its assignments and an assignment to its operations", async () => {
    const first = (await rowLabels(pane))[0] as string;
    await treeRow(pane, first).click();
    const assignment = pane.locator(".monaco-list-row[aria-level='2']").first();
    await assignment.waitFor({ state: "visible" });
    await assignment.click();
    await pane.locator(".monaco-list-row[aria-level='3']").first().waitFor({ state: "visible" });
    // The README's picture: the expanded tree beside a token's tooltip.
    await pictureWithTooltip(page, treeRow(pane, first), "Token ID", "tree", 470);
  });

  it("copies a token ID with the row's inline copy button", async () => {
    const first = (await rowLabels(pane))[0] as string;
    const row = treeRow(pane, first);
    await row.hover();
    await row.locator(".actions .action-label.codicon-copy").click();
    const tokenId = (ui().sim.pats as { name: string; tokenId: string }[]).find(
      (pat) => pat.name === first,
    )?.tokenId;
    assert.equal(await clipboardBecomes(page, tokenId as string), tokenId);
    await page.locator(".part.statusbar", { hasText: `Copied ID ${tokenId}` }).waitFor({ state: "visible" });
  });

  it("finds a token with Dfns: List PATs and copies its ID", async () => {
    const target = names().find((pat) => !pat.isActive) ?? names()[0];
    assert.ok(target);
    await runCommand(page, "Dfns: List PATs");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Dfns PATs (" }).waitFor();
    await page.locator(".quick-input-widget input").fill(target.name);
    await pick(page, target.name);
    await pick(page, "Copy Token ID");
    const tokenId = (ui().sim.pats as { name: string; tokenId: string }[]).find(
      (pat) => pat.name === target.name,
    )?.tokenId;
    assert.equal(await clipboardBecomes(page, tokenId as string), tokenId);
  });

  it("shows changed data after Refresh", async () => {
    ui().sim.generate(3, { seed: 7 });
    await titleAction(page, "Refresh PATs").click();
    const expected = names()
      .filter((pat) => pat.isActive)
      .map((pat) => pat.name);
    await treeRow(pane, expected[0] as string).waitFor({ state: "visible", timeout: 20_000 });
    assert.equal(await treeRows(pane).count(), 3);
  });

  it("keeps a token it could not check when asked, shows Token rejected on a 401, and recovers", async () => {
    const { sim } = ui();
    sim.setFault({ kind: "status", status: 503 });
    await signInWithPalette(sim.issueToken()); // another token: a new connection, with no list yet
    const dialog = page.locator(".monaco-dialog-box");
    await dialog
      .getByText(/could not be checked: .*answered 503/)
      .waitFor({ state: "visible", timeout: 30_000 });
    sim.setFault({ kind: "status", status: 401 });
    await dialog.getByRole("button", { name: "Keep Token" }).click();
    // No list to fall back on: the error is a row, with the way out below it.
    await treeRow(pane, "Token rejected").waitFor({ state: "visible", timeout: 30_000 });
    sim.setFault(undefined);
    // Signing in again keeps the connection's URL: only the token (and App ID) are asked for.
    await treeRow(pane, "Sign In Again…").click();
    await answer(page, "Token for", ui().token);
    await answer(page, "Legacy App ID", "");
    const active = names().find((pat) => pat.isActive)?.name as string;
    await treeRow(pane, active).waitFor({ state: "visible", timeout: 20_000 });
  });

  it("signs out after confirming, and shows the welcome view again", async () => {
    await runCommand(page, "Dfns: Sign Out");
    await page.locator(".monaco-dialog-box").getByRole("button", { name: "Sign Out" }).click();
    await pane.getByText("See your Dfns Personal Access Tokens").waitFor({ state: "visible" });
    assert.equal(await treeRows(pane).count(), 0);
  });
});

// The questions a reviewer asks, through the real workbench: two connections side by side, tokens
// flagged by the hygiene rules with their reasons on hover, and a filter on the view. Its picture
// is the README's "Beyond the dashboard" screenshot.
import * as assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { ui } from "../harness/ui-fixture";
import { answer, openDfnsView, pick, pictureWithTooltip, runCommand, treeRow } from "./actions";

const day = 24 * 3600 * 1000;

/** A token as Dfns lists it; obviously fake ids. */
function item(name: string, index: number, ageDays: number, operations: string[], extra: object = {}) {
  const id = String(index).padStart(4, "0");
  return {
    tokenId: `to-ui000-insig-${id}`,
    name,
    kind: "Pat",
    isActive: true,
    dateCreated: new Date(Date.now() - ageDays * day).toISOString(),
    credId: `cr-ui000-insig-${id}`,
    linkedUserId: "us-ui000-insig-0001",
    linkedAppId: "",
    orgId: "or-ui000-insig-0001",
    publicKey: "",
    permissionAssignments: [
      {
        permissionName: operations.includes("*") ? "DfnsFullAdminAccess" : `${name} role`,
        permissionId: `pm-ui000-insig-${id}`,
        assignmentId: `as-ui000-insig-${id}`,
        operations: operations.filter((operation) => operation !== "*"),
      },
    ],
    ...extra,
  };
}

describe("beyond the dashboard: connections, flags and filters", () => {
  let page: Page;
  let pane: Locator;

  async function signIn(token: string): Promise<void> {
    await runCommand(page, "Dfns: Sign In");
    await pick(page, "Custom URL");
    await answer(page, "Custom URL", ui().sim.url);
    await answer(page, "Token for", token);
    await answer(page, "Legacy App ID", "");
  }

  before(async () => {
    const { sim } = ui();
    sim.reset();
    sim.setPats([
      item("ci-deployer", 1, 12, ["Wallets:Read", "Wallets:Create"]),
      item("treasury-bot", 2, 40, ["Wallets:Read", "Wallets:TransferAsset", "Payments:Create"]),
      item("legacy-sync", 3, 210, ["Wallets:Read"]),
      item("break-glass", 4, 30, ["*"]),
      item("old-intern", 5, 400, ["Wallets:Read"], { isActive: false }),
    ]);
    page = await ui().reload();
  });

  it("lists two connections, each with its own root row", async () => {
    pane = await openDfnsView(page);
    await signIn(ui().token);
    await treeRow(pane, "ci-deployer").waitFor({ state: "visible", timeout: 20_000 });
    // A second organisation on the same API: another connection, not a replacement.
    await signIn(
      ui().sim.issueToken({ orgId: "or-staging-0000-0000000000000002", expiresInSeconds: 3 * 24 * 3600 }),
    );
    await treeRow(pane, "or-staging-0000-0000000000000002").waitFor({ state: "visible", timeout: 20_000 });
    const rootLabels = await pane
      .locator(".monaco-list-row[role='treeitem'][aria-level='1'] .label-name")
      .allInnerTexts();
    assert.equal(rootLabels.length, 2, `root rows: ${rootLabels.join(", ")}`);
    // The staging token expires in 3 days: its connection row says so.
    await pane
      .locator(".monaco-list-row", { hasText: "or-staging-0000-0000000000000002" })
      .locator(".label-description", { hasText: "token expires in" })
      .waitFor({ state: "visible" });
  });

  it("renames a connection from its context menu", async () => {
    const first = pane.locator(".monaco-list-row[role='treeitem'][aria-level='1']").first();
    // On a loaded machine the menu, closing, can hand focus back to the tree after the input box
    // opened, and the box closes on losing it: open it again, as a person would.
    for (let attempt = 1; ; attempt++) {
      await first.click({ button: "right" });
      // The workbench's menus act on mouse-up after their own hover: choose the entry by keyboard.
      const entry = page.locator(".context-view .action-label", { hasText: "Rename Connection" });
      await entry.waitFor({ state: "visible" });
      await entry.hover();
      await page.keyboard.press("Enter");
      try {
        await answer(page, "Rename Connection", "production", 5_000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press("Escape");
      }
    }
    await treeRow(pane, "production").waitFor({ state: "visible" });
  });

  it("flags broad, sensitive and old tokens and explains why on hover", async () => {
    const treasury = treeRow(pane, "treasury-bot").first();
    await treasury.locator(".label-description", { hasText: "sensitive" }).waitFor({ state: "visible" });
    await treeRow(pane, "break-glass")
      .first()
      .locator(".label-description", { hasText: "full admin" })
      .waitFor();
    await treeRow(pane, "legacy-sync")
      .first()
      .locator(".label-description", { hasText: "consider rotating" })
      .waitFor();
    await pictureWithTooltip(page, treasury, "Grants sensitive operations", "insights", 520);
  });

  it('answers "who can move funds?" from a typed wildcard, and reveals the token picked', async () => {
    await runCommand(page, "Dfns: Find Tokens Granting");
    // Typed, not picked: no listed operation is "Payments:*", so the pattern leads the list.
    await answer(page, "Find Tokens Granting", "Payments:*");
    const results = page.locator(".quick-input-widget");
    await results.locator(".quick-input-title", { hasText: "Tokens granting Payments:* (4)" }).waitFor();
    // treasury-bot holds Payments:Create; break-glass is full admin. Once per connection.
    const rows = results.locator(".monaco-list-row");
    assert.equal(await rows.count(), 4);
    assert.equal(await rows.filter({ hasText: "treasury-bot" }).count(), 2);
    assert.equal(await rows.filter({ hasText: "break-glass" }).count(), 2);
    await pick(page, /treasury-bot.*production/);
    await pane
      .locator(".monaco-list-row.selected", {
        has: page.locator(".label-name", { hasText: /^treasury-bot$/ }),
      })
      .waitFor({ state: "visible" });
  });

  it("filters to active tokens, says so in the view's header, and clears", async () => {
    await runCommand(page, "Dfns: Filter PATs");
    await pick(page, "Active tokens only");
    // With two connections, a second step asks which one.
    await pick(page, "All connections");
    await page.locator(".part.sidebar", { hasText: "filter: active" }).first().waitFor({ state: "visible" });
    // The inactive token goes from both connections' rows; the active ones stay.
    await treeRow(pane, "old-intern").first().waitFor({ state: "detached" });
    assert.equal(await treeRow(pane, "ci-deployer").count(), 2);
    await runCommand(page, "Dfns: Clear Filter");
    await treeRow(pane, "old-intern").first().waitFor({ state: "visible" });
  });

  it("filters by text typed into Filter PATs, across both connections", async () => {
    await runCommand(page, "Dfns: Filter PATs");
    await answer(page, "Filter PATs", "treasury");
    await pick(page, "All connections");
    await page
      .locator(".part.sidebar", { hasText: 'filter: "treasury"' })
      .first()
      .waitFor({ state: "visible" });
    await treeRow(pane, "ci-deployer").first().waitFor({ state: "detached" });
    assert.equal(await treeRow(pane, "treasury-bot").count(), 2);
    await runCommand(page, "Dfns: Clear Filter");
    await treeRow(pane, "ci-deployer").first().waitFor({ state: "visible" });
  });

  after(async () => {
    await runCommand(page, "Dfns: Sign Out");
    await pick(page, "All Connections");
    await page.getByRole("button", { name: "Sign Out" }).click();
  });
});

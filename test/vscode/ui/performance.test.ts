// Measurements in the real workbench, printed and never asserted on time (issue: performance):
// from clicking Refresh to the 1,000th token's row being on screen, and from clicking a token to
// its assignments showing. The assertions only check that what was timed really happened.
import * as assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { ui } from "../harness/ui-fixture";
import { answer, openDfnsView, pick, runCommand, titleAction, treeRow } from "./actions";

interface SimPat {
  name: string;
  isActive: boolean;
}

/** The view's order: active first, then by name (as src/tree/model.ts sorts). */
function displayOrder(pats: readonly SimPat[]): string[] {
  const collator = new Intl.Collator("en", { sensitivity: "base" });
  return [...pats]
    .sort((a, b) => (a.isActive !== b.isActive ? (a.isActive ? -1 : 1) : collator.compare(a.name, b.name)))
    .map((pat) => pat.name);
}

describe("performance in the workbench (printed, not asserted)", () => {
  let page: Page;
  let pane: Locator;
  const shape = { assignmentsPerPat: 3, operationsPerAssignment: 40 };

  before(async () => {
    const { sim } = ui();
    sim.reset();
    sim.generate(1000, { seed: 11, ...shape });
    page = await ui().reload();
    pane = await openDfnsView(page);
    await runCommand(page, "Dfns: Sign In");
    await pick(page, "Custom URL");
    await answer(page, "Custom URL", sim.url);
    await answer(page, "Token for", ui().token);
    await answer(page, "Legacy App ID", "");
    await treeRow(pane, displayOrder(sim.pats as SimPat[])[0] as string).waitFor({
      state: "visible",
      timeout: 60_000,
    });
  });

  it("Refresh to the 1,000th token's row rendered", async () => {
    const { sim } = ui();
    sim.generate(1000, { seed: 12, ...shape }); // new names, so the rows seen are the refreshed ones
    const order = displayOrder(sim.pats as SimPat[]);
    const started = Date.now();
    await titleAction(page, "Refresh PATs").click();
    const first = treeRow(pane, order[0] as string);
    await first.waitFor({ state: "visible", timeout: 60_000 });
    // Focus the tree (without expanding anything) and jump to its end, as a keyboard user would.
    await pane.locator(".monaco-list").first().focus();
    await page.keyboard.press("End");
    await treeRow(pane, order[999] as string).waitFor({ state: "visible", timeout: 60_000 });
    const elapsed = Date.now() - started;
    console.log(`      Refresh -> 1,000th row rendered: ${elapsed} ms`);
    assert.equal(order.length, 1000);
  });

  it("clicking a token to its assignments showing", async () => {
    // Back to the top of the list, and let the view settle before the clock starts: a click right
    // after scrolling the virtual list was seen to land on a row about to be replaced.
    await pane.locator(".monaco-list").first().focus();
    await page.keyboard.press("Home");
    const target = pane.locator(".monaco-list-row[aria-level='1'][aria-posinset='1']");
    await target.waitFor({ state: "visible" });
    await page.waitForTimeout(1000);
    const name = (await target.locator(".label-name").textContent()) ?? "";
    const pat = (ui().sim.pats as (SimPat & { permissionAssignments: unknown[] })[]).find(
      (p) => p.name === name,
    );
    assert.ok(pat, `${name} is one of the simulator's tokens`);
    const started = Date.now();
    await target.locator(".monaco-tl-twistie").click();
    const assignments = pane.locator(".monaco-list-row[aria-level='2']");
    await assignments.first().waitFor({ state: "visible", timeout: 30_000 });
    const elapsed = Date.now() - started;
    console.log(`      click a token -> its assignments shown: ${elapsed} ms`);
    assert.equal(await assignments.count(), pat.permissionAssignments.length);
  });
});

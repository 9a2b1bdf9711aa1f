// What a person does in the workbench, as Playwright steps: open the Dfns view, run a command from
// the palette, answer quick picks and input boxes, find rows of the tree.
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { artifactsDir } from "../harness/paths";

const quickInput = (page: Page) => page.locator(".quick-input-widget");

export async function openDfnsView(page: Page): Promise<Locator> {
  await page.locator(".part.activitybar").getByRole("tab", { name: /^Dfns/ }).click();
  const pane = page.locator(".pane", {
    has: page.locator(".pane-header", { hasText: "Personal Access Tokens" }),
  });
  await pane.waitFor({ state: "visible", timeout: 20_000 });
  return pane;
}

/** F1, type the command's title, Enter: the way most people run a command. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = quickInput(page).locator("input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await quickInput(page)
    .locator(".monaco-list-row", { hasText: title })
    .first()
    .waitFor({ state: "visible" });
  await input.press("Enter");
}

/** Waits for a quick-pick row containing `text` and chooses it. */
export async function pick(page: Page, text: string | RegExp): Promise<void> {
  const row = quickInput(page).locator(".monaco-list-row", { hasText: text }).first();
  await row.waitFor({ state: "visible", timeout: 20_000 });
  await row.click();
}

/**
 * Types into the input box titled `title` and presses Enter. Waiting for the title matters: the
 * widget is reused from step to step, so without it the text could land in the previous step.
 */
export async function answer(
  page: Page,
  title: string | RegExp,
  text: string,
  timeout?: number,
): Promise<void> {
  const wait = timeout === undefined ? {} : { timeout };
  await quickInput(page)
    .locator(".quick-input-title", { hasText: title })
    .waitFor({ state: "visible", ...wait });
  const input = quickInput(page).locator("input");
  await input.fill(text, wait);
  await input.press("Enter");
}

/** A row of the Dfns tree, found by the start of its accessible label ("name, description"). */
export function treeRow(pane: Locator, label: string): Locator {
  return pane.locator(".monaco-list-row[role='treeitem']", {
    has: pane.page().locator(".label-name", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
  });
}

export function treeRows(pane: Locator): Locator {
  return pane.locator(".monaco-list-row[role='treeitem']");
}

export async function rowLabels(pane: Locator): Promise<string[]> {
  return pane.locator(".monaco-list-row[role='treeitem'] .label-name").allInnerTexts();
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator(".notifications-toasts .notification-toast", { hasText: text });
}

/** Waits until the clipboard holds `expected` (the extension writes it asynchronously); returns what it holds. */
export async function clipboardBecomes(page: Page, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A string, because this code runs in the page, where `navigator` lives.
    const text = await page.evaluate<string>("navigator.clipboard.readText()");
    if (text === expected || Date.now() > deadline) return text;
    await page.waitForTimeout(100);
  }
}

/** A button of the view's title bar (the container's title when the view is alone in it). */
export function titleAction(page: Page, name: string): Locator {
  return page.locator(".part.sidebar").getByRole("button", { name });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Drags the sidebar's edge to the right, so that ids are not cut off in a picture. */
export async function widenSidebar(page: Page, by = 220): Promise<void> {
  const sidebar = await page.locator(".part.sidebar").boundingBox();
  if (!sidebar) return;
  const edge = sidebar.x + sidebar.width + 1;
  await page.mouse.move(edge, 400);
  await page.mouse.down();
  await page.mouse.move(edge + by, 400, { steps: 5 });
  await page.mouse.up();
}

/** Hovers a row near its right end, so that its tooltip opens beside the tree rather than over it. */
export async function hoverNearEnd(row: Locator): Promise<void> {
  const box = await row.boundingBox();
  await row.hover({ position: { x: (box?.width ?? 300) - 60, y: (box?.height ?? 22) / 2 } });
}

/**
 * A README picture: the sidebar widened, no editor behind it, and `row`'s tooltip (once it shows
 * `tooltipText`) beside the tree; saved as artifacts/screenshots/<name>.png.
 */
export async function pictureWithTooltip(
  page: Page,
  row: Locator,
  tooltipText: string,
  name: string,
  height: number,
): Promise<void> {
  await runCommand(page, "View: Close All Editors");
  await widenSidebar(page);
  await hoverNearEnd(row);
  await page
    .locator(".monaco-hover", { hasText: tooltipText })
    .waitFor({ state: "visible", timeout: 10_000 });
  await page.screenshot({
    path: path.join(artifactsDir, "screenshots", `${name}.png`),
    clip: { x: 0, y: 0, width: 1100, height },
  });
  await page.mouse.move(700, 700);
}

// What a UI test gets: a workbench page of a fresh VS Code server with dist/dfns-pat-explorer.vsix
// installed as a user would install it, and the Dfns simulator. run-ui-tests.ts builds it once per
// run; tests call ui() inside their hooks and tests.
import type { Page } from "playwright-core";
import type { DfnsSimulator } from "../../sim/simulator";
import type { WorkbenchPage } from "./browser";
import type { VsCodeServer } from "./server";

export interface UiFixture {
  /** The current workbench page (replaced by reload()). */
  readonly page: Page;
  readonly workbench: WorkbenchPage;
  readonly server: VsCodeServer;
  /** Runs in this process: steer it directly (faults, PAT lists, recorded requests). */
  readonly sim: DfnsSimulator;
  /** A token the simulator accepts. */
  readonly token: string;
  /**
   * Closes the page and opens the workbench again in a new browser context (empty browser storage,
   * so no secrets or UI state carry over), waiting until its shell has rendered.
   */
  reload(): Promise<Page>;
}

let current: UiFixture | undefined;

export function setUiFixture(fixture: UiFixture | undefined): void {
  current = fixture;
}

export function ui(): UiFixture {
  if (!current) throw new Error("no UI fixture: run UI tests with out/test/vscode/harness/run-ui-tests.js");
  return current;
}

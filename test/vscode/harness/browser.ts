// Headless Chromium driven by playwright-core: opens the workbench, keeps the page's console for the
// artifacts, and catches the smoke-test driver's `codeAutomationExit(code)` call, which is how a
// built VS Code says that an extensionTests module's run() finished.
import * as fs from "node:fs";
import * as path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { onCleanup } from "./cleanup";
import type { Installation } from "./install";
import { artifactsDir } from "./paths";

/** Without the background-networking flags Chromium floods this closed network with connections. */
const CHROMIUM_ARGS = [
  "--no-sandbox", // we run as root on CI
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
];

export interface WorkbenchPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every console message of the page so far (the workbench forwards extension host logs too). */
  readonly consoleLines: string[];
  /** Resolves with the code the workbench passed to codeAutomationExit. */
  readonly exitCode: Promise<number>;
  /** Saves the console (always) and a screenshot to artifacts/<name>.{console.log,png}. */
  saveArtifacts(name: string, screenshot: boolean): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchBrowser(inst: Installation): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: inst.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    // Playwright's own handlers exit on Ctrl-C before our cleanup has stopped the VS Code server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup("browser", () => browser.close());
  return browser;
}

/** A fresh context (its own storage, so no state leaks from a previous page), with the exit hook set. */
export async function openWorkbench(browser: Browser, url: string): Promise<WorkbenchPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"], // lets UI tests assert on copies
  });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on("console", (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on("pageerror", (err) => consoleLines.push(`[pageerror] ${err.stack ?? err.message}`));

  let onExit: (code: number) => void = () => {};
  const exitCode = new Promise<number>((resolve) => {
    onExit = resolve;
  });
  // Both before goto: the workbench may call codeAutomationExit before any later script could run.
  await page.exposeFunction("__dfnsHarnessExit", (code: number) => onExit(Number(code)));
  await page.addInitScript(() => {
    const w = globalThis as unknown as Record<string, unknown>; // the page's window
    w.codeAutomationExit = (code: number) => (w.__dfnsHarnessExit as (c: number) => void)(code);
  });
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });

  return {
    browser,
    context,
    page,
    consoleLines,
    exitCode,
    async saveArtifacts(name, screenshot) {
      fs.mkdirSync(artifactsDir, { recursive: true });
      const saved = [path.join(artifactsDir, `${name}.console.log`)];
      fs.writeFileSync(saved[0] as string, `${consoleLines.join("\n")}\n`);
      if (screenshot) {
        const png = path.join(artifactsDir, `${name}.png`);
        try {
          await page.screenshot({ path: png, timeout: 10_000 });
          saved.push(png);
        } catch (err) {
          console.error(`screenshot failed: ${(err as Error).message}`);
        }
      }
      return saved;
    },
    close: () => context.close(),
  };
}

/** Waits until the workbench has rendered its shell (activity bar, status bar), or throws. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(".monaco-workbench .part.activitybar").waitFor({ state: "visible", timeout: timeoutMs });
  await page.locator(".monaco-workbench .part.statusbar").waitFor({ state: "visible", timeout: timeoutMs });
}

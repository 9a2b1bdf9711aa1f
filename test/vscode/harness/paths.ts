// Where things live. Compiled files sit in out/test/vscode/harness, so the repo root is four levels up.
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..", "..", "..");
/** Ignored cache of Node 24, code-server and Chromium: only the first run pays for the install. */
export const cacheDir = path.join(repoRoot, ".vscode-test");
/** Ignored: logs, results files, screenshots. CI keeps nothing else after a failure. */
export const artifactsDir = path.join(repoRoot, "artifacts");
export const outTestDir = path.join(repoRoot, "out", "test");
export const vsixPath = path.join(repoRoot, "dist", "dfns-pat-explorer.vsix");
export const extensionBundle = path.join(repoRoot, "dist", "extension.js");
/** The extension's id as VS Code knows it: `${publisher}.${name}` from package.json. */
export const extensionId = "dfns-pat-explorer.dfns-pat-explorer";

/** Results files, one per suite, in mocha's JSON reporter format; run-tests.ts reads them. */
export const resultsFile = (suite: "unit" | "host" | "ui" | "electron") =>
  path.join(artifactsDir, `${suite}-results.json`);

/** A file name made safe from a test title. */
export function slug(text: string): string {
  return text
    .replace(/[^a-zA-Z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

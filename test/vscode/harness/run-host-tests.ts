// The in-editor suite: test/vscode/host/**/*.test.ts run by mocha inside a real VS Code 1.139
// extension host, with this repo as the development extension and a Dfns simulator beside it.
// A first, short window runs test/vscode/activation, where a palette command is the first thing
// the extension meets; the main window's suite starts by opening the view.
// Usage: node out/test/vscode/harness/run-host-tests.js   (DFNS_TEST_GREP=<regexp> to filter)
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, openWorkbench, type WorkbenchPage } from "./browser";
import { activationResultsFile, ENV } from "./env";
import { ensureInstalled } from "./install";
import { extensionBundle, outTestDir, repoRoot } from "./paths";
import { failureResults, mergeResults, type Results, readResults, withFailure } from "./results";
import { startServer, type VsCodeServer } from "./server";
import { startSimulator } from "./simulator";
import { runAsProgram } from "./suiteMain";

const SUITE = "in-host";
/** The whole suite, workbench start included; a hung test must not hold CI until its limit. */
const TIMEOUT_MS = Number(process.env.DFNS_HOST_TIMEOUT_MS ?? 10 * 60_000);
const ACTIVATION_TIMEOUT_MS = 2 * 60_000;
const testsIndex = path.join(outTestDir, "vscode", "host", "index.js");
const activationIndex = path.join(outTestDir, "vscode", "activation", "index.js");

interface WindowRun {
  readonly workbench: WorkbenchPage;
  readonly code: number | "timeout";
  readonly seconds: number;
}

/** Opens a window whose extension host runs `index`, and waits for it to call codeAutomationExit. */
async function runWindow(
  browser: Browser,
  server: VsCodeServer,
  index: string,
  timeoutMs: number,
): Promise<WindowRun> {
  const started = Date.now();
  const workbench = await openWorkbench(
    browser,
    server.workbenchUrl([
      ["extensionDevelopmentPath", server.remoteUri(repoRoot)],
      ["extensionTestsPath", server.remoteUri(index)],
      ["skipWelcome", "true"],
    ]),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const code = await Promise.race([workbench.exitCode, timedOut]);
  clearTimeout(timer);
  return { workbench, code, seconds: Math.round((Date.now() - started) / 1000) };
}

/** What a window's run left in `file`, with whatever went wrong around it as failures. */
function resultsOf(run: WindowRun, file: string, title: string, timeoutMs: number): Results {
  const results = readResults(file);
  if (run.code === "timeout") return withFailure(results, title, `no result within ${timeoutMs / 1000} s`);
  if (!results)
    return failureResults(title, `run() ended with code ${run.code} but wrote no results to ${file}`);
  if (run.code !== 0 && results.failures.length === 0) {
    return withFailure(results, title, `run() rejected (code ${run.code}) although no test failed`);
  }
  return results;
}

async function runHostSuite(output: string): Promise<Results> {
  for (const [file, hint] of [
    [extensionBundle, "npm run build"],
    [testsIndex, "npm run compile"],
    [activationIndex, "npm run compile"],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${hint}\` first`);
  }
  const inst = await ensureInstalled();
  const simulator = await startSimulator();
  const env: Record<string, string> = { ...simulator.env, [ENV.results]: output };
  const grep = process.env[ENV.grep];
  if (grep) env[ENV.grep] = grep;
  const server = await startServer(inst, { name: "host", env });
  console.log(`[host] VS Code server on ${server.url}, simulator on ${simulator.sim.url}`);
  const browser = await launchBrowser(inst);

  const firstFile = activationResultsFile(output);
  const first = await runWindow(browser, server, activationIndex, ACTIVATION_TIMEOUT_MS);
  console.log(`[host] activation window finished with ${first.code} after ${first.seconds} s`);
  const firstResults = resultsOf(first, firstFile, "activation by command", ACTIVATION_TIMEOUT_MS);
  await first.workbench.saveArtifacts("host-activation-browser", firstResults.failures.length > 0);
  // Closed before the next window opens: its extension host must not answer the main suite's commands.
  await first.workbench.close();

  const main = await runWindow(browser, server, testsIndex, TIMEOUT_MS);
  console.log(`[host] run() finished with ${main.code} after ${main.seconds} s`);
  const results = mergeResults(firstResults, resultsOf(main, output, `${SUITE} suite`, TIMEOUT_MS));
  const failed = results.failures.length > 0;
  const saved = await main.workbench.saveArtifacts("host-browser", failed);
  if (failed) console.log(`[host] saved ${saved.map((f) => path.relative(repoRoot, f)).join(", ")}`);
  return results;
}

runAsProgram(module, "host", SUITE, runHostSuite, true);

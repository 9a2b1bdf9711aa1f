// The UI suite: test/vscode/ui/*.test.ts run by mocha in this Node process, driving the workbench
// through Playwright as a person would, against the packaged .vsix installed into a fresh server.
// Usage: node out/test/vscode/harness/run-ui-tests.js   (DFNS_TEST_GREP=<regexp> to filter)
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { launchBrowser, openWorkbench, type WorkbenchPage, waitForWorkbench } from "./browser";
import { cleanupAll, installSignalHandlers, onCleanup, tempDir } from "./cleanup";
import { ENV } from "./env";
import { ensureInstalled } from "./install";
import { artifactsDir, outTestDir, repoRoot, resultsFile, slug, vsixPath } from "./paths";
import SpecAndJson from "./reporter";
import {
  failureResults,
  printResults,
  type Results,
  readResults,
  withFailure,
  writeResults,
} from "./results";
import { startServer } from "./server";
import { startSimulator } from "./simulator";
import { setUiFixture, ui } from "./ui-fixture";

const SUITE = "ui";
const uiDir = path.join(outTestDir, "vscode", "ui");

async function runUiSuite(output: string): Promise<Results> {
  const files = fs.existsSync(uiDir)
    ? fs
        .readdirSync(uiDir)
        .filter((f) => f.endsWith(".test.js"))
        .sort()
    : [];
  if (files.length === 0) throw new Error(`no compiled UI tests in ${uiDir}: run \`npm run compile\` first`);
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);

  const inst = await ensureInstalled();
  const simulator = await startSimulator();
  const server = await startServer(inst, { name: "ui", env: simulator.env, vsix: [vsixPath] });
  console.log(
    `[ui] VS Code server on ${server.url} with ${path.basename(vsixPath)}, simulator on ${simulator.sim.url}`,
  );
  const browser = await launchBrowser(inst);

  let workbench: WorkbenchPage | undefined;
  const reload = async () => {
    await workbench?.close();
    workbench = await openWorkbench(browser, server.workbenchUrl());
    await waitForWorkbench(workbench.page);
    return workbench.page;
  };
  onCleanup("UI workbench page", () => workbench?.close());
  await reload();
  setUiFixture({
    get page() {
      return (workbench as WorkbenchPage).page;
    },
    get workbench() {
      return workbench as WorkbenchPage;
    },
    server,
    sim: simulator.sim,
    token: simulator.token,
    reload,
  });

  const mocha = new Mocha({
    ui: "bdd",
    color: Boolean(process.stdout.isTTY),
    timeout: 60_000, // a click may wait on the extension host and the simulator
    reporter: SpecAndJson,
    reporterOptions: { output },
    rootHooks: { afterEach: screenshotOnFailure },
  });
  const grep = process.env[ENV.grep];
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(path.join(uiDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  setUiFixture(undefined);

  const results = readResults(output);
  if (!results)
    return failureResults(`${SUITE} suite`, `mocha reported ${failures} failure(s) but wrote no results`);
  if (failures > 0) await workbench?.saveArtifacts("ui-browser", true); // also covers failed hooks
  return results;
}

/** Root afterEach: a failing test leaves a picture of what the user would have seen. */
async function screenshotOnFailure(this: Mocha.Context): Promise<void> {
  const test = this.currentTest;
  if (test?.state !== "failed") return;
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `ui-${slug(test.fullTitle())}.png`);
  try {
    await ui().page.screenshot({ path: file, timeout: 10_000 });
    console.log(`      screenshot: ${path.relative(repoRoot, file)}`);
  } catch (err) {
    console.log(`      no screenshot: ${(err as Error).message}`);
  }
}

async function main(): Promise<number> {
  installSignalHandlers();
  const output = resultsFile("ui");
  // mocha writes into a folder of this run's own and artifacts/ gets the final results at the end:
  // another run at the same time (a developer's beside npm test) races only on that last copy.
  const scratch = path.join(tempDir("dfns-results-").path, "results.json");
  let results: Results;
  try {
    results = await runUiSuite(scratch);
  } catch (err) {
    console.error(`[ui] could not run the suite: ${(err as Error).message}`);
    results = withFailure(readResults(scratch), `${SUITE} harness`, (err as Error).message);
  } finally {
    await cleanupAll();
  }
  writeResults(output, results);
  const summary = printResults(SUITE, results, false); // the spec reporter already listed each test
  return summary.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}

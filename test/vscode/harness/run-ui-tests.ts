// The UI suite: test/vscode/ui/*.test.ts run by mocha in this Node process, driving the workbench
// through Playwright as a person would, against the packaged .vsix installed into a fresh server.
// Usage: node out/test/vscode/harness/run-ui-tests.js   (DFNS_TEST_GREP=<regexp> to filter)
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { launchBrowser, openWorkbench, type WorkbenchPage, waitForWorkbench } from "./browser";
import { onCleanup } from "./cleanup";
import { ENV } from "./env";
import { ensureInstalled } from "./install";
import { artifactsDir, outTestDir, repoRoot, slug, vsixPath } from "./paths";
import SpecAndJson from "./reporter";
import { failureResults, type Results, readResults } from "./results";
import { startServer } from "./server";
import { startSimulator } from "./simulator";
import { runAsProgram } from "./suiteMain";
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

// the spec reporter already lists each test
runAsProgram(module, "ui", SUITE, runUiSuite, false);

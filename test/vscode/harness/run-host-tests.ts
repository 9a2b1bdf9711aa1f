// The in-editor suite: test/vscode/host/**/*.test.ts run by mocha inside a real VS Code 1.139
// extension host, with this repo as the development extension and a Dfns simulator beside it.
// Usage: node out/test/vscode/harness/run-host-tests.js   (DFNS_TEST_GREP=<regexp> to filter)
import * as fs from "node:fs";
import * as path from "node:path";
import { launchBrowser, openWorkbench } from "./browser";
import { ENV } from "./env";
import { ensureInstalled } from "./install";
import { extensionBundle, outTestDir, repoRoot } from "./paths";
import { failureResults, type Results, readResults, withFailure } from "./results";
import { startServer } from "./server";
import { startSimulator } from "./simulator";
import { runAsProgram } from "./suiteMain";

const SUITE = "in-host";
/** The whole suite, workbench start included; a hung test must not hold CI until its limit. */
const TIMEOUT_MS = Number(process.env.DFNS_HOST_TIMEOUT_MS ?? 10 * 60_000);
const testsIndex = path.join(outTestDir, "vscode", "host", "index.js");

async function runHostSuite(output: string): Promise<Results> {
  for (const [file, hint] of [
    [extensionBundle, "npm run build"],
    [testsIndex, "npm run compile"],
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
  const started = Date.now();
  const workbench = await openWorkbench(
    browser,
    server.workbenchUrl([
      ["extensionDevelopmentPath", server.remoteUri(repoRoot)],
      ["extensionTestsPath", server.remoteUri(testsIndex)],
      ["skipWelcome", "true"],
    ]),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS);
  });
  const code = await Promise.race([workbench.exitCode, timedOut]);
  clearTimeout(timer);
  console.log(`[host] run() finished with ${code} after ${Math.round((Date.now() - started) / 1000)} s`);

  let results = readResults(output);
  if (code === "timeout") {
    results = withFailure(results, `${SUITE} suite`, `no result within ${TIMEOUT_MS / 1000} s`);
  } else if (!results) {
    results = failureResults(
      `${SUITE} suite`,
      `run() ended with code ${code} but wrote no results to ${output}`,
    );
  } else if (code !== 0 && results.failures.length === 0) {
    results = withFailure(results, `${SUITE} suite`, `run() rejected (code ${code}) although no test failed`);
  }
  const failed = results.failures.length > 0;
  const saved = await workbench.saveArtifacts("host-browser", failed);
  if (failed) console.log(`[host] saved ${saved.map((f) => path.relative(repoRoot, f)).join(", ")}`);
  return results;
}

runAsProgram(module, "host", SUITE, runHostSuite, true);

// The in-editor suite: test/vscode/host/**/*.test.ts run by mocha inside a real VS Code 1.139
// extension host, with this repo as the development extension and a Dfns simulator beside it.
// Usage: node out/test/vscode/harness/run-host-tests.js   (DFNS_TEST_GREP=<regexp> to filter)
import * as fs from "node:fs";
import * as path from "node:path";
import { launchBrowser, openWorkbench } from "./browser";
import { cleanupAll, installSignalHandlers, tempDir } from "./cleanup";
import { ENV } from "./env";
import { ensureInstalled } from "./install";
import { extensionBundle, outTestDir, repoRoot, resultsFile } from "./paths";
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

async function main(): Promise<number> {
  installSignalHandlers();
  const output = resultsFile("host");
  // mocha writes into a folder of this run's own and artifacts/ gets the final results at the end:
  // another run at the same time (a developer's beside npm test) races only on that last copy.
  const scratch = path.join(tempDir("dfns-results-").path, "results.json");
  let results: Results;
  try {
    results = await runHostSuite(scratch);
  } catch (err) {
    console.error(`[host] could not run the suite: ${(err as Error).message}`);
    results = failureResults(`${SUITE} harness`, (err as Error).message);
  } finally {
    await cleanupAll();
  }
  writeResults(output, results);
  const summary = printResults(SUITE, results, true);
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

// The same in-host suite in a desktop VS Code (Electron), where one exists: @vscode/test-electron
// cannot download VS Code on these machines, so this runner is for developers, not CI.
// Usage: VSCODE_EXECUTABLE_PATH=/path/to/code node out/test/vscode/harness/run-electron-tests.js
import * as fs from "node:fs";
import * as path from "node:path";
import { downloadAndUnzipVSCode, runTests } from "@vscode/test-electron";
import { cleanupAll, installSignalHandlers, tempDir } from "./cleanup";
import { ENV } from "./env";
import { extensionBundle, outTestDir, repoRoot, resultsFile } from "./paths";
import {
  failureResults,
  printResults,
  type Results,
  readResults,
  withFailure,
  writeResults,
} from "./results";
import { startSimulator } from "./simulator";

const SUITE = "electron";
const VSCODE_VERSION = "1.139.1";

async function runElectronSuite(output: string): Promise<Results> {
  if (!fs.existsSync(extensionBundle))
    throw new Error(`${extensionBundle} is missing: run \`npm run build\``);
  const simulator = await startSimulator();
  const userData = tempDir("dfns-electron-").path;
  const extensionTestsEnv: Record<string, string> = { ...simulator.env, [ENV.results]: output };
  const grep = process.env[ENV.grep];
  if (grep) extensionTestsEnv[ENV.grep] = grep;

  let failure: string | undefined;
  try {
    await runTests({
      vscodeExecutablePath:
        process.env.VSCODE_EXECUTABLE_PATH ?? (await downloadAndUnzipVSCode(VSCODE_VERSION)),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(outTestDir, "vscode", "host", "index.js"),
      extensionTestsEnv,
      // --password-store=basic: SecretStorage works without a keyring.
      launchArgs: ["--disable-extensions", "--password-store=basic", `--user-data-dir=${userData}`],
    });
  } catch (err) {
    failure = (err as Error).message; // a rejected run() lands here too; the results file says which tests
  }
  const results = readResults(output);
  if (!results) return failureResults(`${SUITE} suite`, failure ?? `no results written to ${output}`);
  if (failure && results.failures.length === 0) return withFailure(results, `${SUITE} suite`, failure);
  return results;
}

async function main(): Promise<number> {
  installSignalHandlers();
  const output = resultsFile("electron");
  // mocha writes into a folder of this run's own and artifacts/ gets the final results at the end:
  // another run at the same time (a developer's beside npm test) races only on that last copy.
  const scratch = path.join(tempDir("dfns-results-").path, "results.json");
  let results: Results;
  try {
    results = await runElectronSuite(scratch);
  } catch (err) {
    console.error(`[electron] could not run the suite: ${(err as Error).message}`);
    results = failureResults(`${SUITE} harness`, (err as Error).message);
  } finally {
    await cleanupAll();
  }
  writeResults(output, results);
  return printResults(SUITE, results, true).failed > 0 ? 1 : 0;
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

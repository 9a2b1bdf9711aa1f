// The same in-host suite in a desktop VS Code (Electron), where one exists: @vscode/test-electron
// cannot download VS Code on these machines, so this runner is for developers, not CI.
// Usage: VSCODE_EXECUTABLE_PATH=/path/to/code node out/test/vscode/harness/run-electron-tests.js
import * as fs from "node:fs";
import * as path from "node:path";
import { downloadAndUnzipVSCode, runTests } from "@vscode/test-electron";
import { tempDir } from "./cleanup";
import { ENV } from "./env";
import { extensionBundle, outTestDir, repoRoot } from "./paths";
import { failureResults, type Results, readResults, withFailure } from "./results";
import { startSimulator } from "./simulator";
import { runAsProgram } from "./suiteMain";

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

runAsProgram(module, "electron", SUITE, runElectronSuite, true);

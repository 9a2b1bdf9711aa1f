// The extensionTests module: VS Code calls run() inside the real extension host (Node 24, with the
// `vscode` API) once the development extension is loaded. Its promise decides codeAutomationExit's
// code; the per-test results go to the JSON file named by DFNS_TEST_RESULTS, which the runner reads.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { ENV } from "../harness/env";
import SpecAndJson from "../harness/reporter";
import { failureResults, writeResults } from "../harness/results";

export function run(): Promise<void> {
  const output = process.env[ENV.results];
  if (!output) throw new Error(`${ENV.results} is not set: start these tests with a harness runner`);
  return runTestsIn(__dirname, output, "in-host suite");
}

/** Runs every *.test.js under `dir` with mocha; rejects when one failed, after writing `output`. */
export async function runTestsIn(dir: string, output: string, title: string): Promise<void> {
  try {
    const failures = await runMocha(dir, output);
    if (failures > 0) throw new Error(`${failures} in-host test(s) failed`);
  } catch (err) {
    // A file that throws on load never reaches the reporter: record why, or the runner sees nothing.
    if (!fs.existsSync(output)) writeResults(output, failureResults(title, String((err as Error).stack)));
    throw err;
  }
}

function runMocha(dir: string, output: string): Promise<number> {
  const mocha = new Mocha({
    ui: "bdd",
    color: false,
    timeout: 30_000, // the first call into a freshly started workbench can take seconds
    reporter: SpecAndJson,
    reporterOptions: { output },
  });
  const grep = process.env[ENV.grep];
  if (grep) mocha.grep(grep);
  for (const file of testFiles(dir)) mocha.addFile(file);
  return new Promise((resolve) => mocha.run(resolve));
}

/** Every compiled *.test.js under this folder, sorted so the order is the same on every machine. */
function testFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".test.js"))
    .map((f) => path.join(dir, f))
    .sort();
}

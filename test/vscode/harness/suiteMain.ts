// What every runner does around its suite: clean up on Ctrl+C, let mocha write into a scratch file,
// turn a harness failure into a failed result rather than a crash, always clean up, publish the
// results file and print the summary, and exit non-zero when anything failed.
import * as path from "node:path";
import { cleanupAll, installSignalHandlers, tempDir } from "./cleanup";
import { resultsFile } from "./paths";
import { printResults, type Results, readResults, withFailure, writeResults } from "./results";

type Suite = Parameters<typeof resultsFile>[0];

/** `file`: which results file; `label`: how the summary names the suite. */
export async function runSuite(
  file: Suite,
  label: string,
  run: (output: string) => Promise<Results>,
  listEachTest: boolean,
): Promise<number> {
  installSignalHandlers();
  // mocha writes into a folder of this run's own and artifacts/ gets the final results at the end:
  // another run at the same time (a developer's beside npm test) races only on that last copy.
  const scratch = path.join(tempDir("dfns-results-").path, "results.json");
  let results: Results;
  try {
    results = await run(scratch);
  } catch (err) {
    console.error(`[${file}] could not run the suite: ${(err as Error).message}`);
    results = withFailure(readResults(scratch), `${label} harness`, (err as Error).message);
  } finally {
    await cleanupAll();
  }
  writeResults(resultsFile(file), results);
  return printResults(label, results, listEachTest).failed > 0 ? 1 : 0;
}

/** Runs a runner's suite when its file is the program, and exits with the suite's verdict. */
export function runAsProgram(
  module: NodeModule,
  file: Suite,
  label: string,
  run: (output: string) => Promise<Results>,
  listEachTest: boolean,
): void {
  if (require.main !== module) return;
  runSuite(file, label, run, listEachTest).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}

// The extensionTests module of a window opened before the in-host suite's: in a fresh extension
// host, the first thing to happen is a command from the palette, not the view (host/ covers that).
// Its results go beside the in-host suite's (activationResultsFile), and the runner merges them.
import { activationResultsFile, ENV } from "../harness/env";
import { runTestsIn } from "../host/index";

export function run(): Promise<void> {
  const output = process.env[ENV.results];
  if (!output) throw new Error(`${ENV.results} is not set: start these tests with a harness runner`);
  return runTestsIn(__dirname, activationResultsFile(output), "activation by command");
}

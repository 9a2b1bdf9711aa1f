// The contract between a runner and the tests it starts in another process (the extension host,
// which inherits the VS Code server's environment, or the Electron test instance).
export const ENV = {
  /** Where the in-host mocha writes its JSON results. */
  results: "DFNS_TEST_RESULTS",
  /** Optional mocha grep, passed through from the runner's own environment. */
  grep: "DFNS_TEST_GREP",
  /** Root URL of the Dfns simulator started by the runner, e.g. http://127.0.0.1:41234. */
  simUrl: "DFNS_SIM_URL",
  /** A valid PAT-style token issued by that simulator. */
  simToken: "DFNS_SIM_TOKEN",
  /** The server's temp folder (user data, server data with its logs, extensions, workspace), for
   * tests that search everything VS Code and the extension wrote to disk. */
  stateDir: "DFNS_TEST_STATE_DIR",
} as const;

/** Where the window run before the in-host suite (test/vscode/activation) writes its results. */
export function activationResultsFile(results: string): string {
  return results.replace(/(\.json)?$/, ".activation.json");
}

// mocha's spec reporter for people, plus its JSON reporter for the runners, on the same run.
// Use as `--reporter out/test/vscode/harness/reporter.js --reporter-option output=<file>`, or pass
// the class to `new Mocha({ reporter })`. The file may also come from the DFNS_TEST_RESULTS variable.
import Mocha from "mocha";
import { ENV } from "./env";

/** mocha hands reporters `reporterOption` (the CLI's --reporter-option); older code says `reporterOptions`. */
type ReporterOptions = Mocha.MochaOptions & {
  reporterOption?: { output?: string };
  reporterOptions?: { output?: string };
};

export default class SpecAndJson extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: ReporterOptions = {}) {
    super(runner, options);
    const output =
      options.reporterOption?.output ?? options.reporterOptions?.output ?? process.env[ENV.results];
    if (!output) throw new Error(`reporter: no output file (reporter option "output" or ${ENV.results})`);
    // The JSON reporter writes the file on the run's end event, which fires before mocha.run's callback.
    new Mocha.reporters.JSON(runner, { ...options, reporterOption: { output } } as Mocha.MochaOptions);
  }
}

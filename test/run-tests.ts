// `npm test`: the unit, in-host and UI suites in order, each in a child process that leaves a results
// file (mocha's JSON format) behind. Counts come from those files, never from exit codes; a suite
// that leaves none counts as one failure, with the reason. The last line is `N passed, N failed`.
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, resultsFile } from "./vscode/harness/paths";
import {
  failureResults,
  printResults,
  readResults,
  type SuiteSummary,
  summarize,
} from "./vscode/harness/results";

interface Suite {
  name: string;
  results: string;
  args: string[];
  /** Kill the suite after this long, so a hang still ends in a summary (CI stops at 90 min). */
  timeoutMs: number;
}

const harness = (file: string) => path.join(repoRoot, "out", "test", "vscode", "harness", file);
const unitResults = resultsFile("unit");

const suites: Suite[] = [
  {
    name: "unit",
    results: unitResults,
    args: [
      path.join(repoRoot, "node_modules", "mocha", "bin", "mocha.js"),
      "--recursive",
      "out/test/unit/**/*.test.js",
      "--reporter",
      harness("reporter.js"),
      "--reporter-option",
      `output=${unitResults}`,
    ],
    timeoutMs: 10 * 60_000,
  },
  {
    name: "in-host",
    results: resultsFile("host"),
    args: [harness("run-host-tests.js")],
    timeoutMs: 25 * 60_000,
  },
  { name: "ui", results: resultsFile("ui"), args: [harness("run-ui-tests.js")], timeoutMs: 25 * 60_000 },
];

let current: ChildProcess | undefined;
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill("SIGTERM"); // the suite's runner cleans up its servers and browser on it
  });
}

/** Runs one suite, echoing its output and keeping the tail in case it must explain a crash. */
function runSuite(suite: Suite): Promise<string> {
  return new Promise((resolve) => {
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail.push(...chunk.toString().split("\n"));
      tail.splice(0, Math.max(0, tail.length - 15));
    };
    // Piped, so colours only when we ourselves write to a terminal (CI=true alone turns them on).
    const env = process.stdout.isTTY ? process.env : { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };
    const child = spawn(process.execPath, suite.args, {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    current = child;
    child.stdout?.on("data", (d: Buffer) => {
      process.stdout.write(d);
      keep(d);
    });
    child.stderr?.on("data", (d: Buffer) => {
      process.stderr.write(d);
      keep(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
    }, suite.timeoutMs);
    child.on("error", (err) => keep(Buffer.from(String(err))));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      const why = timedOut ? `killed after ${suite.timeoutMs / 60_000} min` : `exited with ${signal ?? code}`;
      resolve(`${why}; last output:\n${tail.join("\n").trim()}`);
    });
  });
}

async function main(): Promise<number> {
  const summaries: SuiteSummary[] = [];
  for (const suite of suites) {
    console.log(`\n===== ${suite.name} tests =====\n`);
    fs.rmSync(suite.results, { force: true }); // a stale file from an earlier run must not count
    const ending = interrupted ? "not run: interrupted" : await runSuite(suite);
    const results = readResults(suite.results);
    // The suites printed their own tests and counts; one that left no results needs its reason shown.
    summaries.push(
      results
        ? summarize(suite.name, results)
        : printResults(suite.name, failureResults(`${suite.name} suite`, `no results: ${ending}`), true),
    );
  }

  console.log("\n===== summary =====");
  for (const s of summaries)
    console.log(`${s.suite}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  const passed = summaries.reduce((n, s) => n + s.passed, 0);
  const failed = summaries.reduce((n, s) => n + s.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || interrupted ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);

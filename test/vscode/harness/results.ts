// Results travel as files in mocha's JSON reporter format, never as exit codes: the VS Code server
// says "exited with code 0" whatever happened, and a crashed runner says nothing at all.
import * as fs from "node:fs";
import * as path from "node:path";

export interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  duration?: number;
  err: { message?: string; stack?: string };
}

export interface Results {
  stats: { tests: number; passes: number; failures: number; pending: number; duration?: number };
  tests: TestRecord[];
  passes: TestRecord[];
  failures: TestRecord[];
  pending: TestRecord[];
}

export interface SuiteSummary {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

export function readResults(file: string): Results | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as Results;
    return Array.isArray(data.passes) && Array.isArray(data.failures) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** A results file holding one failure: what a suite that could not run reports. */
export function failureResults(title: string, message: string): Results {
  const failure: TestRecord = { title, fullTitle: title, err: { message } };
  return {
    stats: { tests: 1, passes: 0, failures: 1, pending: 0 },
    tests: [failure],
    passes: [],
    failures: [failure],
    pending: [],
  };
}

export function writeResults(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

/** Adds a harness-level failure (timeout, crash) to whatever results exist. */
export function withFailure(results: Results | undefined, title: string, message: string): Results {
  const extra = failureResults(title, message);
  if (!results) return extra;
  return {
    ...results,
    stats: { ...results.stats, failures: results.stats.failures + 1 },
    tests: [...results.tests, ...extra.tests],
    failures: [...results.failures, ...extra.failures],
  };
}

export function summarize(suite: string, results: Results): SuiteSummary {
  return {
    suite,
    passed: results.passes.length,
    failed: results.failures.length,
    skipped: results.pending.length,
  };
}

/**
 * With `detailed`, one line per test and then each failure's reason (for suites whose own output was
 * not seen live); always, the counts.
 */
export function printResults(suite: string, results: Results, detailed: boolean): SuiteSummary {
  const failed = new Set(results.failures.map((t) => t.fullTitle));
  const skipped = new Set(results.pending.map((t) => t.fullTitle));
  if (detailed) {
    for (const t of results.tests) {
      const mark = failed.has(t.fullTitle) ? "FAIL" : skipped.has(t.fullTitle) ? "skip" : "pass";
      const ms = t.duration === undefined ? "" : ` (${t.duration} ms)`;
      console.log(`  ${mark}  ${t.fullTitle}${ms}`);
    }
  }
  // Hook failures are in `failures` but not in `tests`; print every failure with its reason.
  for (const [i, t] of detailed ? results.failures.entries() : []) {
    console.log(`\n  ${i + 1}) ${t.fullTitle}`);
    // The stack starts with the message; a dozen lines are enough to find the failing line.
    const text = (t.err.stack ?? t.err.message ?? "(no message)").split("\n").slice(0, 12).join("\n");
    console.log(text.replace(/^/gm, "     "));
  }
  const summary = summarize(suite, results);
  console.log(`\n${suite}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return summary;
}

/** Two runs' results as one suite's. */
export function mergeResults(a: Results, b: Results): Results {
  return {
    stats: {
      tests: a.stats.tests + b.stats.tests,
      passes: a.stats.passes + b.stats.passes,
      failures: a.stats.failures + b.stats.failures,
      pending: a.stats.pending + b.stats.pending,
    },
    tests: [...a.tests, ...b.tests],
    passes: [...a.passes, ...b.passes],
    failures: [...a.failures, ...b.failures],
    pending: [...a.pending, ...b.pending],
  };
}

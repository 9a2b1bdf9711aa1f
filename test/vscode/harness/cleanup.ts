// One place that undoes what a runner started (servers, browsers, temp dirs, simulators), in reverse
// order, on success, failure and Ctrl-C alike. Killing a process group is also done synchronously on
// 'exit', as a last resort, because a detached VS Code server would otherwise outlive us.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

type Task = { name: string; run: () => unknown };

const tasks: Task[] = [];
const groupsToKill = new Set<number>();
let running: Promise<void> | undefined;

/** Registers an undo step; returns a function that runs it early (and only once). */
export function onCleanup(name: string, run: () => unknown): () => Promise<void> {
  const task: Task = { name, run };
  tasks.push(task);
  return async () => {
    const i = tasks.indexOf(task);
    if (i < 0) return;
    tasks.splice(i, 1);
    await runTask(task);
  };
}

async function runTask(task: Task): Promise<void> {
  try {
    await task.run();
  } catch (err) {
    console.error(`cleanup of ${task.name} failed: ${(err as Error).message}`);
  }
}

/** A new folder under the system temp dir, removed at cleanup (or earlier, by calling `remove`). */
export function tempDir(prefix: string): { path: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    path: dir,
    remove: onCleanup(`temp folder ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true })),
  };
}

/** Runs every registered step, newest first. Safe to call more than once. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (tasks.length > 0) await runTask(tasks.pop() as Task);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * Remembers a detached process group so that an abrupt exit kills it too: synchronously on 'exit',
 * and through a watchdog process for the deaths where no 'exit' handler runs.
 */
export function trackProcessGroup(pid: number): () => void {
  groupsToKill.add(pid);
  const watchdog = spawn(
    process.execPath,
    [path.join(__dirname, "watchdog.js"), String(process.pid), String(pid)],
    {
      detached: true,
      stdio: "ignore",
    },
  );
  watchdog.unref();
  return () => groupsToKill.delete(pid);
}

export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

process.on("exit", () => {
  for (const pid of groupsToKill) killGroup(pid, "SIGKILL");
});

let handlersInstalled = false;

/** Ctrl-C or a CI stop: clean up, then exit with the conventional 128+signal code. */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // A closed stdout (`| head`) must not crash us past the cleanup; console ignores the failed writes.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  let stopping = false;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    // `on`, not `once`: a second Ctrl-C must not kill us before the server's group is killed.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: cleaning up`);
      setTimeout(() => process.exit(code), 15_000).unref(); // a hanging cleanup must not keep us alive
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}

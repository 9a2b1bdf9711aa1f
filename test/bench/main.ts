// `npm run bench`: prints what a refresh of the PAT list costs against a floor (the least a Node
// client can do) and a peer (the official SDK), plus expansion, heap, bundle and activation figures.
// It reports against targets but asserts nothing: timings depend on the machine, so it always exits 0
// unless something is broken (a contender failing or returning the wrong list is broken).
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { patPickItems } from "../../src/commands/patPicks";
import type { ConnectionInfo } from "../../src/connections/connectionStore";
import { parsePatPage } from "../../src/dfns/parse";
import type { PatList } from "../../src/dfns/types";
import { childNodes, rootNodes } from "../../src/tree/model";
import type { PatNode, TreeNode } from "../../src/tree/nodes";
import { type ActivationSample, measureActivation, splitLoads } from "./activation";
import {
  axiosText,
  bareHttp,
  type Contender,
  cpuSteps,
  httpText,
  listState,
  newClient,
  nodeFetch,
  type OursResult,
  ours,
  peer,
  type Target,
} from "./contenders";
import { SimProcess } from "./sim";
import { bytes, count, median, ms, quantile, ratio, table, us, verdict } from "./stats";

const shape = { assignmentsPerPat: 3, operationsPerAssignment: 40 };
// Fewer runs at 10,000, where one run is a ~30 MB body; warm-up lets the JIT settle first.
const plans = [
  { size: 100, runs: 15, warmup: 5 },
  { size: 1_000, runs: 15, warmup: 3 },
  { size: 10_000, runs: 11, warmup: 2 },
] as const;
const activationRuns = 31;
const targets = { oursFloor: 1.3, oursPeer: 1.2, bundleBytes: 150 * 1024, activationMs: 10 };

const root = path.resolve(__dirname, "../../..");
const bundle = path.join(root, "dist", "extension.js");

/** Kept in a module-level sink so V8 cannot collect what a heap measurement is holding. */
const held: unknown[] = [];

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass can leave objects that only the second finds dead (weak refs, finalizers).
  collect?.();
  collect?.();
}

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

async function time(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

interface SizeResult {
  readonly size: number;
  readonly bodyBytes: number;
  readonly serialiseMs: number;
  readonly samples: Record<string, number[]>;
  readonly expandOne: { patMs: number; fullMs: number; rows: number; onlyChildren: boolean };
}

const contenders: readonly (readonly [string, Contender])[] = [
  ["fetch", nodeFetch],
  ["http", bareHttp],
  ["peer", peer],
  ["ours", ours],
];

/** Fails loudly if any contender got something other than the full list: a fast wrong answer is no figure. */
async function check(target: Target, size: number): Promise<OursResult> {
  for (const [name, contender] of contenders.slice(0, 3)) {
    const body = (await contender(target)) as { items?: unknown[] };
    if (body.items?.length !== size)
      throw new Error(`${name} returned ${body.items?.length} items, not ${size}`);
  }
  const result = await ours(target);
  const { list, roots, picks } = result;
  if (
    list.pats.length !== size ||
    list.invalid.length !== 0 ||
    roots.length !== size ||
    picks.length !== size
  ) {
    throw new Error(`ours: ${list.pats.length} PATs, ${list.invalid.length} invalid, ${roots.length} rows`);
  }
  return result;
}

function patRows(roots: readonly TreeNode[]): PatNode[] {
  return roots.filter((node): node is PatNode => node.kind === "pat");
}

/** One PAT opened (its assignment rows), then each of its assignments opened (their operation rows). */
function expand(node: PatNode): number {
  let rows = 0;
  for (const child of childNodes(node)) rows += 1 + childNodes(child).length;
  return rows;
}

/**
 * Expanding one PAT, timed one PAT at a time over PATs spread through the list. `onlyChildren`: opening
 * the PAT built its assignment rows and nothing else (operation rows wait for their own expansion).
 */
function measureExpandOne(roots: readonly TreeNode[]): SizeResult["expandOne"] {
  const pats = patRows(roots);
  const picks = Array.from({ length: 301 }, (_, i) => pats[(i * 7919) % pats.length] as PatNode);
  for (const node of picks) expand(node);
  const patTimes: number[] = [];
  const fullTimes: number[] = [];
  let onlyChildren = true;
  for (const node of picks) {
    let started = performance.now();
    const children = childNodes(node);
    patTimes.push(performance.now() - started);
    onlyChildren &&=
      children.length === node.pat.permissionAssignments.length &&
      children.every((child) => child.kind === "assignment" && child.parent === node);
    started = performance.now();
    expand(node);
    fullTimes.push(performance.now() - started);
  }
  return {
    patMs: median(patTimes),
    fullMs: median(fullTimes),
    rows: expand(picks[0] as PatNode),
    onlyChildren,
  };
}

async function measureSize(
  sim: SimProcess,
  target: Target,
  plan: (typeof plans)[number],
): Promise<{ result: SizeResult; held: OursResult }> {
  const generated = await sim.generate({ count: plan.size, ...shape });
  const held = await check(target, plan.size);
  for (let i = 0; i < plan.warmup; i++) {
    for (const [, contender] of contenders) await contender(target);
  }
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map(([name]) => [name, []]));
  for (let run = 0; run < plan.runs; run++) {
    // Rotate who goes first, so no contender always inherits the others' garbage or a cold socket.
    for (let i = 0; i < contenders.length; i++) {
      const [name, contender] = contenders[(run + i) % contenders.length] as (typeof contenders)[number];
      // Each run starts from a collected heap: no contender pays for the previous one's garbage.
      gc();
      samples[name]?.push(await time(() => contender(target)));
    }
  }
  const result = { size: plan.size, ...generated, samples, expandOne: measureExpandOne(held.roots) };
  return { result, held };
}

function floorOf(result: SizeResult): { ms: number; by: string } {
  const fetchMs = median(result.samples.fetch ?? []);
  const httpMs = median(result.samples.http ?? []);
  return fetchMs < httpMs ? { ms: fetchMs, by: "fetch" } : { ms: httpMs, by: "http" };
}

function printRefreshTable(results: readonly SizeResult[]): void {
  const rows = results.map((result) => {
    const floor = floorOf(result);
    const peerMs = median(result.samples.peer ?? []);
    const oursMs = median(result.samples.ours ?? []);
    const judged = result.size >= 1_000;
    return [
      count(result.size),
      bytes(result.bodyBytes),
      ms(median(result.samples.fetch ?? [])),
      ms(median(result.samples.http ?? [])),
      `${ms(floor.ms)} (${floor.by})`,
      ms(peerMs),
      ms(oursMs),
      `${ratio(oursMs / floor.ms)}${judged ? ` ${verdict(oursMs / floor.ms <= targets.oursFloor)}` : ""}`,
      `${ratio(oursMs / peerMs)}${judged ? ` ${verdict(oursMs / peerMs <= targets.oursPeer)}` : ""}`,
    ];
  });
  console.log(
    table(["PATs", "body", "fetch", "http", "floor", "peer", "ours", "ours/floor", "ours/peer"], rows),
  );
  console.log(
    `Medians in ms. Targets at 1,000 and 10,000: ours/floor ≤ ${targets.oursFloor}, ours/peer ≤ ${targets.oursPeer}.`,
  );
  console.log(
    "\nSpread (p25–p75 ms) and runs; the simulator's own JSON.stringify, paid inside every contender:",
  );
  console.log(
    table(
      ["PATs", "runs", ...contenders.map(([name]) => name), "server stringify"],
      results.map((result) => [
        count(result.size),
        String(result.samples.ours?.length ?? 0),
        ...contenders.map(([name]) => {
          const values = result.samples[name] ?? [];
          return `${ms(quantile(values, 0.25))}–${ms(quantile(values, 0.75))}`;
        }),
        ms(result.serialiseMs),
      ]),
    ),
  );
}

/**
 * Builds something and keeps it, returning the heap that holding it costs. Synchronous on purpose: an
 * awaited value can linger in a suspended async function's registers, and a 30 MB leftover released
 * mid-measurement would skew a figure by as much. So the body is fetched once, up front, and the
 * structures are built from it here: the same objects listPats() returns, without the request.
 */
function retained(make: () => unknown): number {
  const before = heapUsed();
  held.push(make());
  return heapUsed() - before;
}

async function printHeap(target: Target): Promise<void> {
  const body = await httpText(target);
  const passes: { raw: number; list: number; roots: number; picks: number }[] = [];
  let expandBytes = Number.NaN;
  for (let pass = 0; pass < 3; pass++) {
    held.length = 0;
    const raw = retained(() => JSON.parse(body));
    held.length = 0;
    // The steps of `ours`, each measured on top of the previous ones.
    const list = retained(() => parsePatPage(JSON.parse(body)));
    const patList = held[0] as PatList;
    const now = Date.now();
    const state = listState(target, patList);
    const roots = retained(() => rootNodes(state, now));
    const picks = retained(() => patPickItems(patList.pats, now, state.connection as ConnectionInfo));
    passes.push({ raw, list, roots, picks });
    if (pass === 0) {
      const rows = held[1] as TreeNode[];
      expandBytes = retained(() =>
        patRows(rows).map((node) => childNodes(node).map((child) => childNodes(child))),
      );
    }
  }
  held.length = 0;
  const of = (key: keyof (typeof passes)[number]): number => median(passes.map((pass) => pass[key]));
  const oursBytes = of("list") + of("roots") + of("picks");
  console.log(
    table(
      ["held after a refresh of 10,000 PATs", "retained heap"],
      [
        ["PatList (parsed + validated)", bytes(of("list"))],
        ["+ root rows (rootNodes)", bytes(of("roots"))],
        ["+ List PATs items (patPickItems)", bytes(of("picks"))],
        ["= ours in all", bytes(oursBytes)],
        ["floor/peer: the JSON.parse result alone", bytes(of("raw"))],
        ["ours beyond the raw JSON", `${bytes(oursBytes - of("raw"))} (${ratio(oursBytes / of("raw"))})`],
        ["(Expand All: every assignment and operation row)", bytes(expandBytes)],
      ],
    ),
  );
}

async function printBreakdown(target: Target, runs: number): Promise<void> {
  const body = await httpText(target);
  const list = (await ours(target)).list;
  const steps: (readonly [string, () => unknown])[] = [
    ["client.listPats() (HTTP + parse + validation)", () => newClient(target).listPats()],
    ["axios GET as the client does it (text body)", () => axiosText(target)],
    ["bare node:http GET (text body), for comparison", () => httpText(target)],
    ...cpuSteps(target, body, list),
  ];
  const rows: string[][] = [];
  for (const [label, step] of steps) {
    await step();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      gc();
      times.push(await time(step));
    }
    rows.push([label, ms(median(times))]);
  }
  console.log(table(["ours at 10,000 PATs, step by step", "median ms"], rows));
}

function printExpansion(results: readonly SizeResult[], expandAllMs: number, expandAllRows: number): void {
  console.log(
    table(
      ["list size", "open one PAT", "…and its assignments", "rows built", "only its children"],
      results.map((result) => [
        count(result.size),
        us(result.expandOne.patMs),
        us(result.expandOne.fullMs),
        String(result.expandOne.rows),
        result.expandOne.onlyChildren ? "yes" : "NO",
      ]),
    ),
  );
  console.log(`Expand All of 10,000 PATs: ${ms(expandAllMs)} ms median for ${count(expandAllRows)} rows.`);
}

function measureExpandAll(roots: readonly TreeNode[], runs: number): { ms: number; rows: number } {
  const pats = patRows(roots);
  const all = (): number => pats.reduce((rows, node) => rows + 1 + expand(node), 0);
  all();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const started = performance.now();
    rows = all();
    times.push(performance.now() - started);
  }
  return { ms: median(times), rows };
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
    // The heap figures need gc() between steps; rerun this script once with it exposed.
    const rerun = spawnSync(process.execPath, ["--expose-gc", __filename, ...process.argv.slice(2)], {
      stdio: "inherit",
    });
    process.exitCode = rerun.status ?? 1;
    return;
  }
  const started = performance.now();
  const cpus = os.cpus();
  console.log("Dfns PAT Explorer benchmark (figures only; nothing here fails on time)");
  console.log(
    `node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus[0]?.model.trim() ?? "unknown CPU"} · ` +
      `${cpus.length} cores · ${bytes(os.totalmem())} RAM · load average ${os.loadavg()[0]?.toFixed(2)} at start`,
  );
  console.log(
    `Lists: ${plans.map((plan) => count(plan.size)).join(", ")} PATs × ${shape.assignmentsPerPat} assignments × ` +
      `${shape.operationsPerAssignment} operations; simulator on loopback in a child process.`,
  );
  console.log(
    "floor = faster of fetch and node:http, + JSON.parse · peer = @dfns/sdk listPersonalAccessTokens()",
  );
  console.log(
    "ours = new DfnsClient().listPats() (HTTP, JSON.parse, validation) + rootNodes() + patPickItems()\n",
  );

  const sim = await SimProcess.start();
  const target: Target = { baseUrl: sim.url, token: sim.token };
  const results: SizeResult[] = [];
  let expandAll = { ms: Number.NaN, rows: 0 };
  try {
    for (const plan of plans) {
      const planStarted = performance.now();
      const { result, held: last } = await measureSize(sim, target, plan);
      results.push(result);
      console.log(
        `measured ${count(plan.size)} PATs: ${plan.runs} runs × ${contenders.length} contenders ` +
          `in ${((performance.now() - planStarted) / 1000).toFixed(1)} s`,
      );
      if (plan === plans[plans.length - 1]) expandAll = measureExpandAll(last.roots, plan.runs);
    }
    console.log("\n== Refresh: fetch, parse, validate, build rows ==");
    printRefreshTable(results);
    console.log("\n== Heap (10,000 PATs, after gc) ==");
    await printHeap(target);
    console.log("\n== Where ours spends its time (10,000 PATs) ==");
    await printBreakdown(target, 7);
    console.log("\n== Expanding rows (childNodes) ==");
    printExpansion(results, expandAll.ms, expandAll.rows);
  } finally {
    await sim.stop();
  }

  console.log("\n== Bundle and activation ==");
  const bundleBytes = statSync(bundle).size;
  const activation = measureActivation(bundle, activationRuns);
  const first = activation[0];
  const { modules, builtins } = splitLoads(first?.loads ?? []);
  const hosted = measureActivation(bundle, activationRuns, builtins);
  const totalMs = median(activation.map((sample) => sample.requireMs + sample.activateMs));
  const describe = (samples: readonly ActivationSample[]): string =>
    `${ms(median(samples.map((sample) => sample.requireMs + sample.activateMs)))} ms (require ` +
    `${ms(median(samples.map((sample) => sample.requireMs)))} + activate ` +
    `${ms(median(samples.map((sample) => sample.activateMs)))})`;
  console.log(
    `dist/extension.js: ${count(bundleBytes)} bytes (${bytes(bundleBytes)}) · target ≤ ${bytes(targets.bundleBytes)}: ` +
      verdict(bundleBytes <= targets.bundleBytes),
  );
  console.log(
    `require + activate(), median of ${activationRuns} fresh processes: ${describe(activation)} · ` +
      `target < ${targets.activationMs} ms: ${verdict(totalMs < targets.activationMs)}`,
  );
  console.log(
    `  the same with the bundle's node builtins and Node's fetch globals already loaded, as in an ` +
      `extension host: ${describe(hosted)}`,
  );
  console.log(
    `Module._load calls during require + activate: ${first?.loads.length ?? 0}; distinct: ` +
      `${modules.length} non-builtin (${modules.map((name) => path.relative(root, name) || name).join(", ")}), ` +
      `${builtins.length} node builtins (${builtins.join(", ")})`,
  );
  console.log(`Commands registered at activation: ${first?.commands.length ?? 0}`);
  if (first && first.missing.length > 0) {
    console.log(`Note: activation read vscode members the stub lacks: ${first.missing.join(", ")}`);
  }

  console.log("\n== Targets ==");
  const big = results.filter((result) => result.size >= 1_000);
  const rows: string[][] = [];
  for (const result of big) {
    const oursMs = median(result.samples.ours ?? []);
    const floorRatio = oursMs / floorOf(result).ms;
    const peerRatio = oursMs / median(result.samples.peer ?? []);
    rows.push([`ours/floor at ${count(result.size)}`, `≤ ${targets.oursFloor}`, ratio(floorRatio)]);
    rows[rows.length - 1]?.push(verdict(floorRatio <= targets.oursFloor));
    rows.push([`ours/peer at ${count(result.size)}`, `≤ ${targets.oursPeer}`, ratio(peerRatio)]);
    rows[rows.length - 1]?.push(verdict(peerRatio <= targets.oursPeer));
  }
  rows.push(["bundle size", `≤ ${bytes(targets.bundleBytes)}`, bytes(bundleBytes)]);
  rows[rows.length - 1]?.push(verdict(bundleBytes <= targets.bundleBytes));
  rows.push(["require + activate", `< ${targets.activationMs} ms`, `${ms(totalMs)} ms`]);
  rows[rows.length - 1]?.push(verdict(totalMs < targets.activationMs));
  const onlyChildren = results.every((result) => result.expandOne.onlyChildren);
  const smallest = results[0]?.expandOne.patMs ?? Number.NaN;
  const largest = results[results.length - 1]?.expandOne.patMs ?? Number.NaN;
  // Building only its children means the cost does not grow with the list: allow noise, not a trend.
  const flat = largest <= 3 * smallest + 0.005;
  rows.push([
    "expanding a PAT builds only its children",
    "its rows only, flat in list size",
    `${onlyChildren ? "children only" : "MORE"}; ${us(smallest)} at ${count(results[0]?.size ?? 0)} vs ${us(largest)} at ${count(results[results.length - 1]?.size ?? 0)}`,
    verdict(onlyChildren && flat),
  ]);
  console.log(table(["target", "goal", "measured", ""], rows));
  console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

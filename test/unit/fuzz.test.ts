// Feeds thousands of generated bodies through the parser and the row model: nothing may throw but
// the one documented "not a PAT list" error, every rejected item is exactly one invalid row with a
// reason, and no name can smuggle Markdown into a tooltip. Seeded, so a failure replays.
import assert from "node:assert/strict";
import { patPickItems } from "../../src/commands/patPicks";
import { describeConnection } from "../../src/connections/connectionStore";
import { parsePatPage, ResponseShapeError } from "../../src/dfns/parse";
import type { PatListState } from "../../src/pats/patList";
import { childNodes, rootNodes, tooltipOf } from "../../src/tree/model";
import type { TreeNode } from "../../src/tree/nodes";
import { generatePats, Rng } from "../sim/data";

const bodies = 4000;
const connection = describeConnection({ baseUrl: "https://api.dfns.io", token: "fuzz-test-token" }, "fuzz");

const nasty = [
  "",
  " ",
  "[link](command:workbench.action.quit)",
  "![img](https://x.example/a.png)",
  "<script>alert(1)</script>",
  "**bold** _it_ `code`",
  "line\nbreak\r\ttab\u0000nul\u001b[31m",
  "\u202eevil\u202c",
  "名前🔑😀",
  "$(zap) icon",
  "x".repeat(100_000),
  "\\",
];

function randomString(rng: Rng): string {
  if (rng.float() < 0.4) return rng.pick(nasty);
  const length = rng.int(0, 40);
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCodePoint(rng.int(0, 0x2fff));
  return text;
}

function randomJson(rng: Rng, depth: number): unknown {
  const roll = rng.float();
  if (depth <= 0 || roll < 0.35) {
    return rng.pick([null, true, false, rng.int(-1e6, 1e6), rng.float() * 1e300, randomString(rng)]);
  }
  if (roll < 0.65) return Array.from({ length: rng.int(0, 5) }, () => randomJson(rng, depth - 1));
  const object: Record<string, unknown> = {};
  for (let i = rng.int(0, 5); i > 0; i--)
    object[rng.pick(["items", "tokenId", "name", randomString(rng)])] = randomJson(rng, depth - 1);
  return object;
}

/** Built as text: JSON.stringify itself would overflow the stack at these depths. */
function deeplyNested(depth: number): string {
  return `${'{"items":['.repeat(depth)}${"]}".repeat(depth)}`;
}

/** A valid response with some fields of some items replaced, removed or retyped. */
function mutatedResponse(rng: Rng, seed: number): unknown {
  const items: unknown[] = generatePats(rng.int(0, 12), { seed }).map((item) => ({ ...item }));
  for (let i = rng.int(1, 6); i > 0 && items.length > 0; i--) {
    const index = rng.int(0, items.length - 1);
    const item = items[index] as Record<string, unknown>;
    const roll = rng.float();
    if (roll < 0.15 || typeof item !== "object" || item === null) items[index] = randomJson(rng, 2);
    else {
      const field = rng.pick([...Object.keys(item), "operations", "permissionAssignments"]);
      if (roll < 0.35) delete item[field];
      else if (roll < 0.55) item.name = randomString(rng);
      else if (roll < 0.7 && Array.isArray(item.permissionAssignments)) {
        item.permissionAssignments = [...item.permissionAssignments, randomJson(rng, 3)];
      } else item[field] = randomJson(rng, 2);
    }
  }
  if (rng.float() < 0.1) items.push(items[0]); // a duplicate tokenId
  return rng.float() < 0.05 ? { items, nextPageToken: randomJson(rng, 1) } : { items };
}

/** Walks every row, as "Expand All" would, checking each one renders as plain data. */
function checkRows(nodes: TreeNode[]): number {
  let count = 0;
  for (const node of nodes) {
    count++;
    assert.equal(typeof node.label, "string");
    assert.equal(typeof node.id, "string");
    const tooltip = tooltipOf(node, Date.now()) ?? "";
    assert.doesNotMatch(tooltip, /(^|[^\\])\]\(/, "no Markdown link survives in a tooltip");
    assert.doesNotMatch(tooltip, /(^|[^\\])</, "no HTML survives in a tooltip");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    assert.doesNotMatch(tooltip.replace(/ {2}\n/g, ""), /[\u0000-\u001f]/, "one row per tooltip line");
    assert.doesNotMatch(tooltip, /[\u202a-\u202e\u2066-\u2069]/, "no bidi override reorders a tooltip");
    count += checkRows(childNodes(node));
  }
  return count;
}

describe("fuzzing the parser and the row model", function () {
  this.timeout(120_000);

  it(`survives ${bodies} generated bodies`, () => {
    const rng = new Rng(20261203);
    const started = performance.now();
    let lists = 0;
    let rejectedBodies = 0;
    let rows = 0;
    for (let n = 0; n < bodies; n++) {
      const roll = rng.float();
      const body =
        roll < 0.5
          ? mutatedResponse(rng, n)
          : roll < 0.95
            ? randomJson(rng, 5)
            : deeplyNested(rng.int(100, 5000));
      // Bodies travel as text: round-trip so that what is parsed is what JSON can carry.
      const text = JSON.stringify(body) ?? "null";
      let page: ReturnType<typeof parsePatPage>;
      try {
        page = parsePatPage(JSON.parse(text));
      } catch (error) {
        assert.ok(
          error instanceof ResponseShapeError,
          `only ResponseShapeError may escape, got ${String(error)}`,
        );
        rejectedBodies++;
        continue;
      }
      lists++;
      const items = (JSON.parse(text) as { items: unknown[] }).items;
      assert.equal(page.pats.length + page.invalid.length, items.length, "every item is a row, valid or not");
      for (const invalid of page.invalid) assert.ok(invalid.reason.length > 0);
      const state: PatListState = {
        connection,
        snapshot: { list: page, fetchedAt: new Date() },
        error: undefined,
        loading: false,
      };
      const roots = rootNodes(state, Date.now());
      assert.equal(roots.filter((node) => node.kind === "invalid").length, page.invalid.length);
      rows += checkRows(roots);
      assert.equal(patPickItems(page.pats, Date.now(), connection).length, page.pats.length);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `      fuzz: ${bodies} bodies (${lists} lists, ${rejectedBodies} not lists), ${rows} rows, ${seconds.toFixed(1)} s`,
    );
    assert.ok(lists > bodies / 3 && rejectedBodies > bodies / 10, "both kinds of body were exercised");
  });
});

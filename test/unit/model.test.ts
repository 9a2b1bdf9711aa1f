import assert from "node:assert/strict";
import type { ConnectionInfo } from "../../src/connections/connectionStore";
import { DfnsError } from "../../src/dfns/errors";
import { asciiNameOrder, childNodes, errorNodes, rootNodes, tooltipOf } from "../../src/tree/model";
import { primaryId, type TreeNode } from "../../src/tree/nodes";
import { loadedState, now, rawPat, testConnection } from "./fixtures";

const connection: ConnectionInfo = testConnection();

const loaded = (items: unknown[]) => loadedState(items, connection);

function labels(nodes: TreeNode[]): string[] {
  return nodes.map((node) => node.label);
}

describe("tree model", () => {
  it("shows nothing when signed out, so the welcome view appears", () => {
    assert.deepEqual(
      rootNodes({ connection: undefined, snapshot: undefined, error: undefined, loading: false }, now),
      [],
    );
  });

  it("shows a loading row before the first list arrives", () => {
    const roots = rootNodes({ connection, snapshot: undefined, error: undefined, loading: true }, now);
    assert.deepEqual(labels(roots), ["Loading tokens…"]);
  });

  it("says so when there are no tokens", () => {
    assert.deepEqual(labels(rootNodes(loaded([]), now)), ["No personal access tokens"]);
  });

  it("sorts active tokens first, then by name, case-insensitively", () => {
    const roots = rootNodes(
      loaded([
        rawPat({ tokenId: "to-1", name: "zeta" }),
        rawPat({ tokenId: "to-2", name: "Alpha", isActive: false }),
        rawPat({ tokenId: "to-3", name: "beta" }),
        rawPat({ tokenId: "to-4", name: "Gamma" }),
      ]),
      now,
    );
    assert.deepEqual(labels(roots), ["beta", "Gamma", "zeta", "Alpha"]);
  });

  it("describes a PAT by age, or as inactive, with distinct icons", () => {
    const [active, inactive] = rootNodes(
      loaded([
        rawPat({ tokenId: "to-1", name: "a" }),
        rawPat({ tokenId: "to-2", name: "b", isActive: false }),
      ]),
      now,
    );
    assert.equal(active?.description, "last month");
    assert.equal(inactive?.description, "inactive");
    assert.notEqual(active?.icon.id, inactive?.icon.id);
  });

  it("puts every field and the counts in the PAT tooltip", () => {
    const [pat] = rootNodes(loaded([rawPat()]), now);
    const tooltip = (pat && tooltipOf(pat, now)) ?? "";
    for (const text of [
      "to\\-test0\\-aaaaa",
      "cr\\-test0",
      "us\\-test0",
      "or\\-test0",
      "SHA256:fakefingerprint",
    ]) {
      assert.ok(tooltip.includes(text), `${text} in ${tooltip}`);
    }
    assert.match(tooltip, /2026\\-11\\-01 10:00:00 UTC|2026-11-01 10:00:00 UTC/);
    assert.match(tooltip, /1 permission assignment, 2 operations/);
  });

  it("gives stable ids derived from Dfns ids", () => {
    const first = rootNodes(loaded([rawPat()]), now)[0] as TreeNode;
    const again = rootNodes(loaded([rawPat({ name: "renamed" })]), now)[0] as TreeNode;
    assert.equal(first.id, "pat/to-test0-aaaaa-0000000000000001");
    assert.equal(first.id, again.id);
    const [assignment] = childNodes(first);
    assert.equal(assignment?.id, "pat/to-test0-aaaaa-0000000000000001/as-test0-aaaaa-0000000000000001");
    const operations = childNodes(assignment as TreeNode);
    assert.deepEqual(
      operations.map((node) => node.id),
      [`${assignment?.id}/Wallets:Read`, `${assignment?.id}/Wallets:Create`],
    );
  });

  it("builds the three levels with their labels, descriptions and context values", () => {
    const [pat] = rootNodes(loaded([rawPat({ linkedUserId: "" })]), now);
    assert.equal(pat?.contextValue, "dfnsPat hasTokenId hasCredId hasOrgId");
    const [assignment] = childNodes(pat as TreeNode);
    assert.equal(assignment?.label, "Wallet readers");
    assert.equal(assignment?.description, "pm-test0-aaaaa-0000000000000001");
    assert.equal(assignment?.contextValue, "dfnsAssignment hasPermissionId hasAssignmentId");
    assert.match((assignment && tooltipOf(assignment, now)) ?? "", /as\\-test0\\-aaaaa/);
    const [operation] = childNodes(assignment as TreeNode);
    assert.equal(operation?.label, "Wallets:Read");
    assert.equal(operation?.collapsible, false);
    assert.equal(operation && primaryId(operation), "Wallets:Read");
  });

  it("shows 'No operations' for an assignment without them, and keys repeated ones apart", () => {
    const [pat] = rootNodes(
      loaded([
        rawPat({
          permissionAssignments: [
            { permissionName: "Empty", permissionId: "pm-1", assignmentId: "" },
            { permissionName: "Twice", permissionId: "pm-1", assignmentId: "", operations: ["A:B", "A:B"] },
          ],
        }),
      ]),
      now,
    );
    const assignments = childNodes(pat as TreeNode);
    assert.deepEqual(
      assignments.map((node) => node.id),
      ["pat/to-test0-aaaaa-0000000000000001/pm:pm-1", "pat/to-test0-aaaaa-0000000000000001/pm:pm-1#1"],
    );
    assert.deepEqual(labels(childNodes(assignments[0] as TreeNode)), ["No operations"]);
    const twice = childNodes(assignments[1] as TreeNode).map((node) => node.id);
    assert.equal(new Set(twice).size, 2);
    assert.equal(assignments[0]?.contextValue, "dfnsAssignment hasPermissionId");
  });

  it("shows an invalid item as one row with its reason, after the valid ones", () => {
    const roots = rootNodes(loaded([rawPat({ tokenId: "to-x", name: "bad", isActive: 1 }), rawPat()]), now);
    assert.deepEqual(labels(roots), ["ci-deployer", "Invalid token entry: bad"]);
    assert.equal(roots[1]?.description, "isActive is a number, expected a boolean");
    assert.equal(roots[1]?.contextValue, "dfnsInvalid hasTokenId");
  });

  it("escapes Markdown in tooltips, so a name cannot become a link or a command", () => {
    const [pat] = rootNodes(
      loaded([rawPat({ name: "[click](command:workbench.action.quit) <img src=x>" })]),
      now,
    );
    assert.equal(pat?.label, "[click](command:workbench.action.quit) <img src=x>");
    const nameLine = (pat && tooltipOf(pat, now))?.split("**")[1] ?? "";
    // Every Markdown-active character from the name arrives escaped, so it renders as text.
    assert.doesNotMatch(nameLine, /(^|[^\\])[[\]()<>]/);
    assert.ok(nameLine.includes("\\[click\\]\\(command:workbench\\.action\\.quit\\) \\<img src=x\\>"));
  });

  it("keeps the list when a refresh fails (the view shows a message above it)", () => {
    const state = {
      ...loaded([rawPat()]),
      error: new DfnsError("network", { host: "api.dfns.io", reason: "down" }),
    };
    assert.deepEqual(labels(rootNodes(state, now)), ["ci-deployer"]);
  });

  describe("error rows", () => {
    const host = "api.dfns.io";
    const scope = { connectionId: connection.id };
    const cases: [string, DfnsError, string[], string[]][] = [
      [
        "401",
        new DfnsError("unauthorized", { host, status: 401 }),
        ["Token rejected", "Sign In Again…"],
        ["dfns.signIn"],
      ],
      [
        "403",
        new DfnsError("forbidden", {
          host,
          status: 403,
          apiMessage: "not authorized to perform operation (Auth:Types:Pat)",
        }),
        ["Not allowed to list tokens", "Sign In with Another Token…", "Retry"],
        ["dfns.signIn", "dfns.refresh"],
      ],
      [
        "429",
        new DfnsError("rate-limited", { host, retryAfterSeconds: 30 }),
        ["Rate limited", "Retry"],
        ["dfns.refresh"],
      ],
      [
        "network",
        new DfnsError("network", { host, reason: "connection refused" }),
        ["Cannot reach api.dfns.io", "Retry"],
        ["dfns.refresh"],
      ],
      [
        "500",
        new DfnsError("http", { host, status: 500, apiMessage: "boom", errorId: "err-1" }),
        ["api.dfns.io answered 500: boom (error id err-1)", "Retry"],
        ["dfns.refresh"],
      ],
    ];
    for (const [what, error, expectedLabels, commands] of cases) {
      it(`${what}: says what failed and offers a way out`, () => {
        const nodes = rootNodes({ connection, snapshot: undefined, error, loading: false }, now);
        assert.deepEqual(labels(nodes), expectedLabels);
        assert.deepEqual(
          nodes.flatMap((node) => (node.command ? [node.command.command] : [])),
          commands,
        );
      });
    }

    it("puts the API's own 403 message and the retry time in the description", () => {
      const [forbidden] = errorNodes(
        new DfnsError("forbidden", { host, apiMessage: "needs Auth:Types:Pat" }),
        scope,
      );
      assert.equal(forbidden?.description, "needs Auth:Types:Pat");
      const [limited] = errorNodes(new DfnsError("rate-limited", { host, retryAfterSeconds: 12 }), scope);
      assert.equal(limited?.description, "retry after 12 s");
    });

    it("after a redirect, signs in again asking for the URL, and after a 401 keeps it", () => {
      const redirected = errorNodes(
        new DfnsError("redirect", { host, status: 302, location: "https://elsewhere.example/" }),
        scope,
      );
      assert.deepEqual(labels(redirected), ["Redirect not followed (302)", "Sign In with Another URL…"]);
      assert.equal(redirected[0]?.description, "https://elsewhere.example/");
      assert.deepEqual(redirected[1]?.command?.arguments, [
        { connectionId: scope.connectionId, pickUrl: true },
      ]);
      const [, again] = errorNodes(new DfnsError("unauthorized", { host }), scope);
      assert.deepEqual(again?.command?.arguments, [{ connectionId: scope.connectionId }]);
    });
  });

  describe("name order", () => {
    const collator = new Intl.Collator("en", { sensitivity: "base" });
    // Letters of both cases, digits, punctuation the collator weighs differently from ASCII order,
    // accents, a combining mark and non-Latin letters: names where the shortcut must step aside.
    const alphabet = [..."aAbBzZ09 5-_.,:()'é", "É", "ß", "\u0301", "Ж", "日", "ı"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const name = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");

    it("agrees with the collator wherever it answers, and steps aside elsewhere", () => {
      let answered = 0;
      for (let i = 0; i < 20_000; i++) {
        const a = name();
        const b = random() < 0.3 ? a.toUpperCase() + name() : name();
        const fast = Math.sign(asciiNameOrder(a, b));
        if (fast === 0) continue;
        answered++;
        assert.equal(fast, Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
      assert.ok(answered > 2_000, `the shortcut answered ${answered} of 20,000`);
      assert.equal(asciiNameOrder("abc", "ABC"), 0, "equal but for case: the collator and the id decide");
      assert.equal(asciiNameOrder("ab", "ab,x"), 0, "a comma next: the collator decides");
      assert.ok(
        asciiNameOrder("a b", "a-b") < 0 && asciiNameOrder("a-b", "ab") < 0,
        "space, -, then letters",
      );
      assert.ok(asciiNameOrder("ab", "abc") < 0 && asciiNameOrder("B9", "a1") > 0);
    });
  });
});

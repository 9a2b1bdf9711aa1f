import assert from "node:assert/strict";
import { parsePatPage } from "../../src/dfns/parse";
import type { Pat } from "../../src/dfns/types";
import {
  defaultHygieneRules,
  expiryNotice,
  type Flag,
  flagsOf,
  type HygieneRules,
  hygieneRules,
  severityOf,
} from "../../src/pats/hygiene";
import { now, rawPat } from "./fixtures";

const day = 24 * 3600 * 1000;

function assignment(name: string, operations: string[] | undefined, id = name) {
  return { permissionName: name, permissionId: `pm-${id}`, assignmentId: `as-${id}`, operations };
}

function pat(overrides: Record<string, unknown> = {}): Pat {
  const page = parsePatPage({ items: [rawPat(overrides)] });
  assert.deepEqual(page.invalid, []);
  const [parsed] = page.pats;
  assert.ok(parsed);
  return parsed;
}

function createdDaysAgo(days: number): string {
  return new Date(now - days * day).toISOString();
}

/** `count` distinct harmless operations. */
function reads(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Reads:Thing${index}:Read`);
}

/** Flags as plain values (their explanations are getters, worked out when read). */
function plain(flags: readonly Flag[]): Flag[] {
  return flags.map(({ kind, label, explanation }) => ({ kind, label, explanation }));
}

function kinds(flags: readonly Flag[]): string[] {
  return flags.map((flag) => flag.kind);
}

const fresh = createdDaysAgo(1);
const rules = defaultHygieneRules;

describe("token hygiene", () => {
  describe("rules from settings", () => {
    it("defaults to 90 days, 50 operations and the sensitive list of the issue", () => {
      assert.equal(defaultHygieneRules.maxAgeDays, 90);
      assert.equal(defaultHygieneRules.maxOperations, 50);
      for (const pattern of ["Wallets:Export", "Wallets:TransferAsset", "Payments:Create", "Permissions:*"]) {
        assert.ok(defaultHygieneRules.sensitiveOperations.includes(pattern), pattern);
      }
      assert.ok(defaultHygieneRules.sensitiveOperations.includes("Auth:*:Create"));
      assert.deepEqual(hygieneRules({}), defaultHygieneRules);
    });

    it("keeps valid values, 0 included", () => {
      assert.deepEqual(hygieneRules({ maxAgeDays: 30, maxOperations: 0, sensitiveOperations: ["Keys:*"] }), {
        maxAgeDays: 30,
        maxOperations: 0,
        sensitiveOperations: ["Keys:*"],
      });
    });

    it("falls back to the default per field for wrong types, negatives, NaN and infinities", () => {
      for (const bad of ["90", -1, Number.NaN, Number.POSITIVE_INFINITY, null, true, {}, [30]]) {
        const got = hygieneRules({ maxAgeDays: bad, maxOperations: bad, sensitiveOperations: ["X:Y"] });
        assert.equal(got.maxAgeDays, 90, String(bad));
        assert.equal(got.maxOperations, 50, String(bad));
        assert.deepEqual(got.sensitiveOperations, ["X:Y"], "a bad number does not reset the list");
      }
      assert.equal(hygieneRules({ maxAgeDays: 7, maxOperations: "many" }).maxAgeDays, 7);
    });

    it("cleans the sensitive list: drops non-strings and blanks, trims, removes duplicates", () => {
      const got = hygieneRules({
        sensitiveOperations: [" Keys:Export ", 3, null, "", "   ", "Keys:Export", { a: 1 }, "Payments:*"],
      });
      assert.deepEqual(got.sensitiveOperations, ["Keys:Export", "Payments:*"]);
    });

    it("reads an empty list as off, but a list of nothing usable or a non-list as the default", () => {
      assert.deepEqual(hygieneRules({ sensitiveOperations: [] }).sensitiveOperations, []);
      const defaults = defaultHygieneRules.sensitiveOperations;
      assert.deepEqual(hygieneRules({ sensitiveOperations: [1, "  ", null] }).sensitiveOperations, defaults);
      assert.deepEqual(hygieneRules({ sensitiveOperations: "Keys:Export" }).sensitiveOperations, defaults);
      assert.deepEqual(hygieneRules({ sensitiveOperations: null }).sensitiveOperations, defaults);
    });
  });

  describe("flags", () => {
    it("gives a fresh, narrow, active token no flag", () => {
      const flags = flagsOf(pat({ dateCreated: fresh }), rules, now);
      assert.deepEqual(flags, []);
      assert.equal(severityOf(flags), "none");
    });

    it("flags an inactive token as inactive only, however old or broad", () => {
      const inactive = pat({
        isActive: false,
        dateCreated: createdDaysAgo(400),
        permissionAssignments: [assignment("DfnsFullAdminAccess", undefined), assignment("Many", reads(80))],
      });
      const flags = flagsOf(inactive, rules, now);
      assert.deepEqual(kinds(flags), ["inactive"]);
      assert.equal(flags[0]?.label, "inactive");
      assert.match(flags[0]?.explanation ?? "", /cannot be used/);
      assert.equal(severityOf(flags), "info");
    });

    it("flags a token older than the limit, with its age, and suggests rotating it", () => {
      const flags = flagsOf(pat({ dateCreated: createdDaysAgo(142) }), rules, now);
      assert.deepEqual(plain(flags), [
        {
          kind: "old",
          label: "consider rotating",
          explanation: "Created 142 days ago, more than 90: consider rotating it.",
        },
      ]);
      assert.equal(severityOf(flags), "warning");
    });

    it("counts whole days and flags only beyond the limit", () => {
      assert.deepEqual(flagsOf(pat({ dateCreated: createdDaysAgo(90) }), rules, now), []);
      assert.deepEqual(flagsOf(pat({ dateCreated: createdDaysAgo(90.9) }), rules, now), []);
      assert.deepEqual(kinds(flagsOf(pat({ dateCreated: createdDaysAgo(91) }), rules, now)), ["old"]);
      const oneDay = hygieneRules({ maxAgeDays: 0.5 });
      assert.deepEqual(kinds(flagsOf(pat({ dateCreated: createdDaysAgo(1) }), oneDay, now)), ["old"]);
    });

    it("never flags an unparseable or future creation date as old", () => {
      const unparseable = pat({ dateCreated: "not a date" });
      assert.ok(Number.isNaN(unparseable.createdAt.getTime()));
      assert.deepEqual(flagsOf(unparseable, hygieneRules({ maxAgeDays: 1 }), now), []);
      assert.deepEqual(flagsOf(pat({ dateCreated: createdDaysAgo(-500) }), rules, now), []);
    });

    it("turns the age check off with 0", () => {
      const old = pat({ dateCreated: createdDaysAgo(5000) });
      assert.deepEqual(kinds(flagsOf(old, rules, now)), ["old"]);
      assert.deepEqual(flagsOf(old, hygieneRules({ maxAgeDays: 0 }), now), []);
    });

    it("flags a full admin token, whatever operations it lists", () => {
      for (const operations of [undefined, [], ["Wallets:Read"]]) {
        const admin = pat({
          dateCreated: fresh,
          permissionAssignments: [assignment("DfnsFullAdminAccess", operations)],
        });
        const flags = flagsOf(admin, hygieneRules({ sensitiveOperations: [], maxOperations: 0 }), now);
        assert.deepEqual(plain(flags), [
          {
            kind: "fullAdmin",
            label: "full admin",
            explanation: "Holds DfnsFullAdminAccess, which grants every operation.",
          },
        ]);
        assert.equal(severityOf(flags), "warning");
      }
    });

    it("lets full admin stand in for the sensitive and many-operations flags", () => {
      const admin = pat({
        dateCreated: fresh,
        permissionAssignments: [
          assignment("DfnsFullAdminAccess", undefined),
          assignment("Exporters", ["Wallets:Export", ...reads(60)]),
        ],
      });
      assert.deepEqual(kinds(flagsOf(admin, rules, now)), ["fullAdmin"]);
    });

    it("flags more operations than the limit with the count, and turns off with 0", () => {
      const broad = pat({ dateCreated: fresh, permissionAssignments: [assignment("Many", reads(64))] });
      assert.deepEqual(plain(flagsOf(broad, rules, now)), [
        {
          kind: "manyOperations",
          label: "64 operations",
          explanation: "Grants 64 operations, more than 50: consider narrowing its permissions.",
        },
      ]);
      const atLimit = pat({ dateCreated: fresh, permissionAssignments: [assignment("Many", reads(50))] });
      assert.deepEqual(flagsOf(atLimit, rules, now), []);
      assert.deepEqual(flagsOf(broad, hygieneRules({ maxOperations: 0 }), now), []);
      assert.deepEqual(kinds(flagsOf(atLimit, hygieneRules({ maxOperations: 10 }), now)), ["manyOperations"]);
    });

    it("counts operations across every assignment, as the tooltip does", () => {
      const split = pat({
        dateCreated: fresh,
        permissionAssignments: [assignment("A", reads(30), "a"), assignment("B", reads(30), "b")],
      });
      assert.equal(flagsOf(split, rules, now)[0]?.label, "60 operations");
    });

    it("flags sensitive operations and names them, sorted and once", () => {
      const payer = pat({
        dateCreated: fresh,
        permissionAssignments: [
          assignment("Payers", ["Payments:Create", "Wallets:Read", "Wallets:Export"], "p"),
          assignment("Exporters", ["Wallets:Export"], "e"),
        ],
      });
      const flags = flagsOf(payer, rules, now);
      assert.deepEqual(plain(flags), [
        {
          kind: "sensitive",
          label: "sensitive",
          explanation: "Grants sensitive operations: Payments:Create, Wallets:Export.",
        },
      ]);
      assert.equal(severityOf(flags), "warning");
    });

    it("matches wildcard patterns whole and case-sensitively", () => {
      const flagged = (operation: string) =>
        kinds(
          flagsOf(
            pat({ dateCreated: fresh, permissionAssignments: [assignment("P", [operation])] }),
            rules,
            now,
          ),
        );
      assert.deepEqual(flagged("Permissions:Assign"), ["sensitive"]);
      assert.deepEqual(flagged("Permissions:Assignments:Read"), ["sensitive"]);
      assert.deepEqual(flagged("Auth:Users:Create"), ["sensitive"]);
      assert.deepEqual(flagged("Auth:Pats:Create"), ["sensitive"]);
      assert.deepEqual(flagged("Auth:Users:Read"), []);
      assert.deepEqual(flagged("permissions:assign"), []);
      assert.deepEqual(flagged("Wallets:ExportAll"), []);
      assert.deepEqual(flagged("XPermissions:Read"), []);
    });

    it("uses the configured patterns, and none when the list is empty", () => {
      const keys = pat({
        dateCreated: fresh,
        permissionAssignments: [assignment("K", ["Keys:Create", "Wallets:Export"])],
      });
      const custom = hygieneRules({ sensitiveOperations: ["Keys:*"] });
      assert.equal(flagsOf(keys, custom, now)[0]?.explanation, "Grants sensitive operations: Keys:Create.");
      assert.deepEqual(flagsOf(keys, hygieneRules({ sensitiveOperations: [] }), now), []);
    });

    it("names at most five sensitive operations and counts the rest", () => {
      const operations = ["P:1", "P:2", "P:3", "P:4", "P:5", "P:6", "P:7"];
      const many = pat({ dateCreated: fresh, permissionAssignments: [assignment("P", operations)] });
      const flags = flagsOf(many, hygieneRules({ sensitiveOperations: ["P:*"] }), now);
      assert.equal(flags[0]?.explanation, "Grants sensitive operations: P:1, P:2, P:3, P:4, P:5 and 2 more.");
    });

    it("gives the same answers when one rules object serves many tokens", () => {
      const custom: HygieneRules = hygieneRules({ sensitiveOperations: ["Keys:Export"] });
      const exporter = pat({ dateCreated: fresh, permissionAssignments: [assignment("K", ["Keys:Export"])] });
      const reader = pat({ dateCreated: fresh, permissionAssignments: [assignment("K", ["Keys:Read"])] });
      for (let round = 0; round < 3; round++) {
        assert.deepEqual(kinds(flagsOf(exporter, custom, now)), ["sensitive"]);
        assert.deepEqual(kinds(flagsOf(reader, custom, now)), []);
      }
      // A different rules object is compiled on its own, not served from another's cache.
      assert.deepEqual(kinds(flagsOf(reader, hygieneRules({ sensitiveOperations: ["Keys:Read"] }), now)), [
        "sensitive",
      ]);
    });

    it("orders flags most serious first: full admin or sensitive, then many operations, then old", () => {
      const everything = pat({
        dateCreated: createdDaysAgo(200),
        permissionAssignments: [assignment("All", ["Wallets:Export", ...reads(60)])],
      });
      assert.deepEqual(kinds(flagsOf(everything, rules, now)), ["sensitive", "manyOperations", "old"]);
      const oldAdmin = pat({
        dateCreated: createdDaysAgo(200),
        permissionAssignments: [assignment("DfnsFullAdminAccess", undefined)],
      });
      assert.deepEqual(kinds(flagsOf(oldAdmin, rules, now)), ["fullAdmin", "old"]);
    });

    it("treats only inactive as info, any other flag as a warning", () => {
      const flag = (kind: Flag["kind"]): Flag => ({ kind, label: kind, explanation: kind });
      assert.equal(severityOf([]), "none");
      assert.equal(severityOf([flag("inactive")]), "info");
      for (const kind of ["old", "fullAdmin", "manyOperations", "sensitive"] as const) {
        assert.equal(severityOf([flag(kind)]), "warning", kind);
      }
    });
  });

  describe("the signed-in token's expiry", () => {
    it("says nothing when the expiry is unknown or unparseable", () => {
      assert.equal(expiryNotice(undefined, now), undefined);
      assert.equal(expiryNotice(new Date(Number.NaN), now), undefined);
    });

    it("warns once expired, at the very moment too", () => {
      const at = new Date(now - 2 * day);
      assert.deepEqual(expiryNotice(at, now), {
        label: "expired",
        warning: true,
        explanation: `Your token expired on ${at.toISOString().slice(0, 19).replace("T", " ")} UTC: sign in with a new one.`,
      });
      assert.equal(expiryNotice(new Date(now), now)?.label, "expired");
      assert.equal(expiryNotice(new Date(now - 1), now, 0)?.warning, true);
    });

    it("warns when it expires within the warning window, in days, hours or less", () => {
      const soon = expiryNotice(new Date(now + 5 * day + 3 * 3600 * 1000), now);
      assert.equal(soon?.label, "expires in 5 days");
      assert.equal(soon?.warning, true);
      assert.match(
        soon?.explanation ?? "",
        /^Your token expires on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: create a new one/,
      );
      assert.equal(expiryNotice(new Date(now + 7 * day), now)?.warning, true);
      assert.equal(expiryNotice(new Date(now + day), now)?.label, "expires in 1 day");
      assert.equal(expiryNotice(new Date(now + 3 * 3600 * 1000), now)?.label, "expires in 3 hours");
      assert.equal(expiryNotice(new Date(now + 3600 * 1000), now)?.label, "expires in 1 hour");
      assert.equal(expiryNotice(new Date(now + 60 * 1000), now)?.label, "expires in less than an hour");
    });

    it("shows a far expiry without warning", () => {
      const at = new Date(now + 30 * day);
      assert.deepEqual(expiryNotice(at, now), {
        label: "expires in 30 days",
        warning: false,
        explanation: `Your token expires on ${at.toISOString().slice(0, 19).replace("T", " ")} UTC.`,
      });
      assert.equal(expiryNotice(new Date(now + 7 * day + 1), now)?.warning, false);
    });

    it("honours warnDays, 0 warning only once expired, and falls back for bad values", () => {
      const inTenDays = new Date(now + 10 * day);
      assert.equal(expiryNotice(inTenDays, now, 14)?.warning, true);
      assert.equal(expiryNotice(new Date(now + 3600 * 1000), now, 0)?.warning, false);
      assert.equal(expiryNotice(new Date(now + 5 * day), now, Number.NaN)?.warning, true);
      assert.equal(expiryNotice(new Date(now + 5 * day), now, -3)?.warning, true);
      assert.equal(expiryNotice(inTenDays, now, -3)?.warning, false);
    });
  });
});

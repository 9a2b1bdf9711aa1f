/**
 * Token hygiene: which tokens deserve a second look (inactive, old, broad), and how close the
 * signed-in token is to expiring. Pure (no `vscode` import) so it runs in plain Node tests; the tree
 * turns the flags into an icon colour, a row description and tooltip lines.
 */
import { operationCount, type Pat } from "../dfns/types";
import { l10n } from "../util/l10n";
import { absoluteTime } from "../util/time";
import { fullAdminPermission, operationPattern } from "./grants";

const dayMs = 24 * 3600 * 1000;
const hourMs = 3600 * 1000;

export interface HygieneRules {
  /** Flag tokens created more than this many days ago; 0 turns the age check off. */
  readonly maxAgeDays: number;
  /** Flag tokens granting more than this many operations; 0 turns the check off. */
  readonly maxOperations: number;
  /** Operation patterns (`*` matches any run, colons included) that make a token sensitive; [] = off. */
  readonly sensitiveOperations: readonly string[];
}

export const defaultHygieneRules: HygieneRules = Object.freeze({
  // The usual rotation period in security baselines; the product issue asks for it.
  maxAgeDays: 90,
  // A narrow automation role needs a handful of operations, and even a whole namespace (Auth, the
  // largest, has about 40) stays below 50; more than that spans several areas, close to an admin role.
  maxOperations: 50,
  // Moving funds or keys out, and changing who may do what (permissions, new users, tokens, apps).
  sensitiveOperations: Object.freeze([
    "Wallets:Export",
    "Wallets:TransferAsset",
    "Wallets:Delegate",
    "Keys:Export",
    "Keys:Delegate",
    "Payments:Create",
    "Permissions:*",
    "Auth:*:Create",
  ]),
});

/** A finite number >= 0 as a setting may hold it, else `undefined` (strings such as "90" included). */
function nonNegative(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Rules from raw setting values, which may be of any type: each field that is not valid falls back
 * to its default on its own, so one typo does not switch every check off. In the list, non-strings
 * and blanks are dropped and entries trimmed; an empty list is a deliberate "off", but a non-empty
 * list with nothing usable in it falls back to the defaults rather than silently disabling the check.
 */
export function hygieneRules(raw: {
  maxAgeDays?: unknown;
  maxOperations?: unknown;
  sensitiveOperations?: unknown;
}): HygieneRules {
  let sensitiveOperations = defaultHygieneRules.sensitiveOperations;
  if (Array.isArray(raw.sensitiveOperations)) {
    const valid = raw.sensitiveOperations
      .filter((entry): entry is string => typeof entry === "string")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    if (valid.length > 0 || raw.sensitiveOperations.length === 0) {
      sensitiveOperations = Object.freeze([...new Set(valid)]);
    }
  }
  return Object.freeze({
    maxAgeDays: nonNegative(raw.maxAgeDays) ?? defaultHygieneRules.maxAgeDays,
    maxOperations: nonNegative(raw.maxOperations) ?? defaultHygieneRules.maxOperations,
    sensitiveOperations,
  });
}

export type FlagKind = "inactive" | "old" | "fullAdmin" | "manyOperations" | "sensitive";

export interface Flag {
  readonly kind: FlagKind;
  /** Short, for a row description: "inactive", "consider rotating", "full admin", "64 operations", "sensitive". */
  readonly label: string;
  /** One sentence for the tooltip, saying why the token is flagged and what to do. */
  readonly explanation: string;
}

/** Tests operation names against the sensitive patterns, remembering each name's answer. */
type SensitiveTest = (operation: string) => boolean;

// flagsOf runs for thousands of tokens that share a few hundred operation names: compile the
// patterns into one RegExp once per rules object, and test each distinct name once.
const compiled = new WeakMap<HygieneRules, SensitiveTest>();

function sensitiveTest(rules: HygieneRules): SensitiveTest {
  let test = compiled.get(rules);
  if (!test) {
    const sources = rules.sensitiveOperations.map((text) => `(?:${operationPattern(text).source})`);
    const pattern = sources.length > 0 ? new RegExp(sources.join("|")) : undefined;
    const answers = new Map<string, boolean>();
    test = (operation) => {
      let answer = answers.get(operation);
      if (answer === undefined) {
        answer = pattern?.test(operation) ?? false;
        answers.set(operation, answer);
      }
      return answer;
    };
    compiled.set(rules, test);
  }
  return test;
}

/** How many sensitive operations a tooltip names before "and N more". */
const listedSensitive = 5;

function sensitiveExplanation(operations: readonly string[]): string {
  const shown = operations.slice(0, listedSensitive).join(", ");
  const more = operations.length - listedSensitive;
  return more > 0
    ? l10n.t("Grants sensitive operations: {0} and {1} more.", shown, more)
    : l10n.t("Grants sensitive operations: {0}.", shown);
}

/**
 * A flag whose explanation is worked out when read: flagsOf runs for every row of a refresh, and
 * only a hovered row's tooltip reads the explanation. It keeps what it needs instead of a closure,
 * so a refresh of 10,000 tokens makes as few objects as it can.
 */
class TokenFlag implements Flag {
  constructor(
    readonly kind: FlagKind,
    readonly label: string,
    private readonly pat: Pat,
    private readonly rules: HygieneRules,
    private readonly ageDays: number,
  ) {}

  get explanation(): string {
    switch (this.kind) {
      case "inactive":
        return l10n.t("Inactive: it cannot be used; delete it if it is no longer needed.");
      case "fullAdmin":
        return l10n.t("Holds {0}, which grants every operation.", fullAdminPermission);
      case "sensitive":
        return sensitiveExplanation(sensitiveOperations(this.pat, sensitiveTest(this.rules)));
      case "manyOperations":
        return l10n.t(
          "Grants {0} operations, more than {1}: consider narrowing its permissions.",
          operationCount(this.pat),
          this.rules.maxOperations,
        );
      case "old":
        break;
    }
    return l10n.t(
      "Created {0} days ago, more than {1}: consider rotating it.",
      this.ageDays,
      this.rules.maxAgeDays,
    );
  }
}

/** The sensitive operations a token grants, sorted, each once: only for the tooltip's explanation. */
function sensitiveOperations(pat: Pat, isSensitive: SensitiveTest): string[] {
  const found = new Set<string>();
  for (const assignment of pat.permissionAssignments) {
    for (const operation of assignment.operations ?? []) {
      if (isSensitive(operation)) found.add(operation);
    }
  }
  return [...found].sort();
}

function grantsAny(pat: Pat, isSensitive: SensitiveTest): boolean {
  return pat.permissionAssignments.some((assignment) => assignment.operations?.some(isSensitive) === true);
}

/** Most tokens have no flag: they share one empty list. */
const noFlags: readonly Flag[] = Object.freeze([]);

/**
 * The flags of one token, most serious first: full admin, sensitive, many operations, old.
 *
 * An inactive token gets the single flag "inactive": it cannot call the API, so age and breadth
 * warnings on it would be noise that draws attention from tokens that can. Full admin grants every
 * operation, so it replaces the "sensitive" and "many operations" flags instead of repeating them.
 * The operation count is `operationCount`, the number the token's tooltip shows.
 */
export function flagsOf(pat: Pat, rules: HygieneRules, now: number): readonly Flag[] {
  // NaN (an unparseable date) fails every comparison, so it never reads as old.
  const ageDays = Math.floor((now - pat.createdAt.getTime()) / dayMs);
  const flag = (kind: FlagKind, label: string) => new TokenFlag(kind, label, pat, rules, ageDays);
  if (!pat.isActive) return [flag("inactive", l10n.t("inactive"))];
  let flags: Flag[] | undefined;
  const add = (added: Flag) => {
    flags ??= [];
    flags.push(added);
  };
  if (pat.permissionAssignments.some((assignment) => assignment.permissionName === fullAdminPermission)) {
    add(flag("fullAdmin", l10n.t("full admin")));
  } else {
    if (grantsAny(pat, sensitiveTest(rules))) add(flag("sensitive", l10n.t("sensitive")));
    const count = operationCount(pat);
    if (rules.maxOperations > 0 && count > rules.maxOperations) {
      add(flag("manyOperations", l10n.t("{0} operations", count)));
    }
  }
  // The row already shows the age; the flag says what to do about it.
  if (rules.maxAgeDays > 0 && ageDays > rules.maxAgeDays) add(flag("old", l10n.t("consider rotating")));
  return flags ?? noFlags;
}

export type FlagSeverity = "none" | "info" | "warning";

/**
 * For the icon colour: "warning" when the token is usable and old or broad, "info" when it is only
 * inactive (harmless as it stands, worth cleaning up), "none" without flags.
 */
export function severityOf(flags: readonly Flag[]): FlagSeverity {
  if (flags.length === 0) return "none";
  return flags.every((flag) => flag.kind === "inactive") ? "info" : "warning";
}

export interface ExpiryNotice {
  /** Short, for the connection row: "expired", "expires in 5 days", "expires in 3 hours". */
  readonly label: string;
  /** Expired, or expiring within the warning window. */
  readonly warning: boolean;
  /** One sentence for the tooltip, with the absolute expiry time. */
  readonly explanation: string;
}

export const defaultExpiryWarnDays = 7;

function remaining(ms: number): string {
  const days = Math.floor(ms / dayMs);
  if (days >= 1) return days === 1 ? l10n.t("expires in 1 day") : l10n.t("expires in {0} days", days);
  const hours = Math.floor(ms / hourMs);
  if (hours >= 1) return hours === 1 ? l10n.t("expires in 1 hour") : l10n.t("expires in {0} hours", hours);
  return l10n.t("expires in less than an hour");
}

/**
 * The signed-in token's own expiry (from its JWT `exp`): `undefined` when unknown or unparseable.
 * It warns once `warnDays` or less remain (an invalid `warnDays` means the default, 0 warns only
 * once expired), so there is time to create a new token before requests start failing.
 */
export function expiryNotice(
  expiresAt: Date | undefined,
  now: number,
  warnDays: number = defaultExpiryWarnDays,
): ExpiryNotice | undefined {
  const at = expiresAt && absoluteTime(expiresAt);
  if (!expiresAt || at === undefined) return undefined;
  const window = (nonNegative(warnDays) ?? defaultExpiryWarnDays) * dayMs;
  const left = expiresAt.getTime() - now;
  if (left <= 0) {
    return {
      label: l10n.t("expired"),
      warning: true,
      explanation: l10n.t("Your token expired on {0}: sign in with a new one.", at),
    };
  }
  if (left <= window) {
    return {
      label: remaining(left),
      warning: true,
      explanation: l10n.t("Your token expires on {0}: create a new one and sign in with it before then.", at),
    };
  }
  return { label: remaining(left), warning: false, explanation: l10n.t("Your token expires on {0}.", at) };
}

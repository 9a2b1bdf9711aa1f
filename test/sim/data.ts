// Deterministic, realistic Dfns PAT lists. Same seed + same `now` => byte-identical output, so tests,
// benchmarks and screenshots are reproducible. Shapes follow /work/shared/notes/dfns-api.md.

export interface PermissionAssignment {
  permissionName: string;
  permissionId: string;
  assignmentId: string;
  operations?: string[];
}

export interface PatItem {
  tokenId: string;
  name: string;
  kind: string;
  isActive: boolean;
  dateCreated: string;
  credId: string;
  linkedUserId: string;
  linkedAppId: string;
  orgId: string;
  publicKey: string;
  permissionAssignments: PermissionAssignment[];
}

export interface Identity {
  userId: string;
  orgId: string;
}

export interface GenerateOptions {
  seed?: number;
  /** Reference time (ms); dates are placed up to two years before it. */
  now?: number;
  /** Fixed number of assignments per PAT (disables the random 0..3 and the "no operations key" mix). */
  assignmentsPerPat?: number;
  /** Fixed number of operations per assignment; every assignment then carries `operations`. */
  operationsPerAssignment?: number;
  /** Owner of the PATs; defaults to `identityFor(seed)`. */
  userId?: string;
  orgId?: string;
}

export const DEFAULT_SEED = 1;
export const FULL_ADMIN = "DfnsFullAdminAccess";

/** mulberry32: tiny, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error("pick from empty list");
    return item;
  }
  /** `n` distinct items (order randomised); n may not exceed list length. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
  chars(alphabet: string, n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

// Crockford-style lowercase base32, as seen in real ids like `to-7vwr2-h2f29-9m6a0fmkk7rr2hj7`.
const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function dfnsId(rng: Rng, prefix: string): string {
  return `${prefix}-${rng.chars(ID_ALPHABET, 5)}-${rng.chars(ID_ALPHABET, 5)}-${rng.chars(ID_ALPHABET, 16)}`;
}

/** The caller's user and org for a seed; the simulator's tokens use the same ids. */
export function identityFor(seed: number = DEFAULT_SEED): Identity {
  const rng = new Rng(seed ^ 0x5eed);
  return { userId: dfnsId(rng, "us"), orgId: dfnsId(rng, "or") };
}

export const OPERATIONS: readonly string[] = [
  "Auth:Users:Read",
  "Auth:Users:Create",
  "Auth:Users:Update",
  "Auth:Users:Activate",
  "Auth:Users:Deactivate",
  "Auth:Users:Delete",
  "Auth:Pats:Read",
  "Auth:Pats:Create",
  "Auth:Pats:Update",
  "Auth:Pats:Activate",
  "Auth:Pats:Deactivate",
  "Auth:Pats:Delete",
  "Auth:ServiceAccounts:Read",
  "Auth:ServiceAccounts:Create",
  "Auth:ServiceAccounts:Update",
  "Auth:ServiceAccounts:Deactivate",
  "Auth:Types:Pat",
  "Auth:Types:User",
  "Auth:Types:ServiceAccount",
  "Auth:Apps:Read",
  "Auth:Creds:Read",
  "Auth:Creds:Create",
  "Auth:Action:Sign",
  "Permissions:Read",
  "Permissions:Create",
  "Permissions:Update",
  "Permissions:Archive",
  "Permissions:Assign",
  "Permissions:Revoke",
  "Permissions:Assignments:Read",
  "Policies:Read",
  "Policies:Create",
  "Policies:Update",
  "Policies:Archive",
  "Policies:Approvals:Read",
  "Policies:Approvals:Approve",
  "Wallets:Read",
  "Wallets:Create",
  "Wallets:Update",
  "Wallets:Delegate",
  "Wallets:Export",
  "Wallets:Import",
  "Wallets:Tags:Add",
  "Wallets:Tags:Delete",
  "Wallets:TransferAsset",
  "Wallets:ReadTransfer",
  "Wallets:BroadcastTransaction",
  "Wallets:ReadTransaction",
  "Wallets:GenerateSignature",
  "Wallets:ReadSignature",
  "Keys:Read",
  "Keys:Create",
  "Keys:Delegate",
  "Keys:Export",
  "Keys:Signatures:Create",
  "Keys:Signatures:Read",
  "Payments:Read",
  "Payments:Create",
  "Webhooks:Read",
  "Webhooks:Create",
  "Webhooks:Update",
  "Webhooks:Delete",
  "Webhooks:Ping",
  "Webhooks:Events:Read",
  "Signers:ListSigners",
  "Staking:Read",
  "Staking:Create",
  "FeeSponsors:Read",
  "Swaps:Create",
];

// Custom permissions with the operation families they plausibly grant, so the demo reads true.
const PERMISSIONS: readonly (readonly [string, RegExp])[] = [
  ["ReadOnlyAuditors", /Read|List/],
  ["TreasuryOperators", /^(Wallets|Payments):/],
  ["WalletViewer", /^Wallets:Read/],
  ["CI Deploy", /^(Auth|Webhooks|Policies):/],
  ["PaymentsInitiator", /^Payments:|^Wallets:(Read|TransferAsset)/],
  ["KeyCustodians", /^Keys:/],
  ["WebhookAdmin", /^Webhooks:/],
  ["PolicyManagers", /^(Policies|Permissions):/],
  ["TokenAdministration", /^Auth:(Pats|Types|ServiceAccounts)/],
  ["Support (read only)", /:Read$/],
  ["SettlementSigner", /^Wallets:|^Keys:Signatures/],
];

const BASE_NAMES: readonly string[] = [
  "ci-deployer",
  "treasury-bot",
  "payments-service",
  "audit-reader",
  "webhook-relay",
  "staging-smoke-tests",
  "backoffice-admin",
  "settlement-worker",
  "key-rotation-job",
  "grafana-exporter",
  "compliance-export",
  "ops-oncall",
  "mobile-backend",
  "custody-sync",
  "nightly-reconciler",
  "terraform-provisioner",
  "withdrawals-api",
  "deposits-watcher",
  "policy-automation",
  "support-readonly",
  "data-warehouse-etl",
  "hot-wallet-refill",
  "cold-storage-sweeper",
  "risk-engine",
  "Zapier integration",
  "Bob's laptop CLI",
  "Légal export (Q3)",
];

const OTHER_KINDS: readonly string[] = ["ServiceAccount", "Application", "Token", "Code"];
const DAY_MS = 86_400_000;

interface Permission {
  name: string;
  id: string;
  operations: string[];
}

/** Unique names: the realistic base list in seeded order, then the same with -2, -3, ... */
function uniqueNames(rng: Rng, count: number): string[] {
  const order = rng.sample(BASE_NAMES, BASE_NAMES.length);
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / order.length);
    const base = order[i % order.length] as string;
    return round === 0 ? base : `${base}-${round + 1}`;
  });
}

function pickOperations(rng: Rng, count: number, family: readonly string[]): string[] {
  if (count <= family.length) return rng.sample(family, count);
  if (count <= OPERATIONS.length) return rng.sample(OPERATIONS, count);
  // More than the catalogue: the set grows over time, so invent plausible future operations.
  const extra = Array.from({ length: count - OPERATIONS.length }, (_, i) => `Future:Feature${i + 1}:Use`);
  return [...rng.sample(OPERATIONS, OPERATIONS.length), ...extra];
}

function catalog(rng: Rng, opts: GenerateOptions, minSize: number): Permission[] {
  const defs: (readonly [string, RegExp])[] = [[FULL_ADMIN, /./], ...PERMISSIONS];
  for (let i = defs.length; i < minSize; i++) defs.push([`Custom permission ${i}`, /./]);
  return defs.map(([name, pattern]) => {
    const family = OPERATIONS.filter((op) => pattern.test(op));
    const count = name === FULL_ADMIN ? OPERATIONS.length : rng.int(1, Math.min(14, family.length));
    return {
      name,
      id: dfnsId(rng, "pm"),
      operations: pickOperations(rng, opts.operationsPerAssignment ?? count, family),
    };
  });
}

function assignmentsFor(rng: Rng, perms: Permission[], opts: GenerateOptions): PermissionAssignment[] {
  const fixedCount = opts.assignmentsPerPat;
  const count = fixedCount ?? rng.pick([0, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
  // Full admin is rarer than the others, so pick it only with its own small chance.
  const pool = fixedCount === undefined && !rng.chance(0.15) ? perms.slice(1) : perms;
  return rng.sample(pool, count).map((p) => {
    const a: PermissionAssignment = {
      permissionName: p.name,
      permissionId: p.id,
      assignmentId: rng.chance(0.1) ? "" : dfnsId(rng, "as"),
    };
    const omit = opts.operationsPerAssignment === undefined && rng.chance(0.15);
    if (!omit) a.operations = [...p.operations];
    return a;
  });
}

/** Generate `count` PATs owned by one caller, as `GET /auth/pats` would list them. */
export function generatePats(count: number, options: GenerateOptions = {}): PatItem[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? Date.now();
  const who = identityFor(seed);
  const userId = options.userId ?? who.userId;
  const orgId = options.orgId ?? who.orgId;
  const rng = new Rng(seed);
  const perms = catalog(rng, options, options.assignmentsPerPat ?? 0);
  const names = uniqueNames(rng, count);
  const items: PatItem[] = [];
  for (let i = 0; i < count; i++) {
    items.push({
      tokenId: dfnsId(rng, "to"),
      name: names[i] as string,
      kind: rng.chance(0.08) ? rng.pick(OTHER_KINDS) : "Pat",
      isActive: !rng.chance(0.2),
      // Up to two years old, most of them recent (squared: about a third within 90 days), as in an
      // organisation that rotates some tokens and forgets others.
      dateCreated: new Date(now - 60_000 - Math.floor(rng.float() ** 2 * 730 * DAY_MS)).toISOString(),
      credId: rng.chance(0.15) ? "" : rng.chars(B64URL, 43),
      linkedUserId: userId,
      linkedAppId: rng.chance(0.7) ? "" : dfnsId(rng, "ap"),
      orgId,
      publicKey: rng.chance(0.15) ? "" : `SHA256:${rng.chars(B64, 43)}`,
      permissionAssignments: assignmentsFor(rng, perms, options),
    });
  }
  ensureVariety(rng, items, perms, options);
  return items;
}

/** Small lists (the demo's ~25) must still show every edge case, so force one of each if missing. */
function ensureVariety(rng: Rng, items: PatItem[], perms: Permission[], opts: GenerateOptions): void {
  if (items.length < 8) return;
  const at = (i: number) => items[i] as PatItem;
  if (!items.some((p) => !p.isActive)) at(1).isActive = false;
  if (!items.some((p) => p.credId === "")) at(2).credId = "";
  if (!items.some((p) => p.kind !== "Pat")) at(3).kind = "ServiceAccount";
  if (!items.some((p) => p.publicKey === "")) at(4).publicKey = "";
  const all = items.flatMap((p) => p.permissionAssignments);
  const admin = perms[0] as Permission;
  if (!all.some((a) => a.permissionName === FULL_ADMIN)) {
    const slot = at(5).permissionAssignments;
    const a = { permissionName: admin.name, permissionId: admin.id, assignmentId: dfnsId(rng, "as") };
    // Keep fixed shapes exact: replace instead of adding when the count is fixed.
    if (opts.assignmentsPerPat !== undefined && slot.length > 0) slot.pop();
    if (opts.assignmentsPerPat === undefined || opts.assignmentsPerPat > 0) {
      slot.push(opts.operationsPerAssignment === undefined ? a : { ...a, operations: [...admin.operations] });
    }
  }
  if (opts.operationsPerAssignment === undefined && all.every((a) => a.operations !== undefined)) {
    const target = items.find((p) => p.permissionAssignments.length > 0)?.permissionAssignments[0];
    if (target) delete target.operations;
  }
}

import { type ConnectionInfo, describeConnection } from "../../src/connections/connectionStore";
import { parsePatPage } from "../../src/dfns/parse";
import type { PatListState } from "../../src/pats/patList";

/** Small hand-written PAT bodies for the pure tests; obviously fake ids, no secrets. */
export function rawPat(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tokenId: "to-test0-aaaaa-0000000000000001",
    name: "ci-deployer",
    kind: "Pat",
    isActive: true,
    dateCreated: "2026-11-01T10:00:00.000Z",
    credId: "cr-test0-aaaaa-0000000000000001",
    linkedUserId: "us-test0-aaaaa-0000000000000001",
    linkedAppId: "",
    orgId: "or-test0-aaaaa-0000000000000001",
    publicKey: "SHA256:fakefingerprint",
    permissionAssignments: [
      {
        permissionName: "Wallet readers",
        permissionId: "pm-test0-aaaaa-0000000000000001",
        assignmentId: "as-test0-aaaaa-0000000000000001",
        operations: ["Wallets:Read", "Wallets:Create"],
      },
    ],
    ...overrides,
  };
}

export const now = Date.parse("2026-12-03T12:00:00.000Z");

/** A stored connection as the store would describe it; an obviously fake opaque token. */
export function testConnection(id = "c1", baseUrl = "https://api.dfns.io", name?: string): ConnectionInfo {
  return describeConnection({ baseUrl, token: `fake-test-token-${id}` }, id, name);
}

/** A connection's list state just after `items` were fetched, as the tree sees it. */
export function loadedState(
  items: readonly unknown[],
  connection: ConnectionInfo = testConnection(),
): PatListState {
  const { pats, invalid } = parsePatPage({ items: [...items] });
  return {
    connection,
    snapshot: { list: { pats, invalid }, fetchedAt: new Date(now) },
    error: undefined,
    loading: false,
  };
}

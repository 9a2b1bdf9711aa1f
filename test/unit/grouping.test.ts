import assert from "node:assert/strict";
import type { ConnectionInfo } from "../../src/connections/connectionStore";
import { parsePatPage } from "../../src/dfns/parse";
import type { PatListState } from "../../src/pats/patList";
import { childNodes, rootNodes } from "../../src/tree/model";
import { groupByNamespace, namespaceOf } from "../../src/tree/namespaces";
import { primaryId, type TreeNode } from "../../src/tree/nodes";
import { now, rawPat, testConnection } from "./fixtures";

const connection: ConnectionInfo = testConnection();

const manyOperations = [
  "Wallets:Read",
  "Auth:Users:Create",
  "Wallets:Create",
  "Wallets:Transfer",
  "Auth:Users:Read",
  "Keys:Read",
  "Wallets:Update",
  "Wallets:Delete",
  "Auth:Pats:Create",
];

function assignmentWith(operations: string[]): TreeNode {
  const { pats, invalid } = parsePatPage({
    items: [
      rawPat({
        permissionAssignments: [
          { permissionName: "Big", permissionId: "pm-big", assignmentId: "as-big", operations },
        ],
      }),
    ],
  });
  const state: PatListState = {
    connection,
    snapshot: { list: { pats, invalid }, fetchedAt: new Date(now) },
    error: undefined,
    loading: false,
  };
  const [pat] = rootNodes(state, now);
  const [assignment] = childNodes(pat as TreeNode);
  return assignment as TreeNode;
}

function labels(nodes: TreeNode[]): string[] {
  return nodes.map((node) => node.label);
}

describe("operations grouped by namespace", () => {
  it("takes the part before the first colon as the namespace", () => {
    assert.equal(namespaceOf("Auth:Users:Create"), "Auth");
    assert.equal(namespaceOf("Ungrouped"), "Ungrouped");
    assert.deepEqual(groupByNamespace(["B:1", "A:1", "B:2"]), [
      { namespace: "A", operations: ["A:1"] },
      { namespace: "B", operations: ["B:1", "B:2"] },
    ]);
  });

  it("shows namespace rows with counts under an assignment of more than 8 operations", () => {
    const assignment = assignmentWith(manyOperations);
    const namespaces = childNodes(assignment);
    assert.deepEqual(labels(namespaces), ["Auth (3)", "Keys (1)", "Wallets (5)"]);
    const wallets = namespaces[2] as TreeNode;
    assert.equal(wallets.id, `${assignment.id}/ns:Wallets`);
    assert.equal(wallets.contextValue, "dfnsNamespace");
    assert.equal(wallets.collapsible, true);
    assert.equal(primaryId(wallets), undefined);
    assert.ok(!("pat" in wallets), "a namespace row carries no token to copy");
  });

  it("expands a namespace into operation rows that still copy as operations", () => {
    const assignment = assignmentWith(manyOperations);
    const wallets = childNodes(assignment)[2] as TreeNode;
    const operations = childNodes(wallets);
    assert.deepEqual(labels(operations), [
      "Wallets:Read",
      "Wallets:Create",
      "Wallets:Transfer",
      "Wallets:Update",
      "Wallets:Delete",
    ]);
    const [first] = operations;
    assert.equal(first?.kind, "operation");
    assert.equal(first?.contextValue, "dfnsOperation hasOperation");
    assert.equal(first && primaryId(first), "Wallets:Read");
    assert.equal(first?.kind === "operation" && first.assignment.permissionId, "pm-big");
    assert.equal(first?.parent, wallets);
    assert.equal(first?.id, `${wallets.id}/Wallets:Read`);
  });

  it("keeps 8 operations or fewer flat", () => {
    const eight = manyOperations.slice(0, 8);
    assert.deepEqual(labels(childNodes(assignmentWith(eight))), eight);
  });

  it("keeps a long list in one namespace flat, where a single group would only add a click", () => {
    const oneNamespace = Array.from({ length: 12 }, (_, i) => `Wallets:Op${i}`);
    assert.deepEqual(labels(childNodes(assignmentWith(oneNamespace))), oneNamespace);
  });

  it("lists flat when grouping is turned off", () => {
    assert.deepEqual(labels(childNodes(assignmentWith(manyOperations), false)), manyOperations);
  });

  it("gives namespace rows stable ids across rebuilds", () => {
    const first = childNodes(assignmentWith(manyOperations)).map((node) => node.id);
    const again = childNodes(assignmentWith([...manyOperations].reverse())).map((node) => node.id);
    assert.deepEqual(again, first);
  });
});

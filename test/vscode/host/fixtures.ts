// Hand-made PAT lists for the in-host suites, so assertions name exact values. Fake ids only.
export const alpha = {
  tokenId: "to-host0-alpha-0000000000000001",
  name: "alpha-deployer",
  kind: "Pat",
  isActive: true,
  dateCreated: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
  credId: "cr-host0-alpha-0000000000000001",
  linkedUserId: "us-host0-alpha-0000000000000001",
  linkedAppId: "",
  orgId: "or-host0-alpha-0000000000000001",
  publicKey: "SHA256:hostfakefingerprint",
  permissionAssignments: [
    {
      permissionName: "Wallet readers",
      permissionId: "pm-host0-alpha-0000000000000001",
      assignmentId: "as-host0-alpha-0000000000000001",
      operations: ["Wallets:Read", "Wallets:Create"],
    },
    { permissionName: "Legacy", permissionId: "pm-host0-alpha-0000000000000002", assignmentId: "" },
  ],
};

export const retired = {
  ...alpha,
  tokenId: "to-host0-retir-0000000000000002",
  name: "retired-bot",
  isActive: false,
  credId: "",
  permissionAssignments: [],
};

export const broken = { tokenId: "to-host0-broke-0000000000000003", name: "broken-entry", isActive: "maybe" };

export const sampleItems = [retired, broken, alpha];

/** Ten operations in three namespaces: more than the eight an assignment shows flat. */
export const manyOperations = [
  "Wallets:Read",
  "Auth:Users:Create",
  "Wallets:Create",
  "Wallets:Transfer",
  "Auth:Users:Read",
  "Keys:Read",
  "Wallets:Update",
  "Wallets:Delete",
  "Auth:Pats:Create",
  "Keys:Create",
];

export const operator = {
  ...alpha,
  tokenId: "to-host0-opera-0000000000000004",
  name: "operator",
  credId: "cr-host0-opera-0000000000000004",
  permissionAssignments: [
    {
      permissionName: "Operators",
      permissionId: "pm-host0-opera-0000000000000004",
      assignmentId: "as-host0-opera-0000000000000004",
      operations: manyOperations,
    },
  ],
};

export const rootAdmin = {
  ...alpha,
  tokenId: "to-host0-admin-0000000000000005",
  name: "root-admin",
  credId: "cr-host0-admin-0000000000000005",
  permissionAssignments: [
    {
      permissionName: "DfnsFullAdminAccess",
      permissionId: "pm-host0-admin-0000000000000005",
      assignmentId: "as-host0-admin-0000000000000005",
      operations: [],
    },
  ],
};

/** One permission assignment of a PAT, as `GET /auth/pats` returns it. */
export interface PermissionAssignment {
  readonly permissionName: string;
  readonly permissionId: string;
  /** May be "" in the API. */
  readonly assignmentId: string;
  /** `undefined` when the API omitted `operations` (shown as "no operations"). */
  readonly operations: readonly string[] | undefined;
}

/** A Personal Access Token as listed by Dfns. `accessToken` is deliberately not part of it. */
export interface Pat {
  readonly tokenId: string;
  readonly name: string;
  /** An open set: `Pat`, `ServiceAccount`, `Application`, ... */
  readonly kind: string;
  readonly isActive: boolean;
  /** As the API sent it (ISO 8601); see `createdAt` for the parsed value. */
  readonly dateCreated: string;
  readonly createdAt: Date;
  readonly credId: string;
  readonly linkedUserId: string;
  readonly linkedAppId: string;
  readonly orgId: string;
  readonly publicKey: string;
  readonly permissionAssignments: readonly PermissionAssignment[];
  /** The list item exactly as the API sent it, for Open Details and Copy as JSON. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A list item the parser could not accept, with the reason and whatever identified it. */
export interface InvalidPatItem {
  readonly index: number;
  readonly reason: string;
  readonly tokenId?: string;
  readonly name?: string;
}

export interface PatList {
  readonly pats: readonly Pat[];
  readonly invalid: readonly InvalidPatItem[];
}

export function operationCount(pat: Pat): number {
  let count = 0;
  for (const assignment of pat.permissionAssignments) {
    count += assignment.operations?.length ?? 0;
  }
  return count;
}

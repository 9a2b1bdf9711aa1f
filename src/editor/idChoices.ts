import type { Pat } from "../dfns/types";
import { type IdKind, idKindTitle } from "./idIndex";

/** One id a token carries, as the Insert ID pick offers it. */
export interface IdChoice {
  readonly kind: IdKind;
  readonly id: string;
  /** "Token ID", "Permission ID · Wallet readers", ... */
  readonly label: string;
}

/**
 * The ids of one token in a fixed order: token, credential, then each permission with its
 * assignment, then org and user. Ids the API left empty are not offered.
 */
export function idChoices(pat: Pat): IdChoice[] {
  const choice = (kind: IdKind, id: string, about?: string): IdChoice[] =>
    id === "" ? [] : [{ kind, id, label: idKindTitle(kind) + (about ? ` · ${about}` : "") }];
  return [
    ...choice("token", pat.tokenId),
    ...choice("credential", pat.credId),
    ...pat.permissionAssignments.flatMap((assignment) => [
      ...choice("permission", assignment.permissionId, assignment.permissionName),
      ...choice("assignment", assignment.assignmentId, assignment.permissionName),
    ]),
    ...choice("org", pat.orgId),
    ...choice("user", pat.linkedUserId),
  ];
}

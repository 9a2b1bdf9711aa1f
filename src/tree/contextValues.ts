import type { Pat, PermissionAssignment } from "../dfns/types";

/**
 * Rows carry space-separated words as their contextValue; package.json menus match them with
 * `viewItem =~ /\bword\b/`, so an empty ID is simply not offered.
 */
export function patContextValue(pat: Pat): string {
  return [
    "dfnsPat",
    "hasTokenId",
    pat.credId && "hasCredId",
    pat.linkedUserId && "hasUserId",
    pat.orgId && "hasOrgId",
  ]
    .filter(Boolean)
    .join(" ");
}

export function assignmentContextValue(assignment: PermissionAssignment): string {
  return [
    "dfnsAssignment",
    assignment.permissionId && "hasPermissionId",
    assignment.assignmentId && "hasAssignmentId",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Rename and remove act on it; it carries no ID to copy. */
export const connectionContextValue = "dfnsConnection";
export const operationContextValue = "dfnsOperation hasOperation";
/** No `has…` word: a namespace row offers nothing to copy. */
export const namespaceContextValue = "dfnsNamespace";
export function invalidContextValue(tokenId: string | undefined): string {
  return tokenId ? "dfnsInvalid hasTokenId" : "dfnsInvalid";
}

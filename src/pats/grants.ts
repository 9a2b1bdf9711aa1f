import type { Pat } from "../dfns/types";
import { l10n } from "../util/l10n";

/** The managed permission that grants every operation, whatever its assignment lists. */
export const fullAdminPermission = "DfnsFullAdminAccess";

export interface Grant {
  readonly pat: Pat;
  /** Names of the permissions through which the token grants a matching operation. */
  readonly permissions: readonly string[];
  /** The matching operations, sorted; for full admin also those seen on other tokens. */
  readonly operations: readonly string[];
  /** Whether it holds DfnsFullAdminAccess, which grants every operation. */
  readonly fullAdmin: boolean;
}

/**
 * A whole-string, case-sensitive pattern (Dfns operation names are case-sensitive) in which `*`
 * matches any run of characters, colons included, and everything else is literal.
 */
export function operationPattern(text: string): RegExp {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${text.trim().split("*").map(literal).join(".*")}$`);
}

/** Every operation any token lists, sorted and deduplicated. */
export function allOperations(pats: readonly Pat[]): string[] {
  const seen = new Set<string>();
  for (const pat of pats) {
    for (const assignment of pat.permissionAssignments) {
      for (const operation of assignment.operations ?? []) seen.add(operation);
    }
  }
  return [...seen].sort();
}

function permissionLabel(name: string, id: string): string {
  return name || id;
}

/** The tokens granting an operation matching `pattern`, in the order given. */
export function tokensGranting(pats: readonly Pat[], pattern: RegExp): Grant[] {
  const seenMatching = allOperations(pats).filter((operation) => pattern.test(operation));
  const grants: Grant[] = [];
  for (const pat of pats) {
    const permissions = new Set<string>();
    const operations = new Set<string>();
    let fullAdmin = false;
    for (const assignment of pat.permissionAssignments) {
      if (assignment.permissionName === fullAdminPermission) {
        fullAdmin = true;
        permissions.add(fullAdminPermission);
        continue;
      }
      const matching = (assignment.operations ?? []).filter((operation) => pattern.test(operation));
      if (matching.length === 0) continue;
      permissions.add(permissionLabel(assignment.permissionName, assignment.permissionId));
      for (const operation of matching) operations.add(operation);
    }
    if (fullAdmin) for (const operation of seenMatching) operations.add(operation);
    if (permissions.size > 0) {
      grants.push({ pat, permissions: [...permissions], operations: [...operations].sort(), fullAdmin });
    }
  }
  return grants;
}

/** How a grant's permissions read in a pick: `through Wallet readers, Signers`. */
export function describeThrough(grant: Grant): string {
  const others = grant.permissions.filter((permission) => permission !== fullAdminPermission);
  const parts = [
    ...(grant.fullAdmin ? [l10n.t("{0} (all operations)", fullAdminPermission)] : []),
    ...others,
  ];
  return l10n.t("through {0}", parts.join(", "));
}

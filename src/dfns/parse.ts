import type { InvalidPatItem, Pat, PatList, PermissionAssignment } from "./types";

/** The body was not a PAT list at all (as opposed to a list with some bad items). */
export class ResponseShapeError extends Error {}

export interface PatPage extends PatList {
  readonly nextPageToken: string | undefined;
}

/** Describes a JSON value's type in words for error messages: "null", "an array", "a number". */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Thrown inside item parsing only; becomes the reason of an invalid row. */
class ItemError extends Error {}

function requiredString(record: Record<string, unknown>, field: string, path: string): string {
  const value = record[field];
  if (typeof value !== "string") {
    throw new ItemError(
      `${path}${field} is ${value === undefined ? "missing" : describeType(value)}, expected a string`,
    );
  }
  return value;
}

/** Optional string fields: absent or null read as "" (the API itself uses "" for "none"). */
function optionalString(record: Record<string, unknown>, field: string, path: string): string {
  const value = record[field];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") {
    throw new ItemError(`${path}${field} is ${describeType(value)}, expected a string`);
  }
  return value;
}

function parseOperations(value: unknown, path: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new ItemError(`${path}operations is ${describeType(value)}, expected an array`);
  }
  value.forEach((operation, index) => {
    if (typeof operation !== "string") {
      throw new ItemError(`${path}operations[${index}] is ${describeType(operation)}, expected a string`);
    }
  });
  return value as string[];
}

function parseAssignment(value: unknown, index: number): PermissionAssignment {
  const path = `permissionAssignments[${index}].`;
  if (!isRecord(value)) {
    throw new ItemError(`permissionAssignments[${index}] is ${describeType(value)}, expected an object`);
  }
  return {
    permissionName: requiredString(value, "permissionName", path),
    permissionId: requiredString(value, "permissionId", path),
    assignmentId: optionalString(value, "assignmentId", path),
    operations: parseOperations(value.operations, path),
  };
}

function parseAssignments(value: unknown): readonly PermissionAssignment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ItemError(`permissionAssignments is ${describeType(value)}, expected an array`);
  }
  return value.map(parseAssignment);
}

/** The item as sent, minus a secret that must never be kept; copied only in that (unexpected) case. */
function withoutAccessToken(value: Record<string, unknown>): Record<string, unknown> {
  if (!("accessToken" in value)) return value;
  const { accessToken: _dropped, ...rest } = value;
  return rest;
}

/** Parses one list item; throws ItemError with a precise reason when it cannot be shown. */
function parsePat(value: unknown): Pat {
  if (!isRecord(value)) {
    throw new ItemError(`the item is ${describeType(value)}, expected an object`);
  }
  const tokenId = requiredString(value, "tokenId", "");
  if (tokenId === "") {
    throw new ItemError("tokenId is empty");
  }
  const isActive = value.isActive;
  if (typeof isActive !== "boolean") {
    throw new ItemError(
      `isActive is ${isActive === undefined ? "missing" : describeType(isActive)}, expected a boolean`,
    );
  }
  const dateCreated = requiredString(value, "dateCreated", "");
  return {
    tokenId,
    name: requiredString(value, "name", ""),
    kind: optionalString(value, "kind", ""),
    isActive,
    dateCreated,
    createdAt: new Date(dateCreated),
    credId: optionalString(value, "credId", ""),
    linkedUserId: optionalString(value, "linkedUserId", ""),
    linkedAppId: optionalString(value, "linkedAppId", ""),
    orgId: optionalString(value, "orgId", ""),
    publicKey: optionalString(value, "publicKey", ""),
    permissionAssignments: parseAssignments(value.permissionAssignments),
    raw: withoutAccessToken(value),
  };
}

/** What identified a rejected item, so the user can find it in the dashboard. */
function identify(value: unknown): Pick<InvalidPatItem, "tokenId" | "name"> {
  if (!isRecord(value)) return {};
  return {
    ...(typeof value.tokenId === "string" && value.tokenId !== "" ? { tokenId: value.tokenId } : {}),
    ...(typeof value.name === "string" && value.name !== "" ? { name: value.name } : {}),
  };
}

/**
 * Turns the body of `GET /auth/pats` into typed PATs. A body that is not `{ items: [...] }` throws
 * ResponseShapeError; a bad item becomes an InvalidPatItem and never hides its siblings.
 * `indexOffset` keeps item numbers meaningful across pages; `seenTokenIds` spans pages so that a
 * repeated tokenId (the tree keys rows by it) is rejected rather than shown twice.
 */
export function parsePatPage(body: unknown, indexOffset = 0, seenTokenIds = new Set<string>()): PatPage {
  if (!isRecord(body)) {
    throw new ResponseShapeError(`expected a JSON object with "items", got ${describeType(body)}`);
  }
  if (!Array.isArray(body.items)) {
    throw new ResponseShapeError(
      `expected "items" to be an array, got ${body.items === undefined ? "no items" : describeType(body.items)}`,
    );
  }
  const pats: Pat[] = [];
  const invalid: InvalidPatItem[] = [];
  body.items.forEach((item: unknown, position: number) => {
    const index = indexOffset + position;
    try {
      const pat = parsePat(item);
      if (seenTokenIds.has(pat.tokenId)) {
        throw new ItemError(`duplicate tokenId ${pat.tokenId}`);
      }
      seenTokenIds.add(pat.tokenId);
      pats.push(pat);
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      invalid.push({ index, reason: error.message, ...identify(item) });
    }
  });
  const next = body.nextPageToken;
  return { pats, invalid, nextPageToken: typeof next === "string" && next !== "" ? next : undefined };
}

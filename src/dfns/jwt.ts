/** What the caller's own token says about itself, decoded for display only (never verified). */
export interface TokenClaims {
  readonly expiresAt?: Date;
  readonly orgId?: string;
  readonly userId?: string;
}

const appMetadataClaim = "https://custom/app_metadata";

function decodeSegment(segment: string): unknown {
  const json = Buffer.from(segment.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return JSON.parse(json);
}

/** Claims of a JWT-shaped token; `undefined` for anything else (opaque tokens work all the same). */
export function decodeTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  let payload: unknown;
  try {
    payload = decodeSegment(parts[1]);
  } catch {
    return undefined;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  const claims = payload as Record<string, unknown>;
  const metadata = (typeof claims[appMetadataClaim] === "object" && claims[appMetadataClaim]) || {};
  const orgId = (metadata as Record<string, unknown>).orgId;
  const userId = (metadata as Record<string, unknown>).userId ?? claims.sub;
  return {
    ...(typeof claims.exp === "number" && Number.isFinite(claims.exp)
      ? { expiresAt: new Date(claims.exp * 1000) }
      : {}),
    ...(typeof orgId === "string" && orgId !== "" ? { orgId } : {}),
    ...(typeof userId === "string" && userId !== "" ? { userId } : {}),
  };
}

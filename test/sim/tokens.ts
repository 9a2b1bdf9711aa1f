// Bearer tokens issued by the simulator. All randomness comes from crypto at run time, so no
// token ever lives in the source tree. The signature is random bytes: nothing verifies it, the
// client only decodes the payload (unverified) for display, exactly as with real Dfns tokens.
import { createHash, randomBytes } from "node:crypto";
import { dfnsId, type Identity, Rng } from "./data";

export interface IssueTokenOptions {
  /** `jwt` (default) looks like a Dfns PAT; `opaque` is any non-JWT string the API still accepts. */
  format?: "jwt" | "opaque";
  /** Lifetime from now; negative issues an already expired token (=> 401). Default 1 hour. */
  expiresInSeconds?: number;
  userId?: string;
  orgId?: string;
  tokenKind?: string;
}

export type TokenStatus = "ok" | "unknown" | "revoked" | "expired";

export const APP_METADATA_CLAIM = "https://custom/app_metadata";

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** Short sha256 fingerprint: lets tests correlate which token was sent without logging it. */
export function tokenFingerprint(token: string): string {
  return `sha256:${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;
}

/** Decode a JWT payload without verifying it (what the client is expected to do). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split(".")[1];
  if (token.split(".").length !== 3 || part === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface Entry {
  exp: number;
  revoked: boolean;
}

export class TokenStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly identity: Identity) {}

  issue(opts: IssueTokenOptions = {}): string {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + Math.round(opts.expiresInSeconds ?? 3600);
    const token = opts.format === "opaque" ? this.opaque() : this.jwt(opts, iat, exp);
    this.entries.set(token, { exp, revoked: false });
    return token;
  }

  private jwt(opts: IssueTokenOptions, iat: number, exp: number): string {
    const userId = opts.userId ?? this.identity.userId;
    const header = { alg: "EdDSA", typ: "JWT" };
    const payload = {
      iss: "auth.dfns.io",
      aud: "dfns:auth:user",
      sub: userId,
      jti: dfnsId(new Rng(randomBytes(4).readUInt32LE()), "to"),
      "https://custom/username": "",
      [APP_METADATA_CLAIM]: {
        userId,
        orgId: opts.orgId ?? this.identity.orgId,
        tokenKind: opts.tokenKind ?? "Pat",
      },
      iat,
      exp,
    };
    const parts = [JSON.stringify(header), JSON.stringify(payload), randomBytes(64)];
    return parts.map(b64url).join(".");
  }

  private opaque(): string {
    return `dfns_sim_${randomBytes(32).toString("base64url")}`;
  }

  revoke(token: string): boolean {
    const entry = this.entries.get(token);
    if (!entry || entry.revoked) return false;
    entry.revoked = true;
    return true;
  }

  status(token: string): TokenStatus {
    const entry = this.entries.get(token);
    if (!entry) return "unknown";
    if (entry.revoked) return "revoked";
    return entry.exp <= Date.now() / 1000 ? "expired" : "ok";
  }

  /** Replace every issued token found in `text`, so recorded urls/headers never carry one. */
  redact(text: string): string {
    let out = text;
    for (const token of this.entries.keys()) {
      if (out.includes(token)) out = out.split(token).join(`<redacted ${tokenFingerprint(token)}>`);
    }
    return out;
  }

  clear(): void {
    this.entries.clear();
  }
}

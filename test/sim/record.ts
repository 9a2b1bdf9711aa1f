// What the simulator remembers about each API request, for assertions on what the client sent.
// Tokens are never stored: Authorization keeps only its scheme, plus a fingerprint to correlate.
import type { IncomingMessage } from "node:http";
import { tokenFingerprint } from "./tokens";

export interface RecordedAuthorization {
  present: boolean;
  /** e.g. "Bearer" (as sent), when present. */
  scheme?: string;
  /** sha256 fingerprint of the credential part, see tokenFingerprint(). */
  fingerprint?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path + query as received (any issued token in it is redacted). */
  url: string;
  /** Lower-case names; `authorization` is shown as "<scheme> <redacted>". */
  headers: Record<string, string>;
  authorization: RecordedAuthorization;
  /** ISO time of arrival. */
  at: string;
}

export function recordRequest(req: IncomingMessage, redact: (text: string) => string): RecordedRequest {
  const headers: Record<string, string> = {};
  let authorization: RecordedAuthorization = { present: false };
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (name === "authorization") {
      const space = text.indexOf(" ");
      const scheme = space > 0 ? text.slice(0, space) : "";
      const credential = space > 0 ? text.slice(space + 1).trim() : text;
      authorization = { present: true, scheme, fingerprint: tokenFingerprint(credential) };
      headers[name] = scheme ? `${scheme} <redacted>` : "<redacted>";
    } else {
      headers[name] = redact(text);
    }
  }
  return {
    method: req.method ?? "",
    url: redact(req.url ?? ""),
    headers,
    authorization,
    at: new Date().toISOString(),
  };
}

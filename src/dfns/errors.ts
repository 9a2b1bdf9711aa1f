/** Why a call to Dfns failed, in terms the tree and the commands can act on. */
export type DfnsErrorKind =
  | "unauthorized" // 401: token missing, malformed, expired or revoked
  | "forbidden" // 403: the token lacks an operation
  | "rate-limited" // 429
  | "http" // any other non-2xx status
  | "redirect" // 3xx: never followed, the token must not travel on
  | "bad-response" // not JSON, wrong shape, too large
  | "network" // refused, reset, DNS, TLS
  | "timeout"
  | "cancelled";

export interface DfnsErrorInit {
  host: string;
  status?: number;
  /** The API's own message (`error.message`), when it sent one. */
  apiMessage?: string;
  /** The API's error id (`error.id`), which Dfns support asks for. */
  errorId?: string;
  retryAfterSeconds?: number;
  /** Where a redirect pointed. */
  location?: string;
  /** A short technical reason: "connection refused", "truncated JSON", ... */
  reason?: string;
}

export class DfnsError extends Error {
  readonly host: string;
  readonly status: number | undefined;
  readonly apiMessage: string | undefined;
  readonly errorId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly location: string | undefined;
  readonly reason: string | undefined;

  constructor(
    readonly kind: DfnsErrorKind,
    init: DfnsErrorInit,
  ) {
    super(describe(kind, init));
    this.name = "DfnsError";
    this.host = init.host;
    this.status = init.status;
    this.apiMessage = init.apiMessage;
    this.errorId = init.errorId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.location = init.location;
    this.reason = init.reason;
  }
}

function withId(text: string, errorId: string | undefined): string {
  return errorId ? `${text} (error id ${errorId})` : text;
}

/** One sentence a user can act on; never contains the token (nothing here ever sees it). */
function describe(kind: DfnsErrorKind, init: DfnsErrorInit): string {
  const api = init.apiMessage ? `: ${init.apiMessage}` : "";
  switch (kind) {
    case "unauthorized":
      return withId(`Token rejected by ${init.host}${api || ": Not Authorized."}`, init.errorId);
    case "forbidden":
      return withId(`Not allowed to list tokens${api || " (403)"}`, init.errorId);
    case "rate-limited":
      return init.retryAfterSeconds !== undefined
        ? `Rate limited by ${init.host}; retry in ${init.retryAfterSeconds} s`
        : `Rate limited by ${init.host}; retry in a minute`;
    case "http":
      return withId(`${init.host} answered ${init.status ?? "with an error"}${api}`, init.errorId);
    case "redirect":
      return `${init.host} answered ${init.status} redirecting to ${init.location ?? "an unknown location"}; not followed, so the token stays with ${init.host}`;
    case "bad-response":
      return `${init.host} sent a response that is not a PAT list: ${init.reason ?? "unknown problem"}`;
    case "network":
      return `Cannot reach ${init.host}: ${init.reason ?? "network error"}`;
    case "timeout":
      return `${init.host} did not answer in time${init.reason ? ` (${init.reason})` : ""}`;
    case "cancelled":
      return "Request cancelled";
  }
}

/** Reads `{"error":{"message","id"}}` (current and legacy shapes) or `{"message"}` from a body, if JSON. */
export function readApiError(body: string): { apiMessage?: string; errorId?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const record = parsed as Record<string, unknown>;
  const error =
    typeof record.error === "object" && record.error !== null
      ? (record.error as Record<string, unknown>)
      : {};
  const message = typeof error.message === "string" ? error.message : record.message;
  const id = error.id;
  return {
    ...(typeof message === "string" && message.trim() !== ""
      ? { apiMessage: clip(message.trim(), 300) }
      : {}),
    ...(typeof id === "string" && id !== "" ? { errorId: clip(id, 100) } : {}),
  };
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

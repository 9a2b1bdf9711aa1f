import { l10n } from "../util/l10n";

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
  return errorId ? l10n.t("{0} (error id {1})", text, errorId) : text;
}

/** One sentence a user can act on; never contains the token (nothing here ever sees it). */
function describe(kind: DfnsErrorKind, init: DfnsErrorInit): string {
  const { host, apiMessage: api, reason } = init;
  switch (kind) {
    case "unauthorized":
      return withId(
        api
          ? l10n.t("Token rejected by {0}: {1}", host, api)
          : l10n.t("Token rejected by {0}: Not Authorized.", host),
        init.errorId,
      );
    case "forbidden":
      return withId(
        api ? l10n.t("Not allowed to list tokens: {0}", api) : l10n.t("Not allowed to list tokens (403)"),
        init.errorId,
      );
    case "rate-limited":
      return init.retryAfterSeconds !== undefined
        ? l10n.t("Rate limited by {0}; retry in {1} s", host, init.retryAfterSeconds)
        : l10n.t("Rate limited by {0}; retry in a minute", host);
    case "http":
      return withId(httpText(host, init.status, api), init.errorId);
    case "redirect":
      return init.location !== undefined
        ? l10n.t(
            "{0} answered {1} redirecting to {2}; not followed, so the token stays with {0}",
            host,
            String(init.status),
            init.location,
          )
        : l10n.t(
            "{0} answered {1} redirecting to an unknown location; not followed, so the token stays with {0}",
            host,
            String(init.status),
          );
    case "bad-response":
      return reason !== undefined
        ? l10n.t("{0} sent a response that is not a PAT list: {1}", host, reason)
        : l10n.t("{0} sent a response that is not a PAT list: unknown problem", host);
    case "network":
      return reason !== undefined
        ? l10n.t("Cannot reach {0}: {1}", host, reason)
        : l10n.t("Cannot reach {0}: network error", host);
    case "timeout":
      return reason
        ? l10n.t("{0} did not answer in time ({1})", host, reason)
        : l10n.t("{0} did not answer in time", host);
    case "cancelled":
      return l10n.t("Request cancelled");
  }
}

function httpText(host: string, status: number | undefined, api: string | undefined): string {
  if (status === undefined) {
    return api
      ? l10n.t("{0} answered with an error: {1}", host, api)
      : l10n.t("{0} answered with an error", host);
  }
  return api ? l10n.t("{0} answered {1}: {2}", host, status, api) : l10n.t("{0} answered {1}", host, status);
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

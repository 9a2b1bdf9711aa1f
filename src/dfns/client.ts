import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from "axios";
import { l10n } from "../util/l10n";
import type { Logger } from "../util/logger";
import { checkBaseUrl } from "./baseUrl";
import { DfnsError, parseRetryAfter, readApiError } from "./errors";
import { parsePatPage, ResponseShapeError } from "./parse";
import { defaultRetryPolicy, type RetryPolicy, withRetry } from "./retry";
import type { InvalidPatItem, Pat, PatList } from "./types";

export interface DfnsClientOptions {
  /** Checked with checkBaseUrl; the client refuses any other. */
  readonly baseUrl: string;
  readonly token: string;
  /** Legacy `X-DFNS-APPID`, sent only when given. */
  readonly appId?: string | undefined;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly logger: Logger;
  /** Dfns does not page this list today; if it ever does, follow at most this many pages. */
  readonly maxPages?: number;
  readonly retry?: RetryPolicy;
  /** Name resolution instead of the system's: lets tests produce a DNS failure without a network. */
  readonly lookup?: AxiosRequestConfig["lookup"];
}

const defaultMaxPages = 100;

/** Speaks to the Dfns API for one connection. Knows nothing of VS Code. */
export class DfnsClient {
  private readonly http: AxiosInstance;
  private readonly host: string;
  private readonly baseUrl: string;

  constructor(private readonly options: DfnsClientOptions) {
    const check = checkBaseUrl(options.baseUrl);
    if (!check.ok) {
      throw new Error(l10n.t("Refusing to send a token to this base URL: {0}", check.message));
    }
    this.baseUrl = check.url;
    this.host = new URL(check.url).host;
    this.http = axios.create({
      // Node's own http: the bundle carries no other adapter (esbuild.mjs).
      adapter: "http",
      timeout: options.timeoutMs,
      // A redirect would carry the token to another place; report it instead.
      maxRedirects: 0,
      // Proxies are VS Code's job (http.proxy): the extension host routes Node's http/https through
      // them. axios reading HTTPS_PROXY itself would tunnel a second time (src/bundle/ has no agent).
      proxy: false,
      maxContentLength: options.maxResponseBytes,
      // Parse ourselves, so that HTML, empty and truncated bodies get precise messages.
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      headers: {
        Accept: "application/json",
        Authorization: `Bearer ${options.token}`,
        ...(options.appId ? { "X-DFNS-APPID": options.appId } : {}),
      },
    });
  }

  /** `GET /auth/pats`, following `nextPageToken` if Dfns ever sends one. Fails with DfnsError only. */
  async listPats(signal?: AbortSignal): Promise<PatList> {
    try {
      return await this.listAllPages(signal);
    } catch (error) {
      const failure = error instanceof DfnsError ? error : this.mapTransportError(error);
      if (failure.kind !== "cancelled") {
        this.options.logger.warn(`Listing PATs at ${this.baseUrl} failed: ${failure.message}`);
      }
      throw failure;
    }
  }

  private async listAllPages(signal: AbortSignal | undefined): Promise<PatList> {
    const pats: Pat[] = [];
    const invalid: InvalidPatItem[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    const maxPages = this.options.maxPages ?? defaultMaxPages;
    for (let page = 0; page < maxPages; page++) {
      const body = await this.get("/auth/pats", pageToken ? { paginationToken: pageToken } : {}, signal);
      let parsed: ReturnType<typeof parsePatPage>;
      try {
        parsed = parsePatPage(body, pats.length + invalid.length, seen);
      } catch (error) {
        if (error instanceof ResponseShapeError) {
          throw new DfnsError("bad-response", { host: this.host, reason: error.message });
        }
        throw error;
      }
      // Loops, not push(...spread): a spread of 130,000 items overflows the call stack.
      for (const pat of parsed.pats) pats.push(pat);
      for (const item of parsed.invalid) invalid.push(item);
      pageToken = parsed.nextPageToken;
      if (!pageToken) {
        return { pats, invalid };
      }
    }
    this.options.logger.warn(`Stopped after ${maxPages} pages of /auth/pats; the list may be incomplete.`);
    return { pats, invalid };
  }

  /** One GET with retries on rate limits, gateway errors and broken connections. */
  private get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    return withRetry(
      () => this.getOnce(path, params, signal),
      (error): error is DfnsError => error instanceof DfnsError,
      this.options.retry ?? defaultRetryPolicy,
      {
        signal,
        cancelled: () => new DfnsError("cancelled", { host: this.host }),
        onRetry: (error, delayMs, attempt) =>
          this.options.logger.info(
            `Retrying GET ${path} in ${(delayMs / 1000).toFixed(1)} s (after attempt ${attempt}): ${error.message}`,
          ),
      },
    );
  }

  private async getOnce(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    const started = Date.now();
    let response: AxiosResponse<string>;
    try {
      response = await this.http.get<string>(url, { params, ...(signal ? { signal } : {}) });
    } catch (error) {
      throw this.mapTransportError(error);
    }
    this.options.logger.info(`GET ${url} -> ${response.status} in ${Date.now() - started} ms`);
    if (response.status >= 200 && response.status < 300) {
      return this.parseJson(response);
    }
    throw this.mapStatus(response);
  }

  private parseJson(response: AxiosResponse<string>): unknown {
    const body = typeof response.data === "string" ? response.data : "";
    if (body.trim() === "") {
      throw new DfnsError("bad-response", { host: this.host, reason: l10n.t("the body is empty") });
    }
    try {
      return JSON.parse(body);
    } catch {
      const type = String(response.headers["content-type"] ?? "");
      const reason = type.includes("html")
        ? l10n.t("an HTML page instead of JSON (a proxy or gateway answered?)")
        : l10n.t("malformed or truncated JSON ({0} characters)", body.length);
      throw new DfnsError("bad-response", { host: this.host, reason });
    }
  }

  private mapStatus(response: AxiosResponse<string>): DfnsError {
    const status = response.status;
    const body = typeof response.data === "string" ? response.data : "";
    const api = readApiError(body);
    const base = { host: this.host, status, ...api };
    if (status >= 300 && status < 400) {
      const location = response.headers.location;
      return new DfnsError("redirect", { ...base, ...(typeof location === "string" ? { location } : {}) });
    }
    if (status === 401) return new DfnsError("unauthorized", base);
    if (status === 403) return new DfnsError("forbidden", base);
    if (status === 429) {
      const retryAfter = parseRetryAfter(headerText(response.headers["retry-after"]), Date.now());
      return new DfnsError("rate-limited", {
        ...base,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    if (!api.apiMessage && /<html|<!doctype/i.test(body)) {
      return new DfnsError("http", {
        ...base,
        apiMessage: l10n.t("an HTML error page (a proxy or gateway answered?)"),
      });
    }
    return new DfnsError("http", base);
  }

  /** Maps axios/Node failures to DfnsError without ever touching the request config (it holds the token). */
  private mapTransportError(error: unknown): DfnsError {
    const host = this.host;
    if (!axios.isAxiosError(error)) {
      return new DfnsError("network", {
        host,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    const code = error.code ?? "";
    if (code === "ERR_CANCELED") return new DfnsError("cancelled", { host });
    if (code === "ECONNABORTED" || code === "ETIMEDOUT") {
      return new DfnsError("timeout", {
        host,
        reason: l10n.t("no answer within {0} s", Math.round(this.options.timeoutMs / 1000)),
      });
    }
    if (/maxContentLength/i.test(error.message)) {
      const mb = (this.options.maxResponseBytes / 1024 / 1024).toFixed(0);
      return new DfnsError("bad-response", {
        host,
        reason: l10n.t("the response is larger than the {0} MB limit", mb),
      });
    }
    return new DfnsError("network", { host, reason: networkReason(code, error.message) });
  }
}

function headerText(value: unknown): string | undefined {
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

/** What a Node error code means, in words; translated when asked for, not at import. */
function knownNetworkReason(code: string): string | undefined {
  switch (code) {
    case "ECONNREFUSED":
      return l10n.t("connection refused");
    case "ECONNRESET":
      return l10n.t("the connection was reset");
    case "ENOTFOUND":
      return l10n.t("host not found (DNS)");
    case "EAI_AGAIN":
      return l10n.t("DNS lookup failed");
    case "EHOSTUNREACH":
      return l10n.t("host unreachable");
    case "ENETUNREACH":
      return l10n.t("network unreachable");
    case "EPIPE":
      return l10n.t("the connection was closed");
    case "ERR_BAD_RESPONSE":
      return l10n.t("the connection broke while reading the response");
    default:
      return undefined;
  }
}

function networkReason(code: string, message: string): string {
  // Node's certificate codes: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, SELF_SIGNED_CERT_IN_CHAIN,
  // UNABLE_TO_GET_ISSUER_CERT_LOCALLY, and UNABLE_TO_VERIFY_LEAF_SIGNATURE (a missing intermediate).
  if (/CERT|SSL|TLS|EPROTO|UNABLE_TO_VERIFY/i.test(code)) {
    return l10n.t("TLS error ({0}): the server's certificate or TLS setup was not accepted", code);
  }
  return knownNetworkReason(code) ?? (message || code || l10n.t("network error"));
}

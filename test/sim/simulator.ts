// The Dfns API as far as this product needs it (GET /auth/pats), plus switchable faults and a
// loopback-only control API (/_sim/...) so tests in other processes can steer it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  DEFAULT_SEED,
  type GenerateOptions,
  generatePats,
  type Identity,
  identityFor,
  type PatItem,
} from "./data";
import { applyFault, errorBody, type Fault, parseFault } from "./faults";
import { type RecordedRequest, recordRequest } from "./record";
import { type IssueTokenOptions, TokenStore } from "./tokens";

export type { Fault, FaultKind } from "./faults";
export type { RecordedRequest } from "./record";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only (the control API has no auth). Default 127.0.0.1. */
  host?: string;
  seed?: number;
  /** PATs generated at start and on reset(). Default 25. */
  patCount?: number;
  /** When set, a request with a different X-DFNS-APPID gets 401 (a missing header is fine). */
  appId?: string;
  /** Reference time for generated dates (tokens always use the real clock). Default Date.now(). */
  now?: number;
  /** When set, /auth/pats pages with limit/paginationToken/nextPageToken (real Dfns does not). */
  pageSize?: number;
  /** Serve the API under a path prefix, e.g. "/api/v1", as a custom base URL may carry. */
  basePath?: string;
}

export interface SimulatorConfig {
  pageSize?: number;
  appId?: string;
}

export interface SimulatorInfo {
  url: string;
  basePath: string;
  identity: Identity;
  patCount: number;
  config: SimulatorConfig;
  fault: Fault | null;
}

const MAX_LOG = 10_000;
const MAX_CONTROL_BODY = 256 * 1024 * 1024;
const JSON_TYPE = { "content-type": "application/json" };

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.") || host === "::ffff:127.0.0.1";
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...JSON_TYPE, ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_CONTROL_BODY) req.destroy(new Error("control body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

// Page tokens are opaque to clients; an encoded offset is enough here.
const encodePage = (offset: number): string => Buffer.from(`o:${offset}`).toString("base64url");
function decodePage(token: string): number | undefined {
  const m = /^o:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return m ? Number(m[1]) : undefined;
}

export class DfnsSimulator {
  readonly identity: Identity;
  readonly seed: number;
  readonly now: number;
  readonly basePath: string;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly tokens: TokenStore;
  private readonly log: RecordedRequest[] = [];
  private readonly initial: { patCount: number; config: SimulatorConfig };
  private items: unknown[] = [];
  private fault: Fault | undefined;
  private faultLeft: number | undefined;
  private config: SimulatorConfig;
  private address = "";
  private stopped = false;

  private constructor(options: SimulatorOptions) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.now = options.now ?? Date.now();
    this.basePath = (options.basePath ?? "").replace(/\/+$/, "");
    this.identity = identityFor(this.seed);
    this.tokens = new TokenStore(this.identity);
    this.config = { pageSize: options.pageSize, appId: options.appId };
    this.initial = { patCount: options.patCount ?? 25, config: { ...this.config } };
    this.generate(this.initial.patCount);
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    this.server.on("clientError", (_err, socket) => socket.destroy());
  }

  static async start(options: SimulatorOptions = {}): Promise<DfnsSimulator> {
    const host = options.host ?? "127.0.0.1";
    if (!isLoopback(host))
      throw new Error(`simulator refuses non-loopback host ${host}: its control API has no auth`);
    const sim = new DfnsSimulator(options);
    await new Promise<void>((resolve, reject) => {
      sim.server.once("error", reject);
      sim.server.listen(options.port ?? 0, host, () => resolve());
    });
    const { address, port } = sim.server.address() as AddressInfo;
    sim.address = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
    return sim;
  }

  /** e.g. http://127.0.0.1:41234 (without basePath). */
  get url(): string {
    return this.address;
  }

  /** Recorded API requests (control calls excluded), tokens redacted. */
  get requests(): readonly RecordedRequest[] {
    return [...this.log];
  }

  get pats(): readonly unknown[] {
    return this.items;
  }

  get currentFault(): Fault | undefined {
    return this.fault;
  }

  issueToken(opts?: IssueTokenOptions): string {
    return this.tokens.issue(opts);
  }

  revokeToken(token: string): boolean {
    return this.tokens.revoke(token);
  }

  /** Raw items, served verbatim: may be malformed on purpose. */
  setPats(items: unknown[]): void {
    this.items = [...items];
  }

  /** Replace the list with generated PATs owned by this simulator's identity. */
  generate(count: number, opts: GenerateOptions = {}): PatItem[] {
    const pats = generatePats(count, { seed: this.seed, now: this.now, ...this.identity, ...opts });
    this.items = pats;
    return pats;
  }

  setFault(fault: Fault | undefined): void {
    this.fault = fault && fault.times !== 0 ? fault : undefined;
    this.faultLeft = fault?.times;
  }

  /** Change pageSize/appId at run time; `null` unsets, `undefined` leaves as is. */
  configure(config: { pageSize?: number | null; appId?: string | null }): void {
    const { pageSize, appId } = config;
    if (pageSize != null && (!Number.isInteger(pageSize) || pageSize < 1)) throw new Error("bad pageSize");
    if (appId != null && typeof appId !== "string") throw new Error("appId must be a string");
    if (config.pageSize !== undefined) this.config.pageSize = config.pageSize ?? undefined;
    if (config.appId !== undefined) this.config.appId = config.appId ?? undefined;
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  /** Back to the start state: seeded PATs, no fault, empty log, start config. Tokens stay valid. */
  reset(): void {
    this.generate(this.initial.patCount);
    this.setFault(undefined);
    this.clearRequests();
    this.config = { ...this.initial.config };
  }

  info(): SimulatorInfo {
    return {
      url: this.url,
      basePath: this.basePath,
      identity: this.identity,
      patCount: this.items.length,
      config: this.config,
      fault: this.fault ?? null,
    };
  }

  /** Close the server and destroy every open socket (hung requests included), so tests never hang. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** The fault for this request, counting down `times`. */
  private takeFault(): Fault | undefined {
    const fault = this.fault;
    if (fault && this.faultLeft !== undefined && --this.faultLeft <= 0) this.setFault(undefined);
    return fault;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    const path = new URL(req.url ?? "/", "http://sim").pathname;
    if (path.startsWith("/_sim/")) {
      this.control(req, res, path).catch((err: unknown) => {
        if (!res.headersSent)
          sendJson(res, 400, errorBody(400, err instanceof Error ? err.message : String(err)));
      });
      return;
    }
    this.log.push(recordRequest(req, (s) => this.tokens.redact(s)));
    if (this.log.length > MAX_LOG) this.log.shift();
    const fault = this.takeFault();
    const proceed = (): void => this.api(req, res);
    if (fault) {
      applyFault(fault, req, res, {
        identity: this.identity,
        items: () => this.items,
        proceed,
        later: (fn, ms) => this.later(fn, ms),
      });
    } else {
      req.resume();
      proceed();
    }
  }

  private api(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://sim");
    if (url.pathname !== `${this.basePath}/auth/pats`) {
      sendJson(res, 404, errorBody(404, "Not Found"));
      return;
    }
    if (req.method !== "GET") {
      sendJson(res, 405, errorBody(405, "Method Not Allowed"), { allow: "GET" });
      return;
    }
    const unauthorized = (): void => sendJson(res, 401, errorBody(401, "Not Authorized."));
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    const appId = req.headers["x-dfns-appid"];
    const badToken = !bearer?.[1] || this.tokens.status(bearer[1]) !== "ok";
    // The app id header is optional (legacy); only a present-but-different one is refused.
    const badApp = appId !== undefined && this.config.appId !== undefined && appId !== this.config.appId;
    if (badToken || badApp) unauthorized();
    else this.list(url, res);
  }

  private list(url: URL, res: ServerResponse): void {
    const pageSize = this.config.pageSize;
    if (pageSize === undefined) {
      sendJson(res, 200, JSON.stringify({ items: this.items }));
      return;
    }
    const limitParam = url.searchParams.get("limit");
    const limit = limitParam === null ? pageSize : Number(limitParam);
    const token = url.searchParams.get("paginationToken");
    const offset = token === null ? 0 : decodePage(token);
    if (!Number.isInteger(limit) || limit < 1) {
      sendJson(res, 400, errorBody(400, "Invalid limit", "current", { limit: limitParam }));
      return;
    }
    if (offset === undefined) {
      sendJson(res, 400, errorBody(400, "Invalid paginationToken"));
      return;
    }
    // pageSize doubles as the server's maximum page, as real list endpoints cap `limit`.
    const end = offset + Math.min(limit, pageSize);
    const body: { items: unknown[]; nextPageToken?: string } = { items: this.items.slice(offset, end) };
    if (end < this.items.length) body.nextPageToken = encodePage(end);
    sendJson(res, 200, JSON.stringify(body));
  }

  private async control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const raw = await readBody(req);
    const body: unknown = raw.trim() === "" ? null : JSON.parse(raw);
    const ok = (value: unknown = { ok: true }): void => sendJson(res, 200, JSON.stringify(value));
    switch (`${req.method} ${path}`) {
      case "GET /_sim/info":
        return ok(this.info());
      case "POST /_sim/fault":
        this.setFault(parseFault(body));
        return ok({ fault: this.fault ?? null });
      case "POST /_sim/pats": {
        const b = asObject(body);
        if (Array.isArray(b.items)) this.setPats(b.items);
        else if (b.generate !== undefined) {
          const { count, ...opts } = asObject(b.generate) as unknown as GenerateOptions & { count: unknown };
          if (typeof count !== "number" || !Number.isInteger(count) || count < 0)
            throw new Error("bad count");
          this.generate(count, opts);
        } else throw new Error('expected {"items":[...]} or {"generate":{"count":N}}');
        return ok({ count: this.items.length });
      }
      case "POST /_sim/tokens": {
        const opts = asObject(body) as IssueTokenOptions;
        const exp: unknown = opts.expiresInSeconds;
        if (exp !== undefined && (typeof exp !== "number" || !Number.isFinite(exp))) {
          throw new Error("expiresInSeconds must be a number");
        }
        return ok({ token: this.issueToken(opts) });
      }
      case "POST /_sim/revoke": {
        const token = asObject(body).token;
        if (typeof token !== "string") throw new Error('expected {"token":"..."}');
        return ok({ revoked: this.revokeToken(token) });
      }
      case "GET /_sim/requests":
        return ok({ requests: this.log });
      case "DELETE /_sim/requests":
        this.clearRequests();
        return ok();
      case "POST /_sim/config":
        this.configure(asObject(body) as Parameters<DfnsSimulator["configure"]>[0]);
        return ok({ config: this.config });
      case "POST /_sim/reset":
        this.reset();
        return ok();
      default:
        sendJson(res, 404, errorBody(404, `No control endpoint ${req.method} ${path}`));
    }
  }
}

// Misbehaviours the simulator can be told to produce instead of (or before) a normal answer.
// Each one models something a real Dfns API, a proxy or the network has been seen to do.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { generatePats, type Identity } from "./data";

interface FaultBase {
  /** Apply to the next `times` API requests only, then clear automatically. Default: until changed. */
  times?: number;
  /** Wait this long before misbehaving (e.g. a slow 503). */
  delayMs?: number;
}

/** `current`: {error:{id,status,message,details}}; `legacy`: {error:{message}}; `bare`: {message}. */
export type ErrorStyle = "current" | "legacy" | "bare";

export interface StatusFault extends FaultBase {
  kind: "status";
  status: number;
  style?: ErrorStyle;
  /** Defaults to a realistic Dfns message for the status (403 names the denied operation). */
  message?: string;
  details?: Record<string, unknown>;
  /** Sent as the `Retry-After` header (seconds or an HTTP date) when present. */
  retryAfter?: number | string;
}
export interface HtmlFault extends FaultBase {
  kind: "html";
  status?: number;
  html?: string;
}
export interface EmptyFault extends FaultBase {
  kind: "empty";
  status: number;
}
/** Truncated JSON with a JSON content type. */
export interface MalformedFault extends FaultBase {
  kind: "malformed";
  status?: number;
}
export interface RawFault extends FaultBase {
  kind: "raw";
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}
/** A valid `{items:[...]}` body of at least `megabytes` MiB; `chunked` omits Content-Length. */
export interface HugeFault extends FaultBase {
  kind: "huge";
  megabytes: number;
  chunked?: boolean;
}
/** Delay, then answer normally. */
export interface LatencyFault extends FaultBase {
  kind: "latency";
  ms: number;
}
/** Accept the request and never answer (stop() still frees the socket). */
export interface HangFault extends FaultBase {
  kind: "hang";
}
/** Destroy the socket before sending anything. */
export interface DropFault extends FaultBase {
  kind: "drop";
}
/** Send a 200 with headers and half the body, then destroy the socket. */
export interface ResetMidBodyFault extends FaultBase {
  kind: "reset-mid-body";
}
/** A redirect; the default target is another origin, to catch clients that forward the token. */
export interface RedirectFault extends FaultBase {
  kind: "redirect";
  status?: number;
  location?: string;
}

export type Fault =
  | StatusFault
  | HtmlFault
  | EmptyFault
  | MalformedFault
  | RawFault
  | HugeFault
  | LatencyFault
  | HangFault
  | DropFault
  | ResetMidBodyFault
  | RedirectFault;

export type FaultKind = Fault["kind"];

export const DEFAULT_REDIRECT = "https://attacker.example/auth/pats";

export function defaultMessage(status: number, identity: Identity): string {
  if (status === 401) return "Not Authorized.";
  if (status === 403) {
    return `CustomerEmployee ${identity.userId} is not authorized to perform operation (Auth:Types:Pat)`;
  }
  if (status === 429) return "Too many requests. Rate limit exceeded.";
  return STATUS_CODES[status] ?? "Error";
}

export function errorBody(
  status: number,
  message: string,
  style: ErrorStyle = "current",
  details: Record<string, unknown> = {},
): string {
  if (style === "bare") return JSON.stringify({ message });
  if (style === "legacy") return JSON.stringify({ error: { message } });
  return JSON.stringify({ error: { id: randomBytes(12).toString("hex"), status, message, details } });
}

// Per-kind field rules, used to validate faults arriving as JSON over the control API.
const FIELDS: Record<FaultKind, { required?: string[]; numbers?: string[]; strings?: string[] }> = {
  status: { required: ["status"], numbers: ["status"], strings: ["style", "message"] },
  html: { numbers: ["status"], strings: ["html"] },
  empty: { required: ["status"], numbers: ["status"] },
  malformed: { numbers: ["status"] },
  raw: { required: ["status", "body"], numbers: ["status"], strings: ["body", "contentType"] },
  huge: { required: ["megabytes"], numbers: ["megabytes"] },
  latency: { required: ["ms"], numbers: ["ms"] },
  hang: {},
  drop: {},
  "reset-mid-body": {},
  redirect: { numbers: ["status"], strings: ["location"] },
};

/** Validate an untrusted value as a Fault; `null`/`undefined` mean "no fault". Throws on bad input. */
export function parseFault(value: unknown): Fault | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new Error("fault must be an object or null");
  const v = value as Record<string, unknown>;
  const kind = v.kind;
  if (typeof kind !== "string" || !Object.hasOwn(FIELDS, kind)) {
    throw new Error(`unknown fault kind: ${String(kind)}`);
  }
  const rules = FIELDS[kind as FaultKind];
  for (const f of rules.required ?? []) if (v[f] === undefined) throw new Error(`${kind}: missing ${f}`);
  for (const f of [...(rules.numbers ?? []), "times", "delayMs"]) {
    const n = v[f];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n < 0)) {
      throw new Error(`${kind}: ${f} must be a non-negative number`);
    }
  }
  for (const f of rules.strings ?? []) {
    if (v[f] !== undefined && typeof v[f] !== "string") throw new Error(`${kind}: ${f} must be a string`);
  }
  const status = v.status;
  if (typeof status === "number" && (!Number.isInteger(status) || status < 100 || status > 599)) {
    throw new Error(`${kind}: status must be an integer 100-599`);
  }
  if (kind === "huge" && (v.megabytes as number) > 512) throw new Error("huge: at most 512 MiB");
  return v as unknown as Fault;
}

export interface FaultContext {
  identity: Identity;
  /** The list a normal answer would carry. */
  items(): unknown[];
  /** Normal handling, for faults that only delay. */
  proceed(): void;
  /** Tracked setTimeout, so stop() can cancel pending work. */
  later(fn: () => void, ms: number): void;
}

const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

let hugeCache: { key: string; body: string } | undefined;

/** Valid PAT-list JSON of at least `megabytes` MiB, with distinct PATs (not one item repeated). */
export function hugeBody(megabytes: number, identity: Identity): string {
  const key = `${megabytes}:${identity.userId}`;
  if (hugeCache?.key === key) return hugeCache.body;
  const target = Math.ceil(megabytes * 1024 * 1024);
  const opts = { seed: 4242, now: Date.UTC(2025, 0, 1), ...identity };
  const sampleSize = JSON.stringify(generatePats(50, opts)).length / 50;
  let count = Math.ceil(target / sampleSize) + 10;
  let body = JSON.stringify({ items: generatePats(count, opts) });
  while (body.length < target) {
    count = Math.ceil(count * 1.2);
    body = JSON.stringify({ items: generatePats(count, opts) });
  }
  hugeCache = { key, body };
  return body;
}

/** Write big bodies in slices, honouring backpressure, and stop if the client goes away. */
function stream(res: ServerResponse, body: string): void {
  const buf = Buffer.from(body);
  const slice = 64 * 1024;
  let offset = 0;
  const pump = (): void => {
    while (offset < buf.length && !res.destroyed) {
      const chunk = buf.subarray(offset, offset + slice);
      offset += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function render(fault: Fault, req: IncomingMessage, res: ServerResponse, ctx: FaultContext): void {
  const json = { "content-type": "application/json" };
  switch (fault.kind) {
    case "status": {
      const headers: Record<string, string> = { ...json };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      const message = fault.message ?? defaultMessage(fault.status, ctx.identity);
      send(res, fault.status, errorBody(fault.status, message, fault.style, fault.details), headers);
      return;
    }
    case "html":
      send(res, fault.status ?? 502, fault.html ?? HTML_502, { "content-type": "text/html" });
      return;
    case "empty":
      send(res, fault.status, "");
      return;
    case "malformed": {
      const full = JSON.stringify({ items: ctx.items() });
      send(res, fault.status ?? 200, full.slice(0, Math.max(10, Math.floor(full.length / 2))), json);
      return;
    }
    case "raw": {
      const type: Record<string, string> =
        fault.contentType === undefined ? {} : { "content-type": fault.contentType };
      send(res, fault.status, fault.body, { ...fault.headers, ...type });
      return;
    }
    case "huge": {
      const body = hugeBody(fault.megabytes, ctx.identity);
      const length = fault.chunked ? {} : { "content-length": String(Buffer.byteLength(body)) };
      res.writeHead(200, { ...json, ...length });
      stream(res, body);
      return;
    }
    case "latency":
      ctx.proceed();
      return;
    case "hang":
      return;
    case "drop":
      req.socket.destroy();
      return;
    case "reset-mid-body": {
      const full = Buffer.from(JSON.stringify({ items: ctx.items() }));
      res.writeHead(200, { ...json, "content-length": String(full.length) });
      // Destroy only once the partial body is flushed, so the client really sees headers + some bytes.
      res.write(full.subarray(0, Math.floor(full.length / 2)), () =>
        ctx.later(() => req.socket.destroy(), 20),
      );
      return;
    }
    case "redirect":
      send(res, fault.status ?? 302, "", { location: fault.location ?? DEFAULT_REDIRECT });
      return;
  }
}

/** Answer `req` according to `fault`. */
export function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, ctx: FaultContext): void {
  req.resume(); // drain any request body so the socket state stays sane
  const delay = fault.kind === "latency" ? fault.ms : (fault.delayMs ?? 0);
  if (delay > 0) ctx.later(() => render(fault, req, res, ctx), delay);
  else render(fault, req, res, ctx);
}

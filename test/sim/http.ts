// Minimal promise wrapper over node:http, shared by the control client and the tests. No agent
// (fresh connection per call) so nothing lingers and keeps a test process alive.
import { type IncomingHttpHeaders, request } from "node:http";

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Socket inactivity timeout; the call rejects with code "ETIMEDOUT". Default 5000. */
  timeoutMs?: number;
}

/** Rejections carry `code` and, if headers had already arrived, `status` and `received` bytes. */
export interface HttpError extends Error {
  code?: string;
  status?: number;
  received?: number;
}

function fail(message: string, extra: Partial<HttpError>): HttpError {
  return Object.assign(new Error(message), extra);
}

export function httpRequest(url: string, opts: HttpRequestOptions = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
    const req = request(url, { method: opts.method ?? "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (c: Buffer) => {
        chunks.push(c);
        received += c.length;
      });
      res.on("error", () => undefined); // reported via "close" below
      res.on("close", () => {
        if (!res.complete) {
          reject(fail("response aborted mid-body", { code: "ABORTED", status: res.statusCode, received }));
          return;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.setTimeout(opts.timeoutMs ?? 5000, () => {
      req.destroy(fail("request timed out", { code: "ETIMEDOUT" }));
    });
    req.on("error", (err: NodeJS.ErrnoException) => reject(err));
    req.end(opts.body);
  });
}

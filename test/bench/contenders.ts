// What is timed. Each contender fetches the same `GET /auth/pats` from the simulator and returns what
// it ends up holding, so the caller can check the result and weigh it on the heap.
import * as http from "node:http";
import { DfnsApiClient } from "@dfns/sdk";
import axios from "axios";
import { patPickItems } from "../../src/commands/patPicks";
import { type ConnectionInfo, describeConnection } from "../../src/connections/connectionStore";
import { DfnsClient } from "../../src/dfns/client";
import { parsePatPage } from "../../src/dfns/parse";
import type { PatList } from "../../src/dfns/types";
import type { PatListState } from "../../src/pats/patList";
import { comparePats, rootNodes } from "../../src/tree/model";
import type { TreeNode } from "../../src/tree/nodes";
import { patTooltip } from "../../src/tree/tooltips";
import { silentLogger } from "../../src/util/logger";

export interface Target {
  readonly baseUrl: string;
  readonly token: string;
}

export type Contender = (target: Target) => Promise<unknown>;

// The extension's defaults (package.json: dfns.requestTimeoutSeconds, dfns.maxResponseMegabytes).
const timeoutMs = 30_000;
const maxResponseBytes = 100 * 1024 * 1024;

function headers(target: Target): Record<string, string> {
  return { Accept: "application/json", Authorization: `Bearer ${target.token}` };
}

/** Node's built-in fetch (undici) + JSON.parse: one half of the floor. */
export const nodeFetch: Contender = async (target) => {
  const response = await fetch(`${target.baseUrl}/auth/pats`, { headers: headers(target) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`fetch: HTTP ${response.status}`);
  return JSON.parse(text);
};

/** A bare node:http GET + JSON.parse: the other half (faster than undici for large bodies here). */
export const bareHttp: Contender = (target) => httpText(target).then((text) => JSON.parse(text));

/** The body as text over node:http, the least work a Node client can do to read it. */
export function httpText(target: Target): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${target.baseUrl}/auth/pats`, { headers: headers(target) }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on("error", reject);
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`http: HTTP ${response.statusCode}`));
        else resolve(Buffer.concat(chunks, size).toString("utf8"));
      });
    });
    request.on("error", reject);
  });
}

/** The official SDK. A GET needs no signer: baseUrl and authToken are enough. */
export const peer: Contender = (target) =>
  new DfnsApiClient({ baseUrl: target.baseUrl, authToken: target.token }).auth.listPersonalAccessTokens();

export interface OursResult {
  readonly list: PatList;
  readonly roots: TreeNode[];
  readonly picks: ReturnType<typeof patPickItems>;
}

/** The state the view holds after a successful refresh. */
export function listState(target: Target, list: PatList): PatListState {
  return {
    connection: describeConnection({ baseUrl: target.baseUrl, token: target.token }, "bench"),
    snapshot: { list, fetchedAt: new Date() },
    error: undefined,
    loading: false,
  };
}

export function newClient(target: Target): DfnsClient {
  return new DfnsClient({
    baseUrl: target.baseUrl,
    token: target.token,
    timeoutMs,
    maxResponseBytes,
    logger: silentLogger,
  });
}

/**
 * A refresh as the extension pays for it: a new client per refresh (extension.ts builds one per
 * connection use), the request, parsing and validation, the root rows and the List PATs items.
 */
export const ours = async (target: Target): Promise<OursResult> => {
  const list = await newClient(target).listPats();
  const now = Date.now();
  const state = listState(target, list);
  const roots = rootNodes(state, now);
  const picks = patPickItems(list.pats, now, state.connection as ConnectionInfo);
  return { list, roots, picks };
};

/**
 * The axios request alone, configured as client.ts configures it (text body, no redirects, same
 * limits), so the breakdown can tell transport from parsing. Keep in step with DfnsClient.
 */
export async function axiosText(target: Target): Promise<string> {
  const instance = axios.create({
    timeout: timeoutMs,
    maxRedirects: 0,
    maxContentLength: maxResponseBytes,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: headers(target),
  });
  const response = await instance.get<string>(`${target.baseUrl}/auth/pats`, { params: {} });
  if (response.status !== 200) throw new Error(`axios: HTTP ${response.status}`);
  return response.data;
}

/** The steps of `ours` after the body has arrived, each on its own, for the 10,000-token breakdown. */
export function cpuSteps(
  target: Target,
  body: string,
  list: PatList,
): readonly (readonly [string, () => unknown])[] {
  const parsed: unknown = JSON.parse(body);
  const state = listState(target, list);
  const now = Date.now();
  return [
    ["JSON.parse of the body", () => JSON.parse(body)],
    ["parsePatPage (validation)", () => parsePatPage(parsed)],
    ["rootNodes (all root rows)", () => rootNodes(state, now)],
    ["  of which: sort (comparePats)", () => [...list.pats].sort(comparePats)],
    ["  of which: patTooltip ×N", () => list.pats.map((pat) => patTooltip(pat, now))],
    [
      "patPickItems (incl. its own sort)",
      () => patPickItems(list.pats, now, state.connection as ConnectionInfo),
    ],
  ];
}

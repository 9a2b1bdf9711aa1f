// Typed client for the simulator's /_sim/ control API, for tests running in another process
// (extension host, UI tests, demo). Imports only types from the simulator, so it stays light.
import type { GenerateOptions } from "./data";
import type { Fault } from "./faults";
import { httpRequest } from "./http";
import type { RecordedRequest } from "./record";
import type { SimulatorInfo } from "./simulator";
import type { IssueTokenOptions } from "./tokens";

export class SimulatorControl {
  /** `url` is the simulator's root URL, e.g. DfnsSimulator.url or what the CLI printed. */
  constructor(
    readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await httpRequest(`${this.url.replace(/\/+$/, "")}/_sim/${path}`, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: this.timeoutMs,
    });
    if (res.status !== 200) throw new Error(`simulator control ${method} ${path}: ${res.status} ${res.body}`);
    return JSON.parse(res.body) as T;
  }

  info(): Promise<SimulatorInfo> {
    return this.call("GET", "info");
  }

  /** `null` clears the fault. */
  async setFault(fault: Fault | null): Promise<void> {
    await this.call("POST", "fault", fault);
  }

  /** Serve these raw items verbatim. Returns the list length. */
  async setPats(items: unknown[]): Promise<number> {
    return (await this.call<{ count: number }>("POST", "pats", { items })).count;
  }

  async generate(count: number, options: GenerateOptions = {}): Promise<number> {
    return (await this.call<{ count: number }>("POST", "pats", { generate: { ...options, count } })).count;
  }

  async issueToken(options: IssueTokenOptions = {}): Promise<string> {
    return (await this.call<{ token: string }>("POST", "tokens", options)).token;
  }

  async revokeToken(token: string): Promise<boolean> {
    return (await this.call<{ revoked: boolean }>("POST", "revoke", { token })).revoked;
  }

  async requests(): Promise<RecordedRequest[]> {
    return (await this.call<{ requests: RecordedRequest[] }>("GET", "requests")).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "requests");
  }

  /** `null` unsets a setting, an omitted key leaves it unchanged. */
  async configure(config: { pageSize?: number | null; appId?: string | null }): Promise<void> {
    await this.call("POST", "config", config);
  }

  async reset(): Promise<void> {
    await this.call("POST", "reset");
  }
}

// Runs the Dfns simulator in a child process. In the benchmark's own process its JSON.stringify and
// socket writes would share the event loop and the heap with the contenders being timed; apart, the
// server works on the other core as a real one would, and the heap figures hold only the client side.
import { type ChildProcess, fork } from "node:child_process";
import { Server } from "node:http";
import { performance } from "node:perf_hooks";
import { DfnsSimulator } from "../sim/simulator";
import { median } from "./stats";

export interface ListShape {
  readonly count: number;
  readonly assignmentsPerPat: number;
  readonly operationsPerAssignment: number;
}

export interface Generated {
  /** Size of the `GET /auth/pats` body the simulator now serves. */
  readonly bodyBytes: number;
  /** What the simulator spends serialising that body on every request (part of every contender's time). */
  readonly serialiseMs: number;
}

type Request = { id: number; op: "generate"; shape: ListShape } | { id: number; op: "stop" };
type Reply = { id: number; result?: unknown; error?: string };
type Ready = { ready: true; url: string; token: string };

export class SimProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly token: string,
  ) {
    child.on("message", (message: Reply) => {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  static start(): Promise<SimProcess> {
    // execArgv: [] so the parent's --expose-gc and the like do not leak into the server.
    const child = fork(__filename, ["--child"], {
      execArgv: [],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`simulator process exited early (${code})`)));
      child.once("message", (message: Ready) => resolve(new SimProcess(child, message.url, message.token)));
    });
  }

  generate(shape: ListShape): Promise<Generated> {
    return this.call({ id: this.nextId++, op: "generate", shape }) as Promise<Generated>;
  }

  async stop(): Promise<void> {
    // Drop start()'s "exited early" listener: from here on, exiting is what is asked for.
    this.child.removeAllListeners("exit");
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await this.call({ id: this.nextId++, op: "stop" });
    await exited;
  }

  private call(request: Request): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, (reply) =>
        reply.error ? reject(new Error(reply.error)) : resolve(reply.result),
      );
      this.child.send(request);
    });
  }
}

async function child(): Promise<void> {
  const sim = await DfnsSimulator.start({ patCount: 0, seed: 1 });
  // Node's http server drops a keep-alive socket after 5 s idle. While a contender keeps the bench's
  // event loop busy for seconds, undici cannot notice the close in time, reuses the dead socket and
  // fetch fails with "other side closed". Real gateways keep idle connections far longer; so does this.
  const server = (sim as unknown as { server?: unknown }).server;
  if (!(server instanceof Server))
    throw new Error("DfnsSimulator has no `server` field any more: update sim.ts");
  server.keepAliveTimeout = 10 * 60_000;
  // The whole bench takes minutes; a token good for a day never expires under it.
  const token = sim.issueToken({ expiresInSeconds: 24 * 3600 });
  process.on("message", async (request: Request) => {
    try {
      if (request.op === "stop") {
        await sim.stop();
        process.send?.({ id: request.id }, () => process.disconnect());
        return;
      }
      const { count, ...shape } = request.shape;
      sim.generate(count, shape);
      const times: number[] = [];
      let body = "";
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        body = JSON.stringify({ items: sim.pats });
        times.push(performance.now() - started);
      }
      const result: Generated = { bodyBytes: Buffer.byteLength(body), serialiseMs: median(times) };
      process.send?.({ id: request.id, result });
    } catch (error) {
      process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // Should the bench die without saying stop, the closed IPC channel still ends this process.
  process.once("disconnect", () => process.exit(0));
  process.send?.({ ready: true, url: sim.url, token } satisfies Ready);
}

if (require.main === module && process.argv.includes("--child")) {
  child().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

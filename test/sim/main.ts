// CLI: run the Dfns simulator for a human (or a demo script) to point the extension at.
//   node out/test/sim/main.js [--port N] [--count N] [--seed N] [--app-id X] [--page-size N]
//                             [--base-path /p] [--json]
import { DfnsSimulator } from "./simulator";

export interface CliOptions {
  port: number;
  count: number;
  seed: number;
  appId?: string;
  pageSize?: number;
  basePath?: string;
  /** Print one machine-readable JSON line instead of the human banner. */
  json: boolean;
}

export const USAGE =
  "usage: node out/test/sim/main.js [--port N] [--count N] [--seed N] [--app-id X] " +
  "[--page-size N] [--base-path /prefix] [--json]";

function int(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min)
    throw new Error(`${flag} needs an integer >= ${min}`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { port: 0, count: 25, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case "--port":
        opts.port = int(flag, value(), 0);
        break;
      case "--count":
        opts.count = int(flag, value(), 0);
        break;
      case "--seed":
        opts.seed = int(flag, value(), 0);
        break;
      case "--page-size":
        opts.pageSize = int(flag, value(), 1);
        break;
      case "--app-id":
      case "--base-path": {
        const v = value();
        if (!v) throw new Error(`${flag} needs a value`);
        if (flag === "--app-id") opts.appId = v;
        else opts.basePath = v;
        break;
      }
      case "--json":
        opts.json = true;
        break;
      default:
        throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  return opts;
}

/** Start a seeded simulator and issue a demo token valid for a month; prints both unless `log` is silenced. */
export async function startFromArgs(
  argv: readonly string[],
  log: (line: string) => void = console.log,
): Promise<{ sim: DfnsSimulator; token: string; options: CliOptions }> {
  const options = parseArgs(argv);
  const sim = await DfnsSimulator.start({
    port: options.port,
    seed: options.seed,
    patCount: options.count,
    appId: options.appId,
    pageSize: options.pageSize,
    basePath: options.basePath,
  });
  const token = sim.issueToken({ expiresInSeconds: 30 * 24 * 3600 });
  const baseUrl = sim.url + sim.basePath;
  if (options.json) {
    log(JSON.stringify({ url: sim.url, baseUrl, token, appId: options.appId ?? null }));
  } else {
    log(`Dfns simulator listening on ${sim.url}`);
    log(`  Base URL:  ${baseUrl}`);
    log(`  PATs:      ${options.count} (seed ${options.seed}), user ${sim.identity.userId}`);
    if (options.appId) log(`  App ID:    ${options.appId}`);
    log("  Demo token (generated now, valid for a month, only works against this simulator):");
    log("");
    log(token);
    log("");
    log(`  Control:   ${sim.url}/_sim/  (fault, pats, tokens, revoke, requests, config, reset, info)`);
    log("  Press Ctrl+C to stop.");
  }
  return { sim, token, options };
}

if (require.main === module) {
  startFromArgs(process.argv.slice(2)).then(
    ({ sim }) => {
      const shutdown = (): void => {
        sim.stop().then(() => {
          process.exitCode = 0;
        });
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 2;
    },
  );
}

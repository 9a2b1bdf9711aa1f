// `npm run demo`: the product in two minutes without a Dfns account. Starts the Dfns simulator with
// realistic seeded tokens and a real VS Code (in the browser) with the packaged extension installed,
// prints what to open and paste, and stops everything on Ctrl+C.
import * as fs from "node:fs";
import * as path from "node:path";
import { installSignalHandlers } from "./vscode/harness/cleanup";
import { ensureInstalled } from "./vscode/harness/install";
import { vsixPath } from "./vscode/harness/paths";
import { startServer } from "./vscode/harness/server";
import { startSimulator } from "./vscode/harness/simulator";

interface DemoPat {
  name: string;
  tokenId: string;
  credId: string;
  isActive: boolean;
}

/** A file to hover over: Dfns ids explain themselves in the editor. */
function writeSampleFile(workspace: string, pats: readonly DemoPat[]): string {
  const pat = pats.find((candidate) => candidate.isActive && candidate.credId !== "") ?? pats[0];
  const file = path.join(workspace, "dfns.env");
  const lines = [
    "# Hover over the ids below: the Dfns PAT Explorer explains them once the token list is loaded.",
    `DFNS_TOKEN_ID=${pat?.tokenId ?? ""}`,
    `DFNS_CRED_ID=${pat?.credId ?? ""}`,
    "DFNS_UNKNOWN_TOKEN=to-00000-00000-0000000000000000",
    "",
  ];
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}

async function main(): Promise<void> {
  installSignalHandlers();
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);
  console.log("Preparing VS Code (the first run installs it into .vscode-test/, a few minutes)…");
  const inst = await ensureInstalled();
  const simulator = await startSimulator({ patCount: 40, seed: 1 });
  const server = await startServer(inst, { name: "demo", vsix: [vsixPath] });
  const sample = writeSampleFile(server.workspace, simulator.sim.pats as DemoPat[]);
  // A month, like a real PAT: the view warns only from dfns.tokenExpiryWarningDays (7) before expiry.
  const token = simulator.sim.issueToken({ expiresInSeconds: 30 * 24 * 3600 });

  console.log(`
Dfns PAT Explorer demo: VS Code ${path.basename(vsixPath)} against a local Dfns simulator.

  1. Open this in a browser:   ${server.workbenchUrl()}
  2. Click the Dfns key icon in the activity bar, then Sign In (or F1, "Dfns: Sign In").
  3. Choose "Custom URL…" and enter:
       Base URL:  ${simulator.sim.url}
       Token:     ${token}
       App ID:    (leave empty, press Enter)
  4. Explore: expand tokens, copy ids, F1 "Dfns: List PATs", "Dfns: Find Tokens Granting…",
     "Dfns: PAT Report", hover the ids in ${path.basename(sample)}.

The simulator serves ${simulator.sim.pats.length} generated tokens; the token above was made by it for this
run (no real Dfns token is involved) and is valid for a month. Press Ctrl+C to stop everything.
`);
  await new Promise(() => undefined); // until Ctrl+C; the signal handler stops the servers
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

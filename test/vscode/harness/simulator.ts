// Starts the Dfns simulator in the runner's process and says how tests in other processes reach it.
import { DfnsSimulator, type SimulatorOptions } from "../../sim/simulator";
import { onCleanup } from "./cleanup";
import { ENV } from "./env";

export interface RunningSimulator {
  sim: DfnsSimulator;
  /** A token the simulator accepts. */
  token: string;
  /** DFNS_SIM_URL and DFNS_SIM_TOKEN, for the VS Code server (and so the extension host). */
  env: Record<string, string>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await DfnsSimulator.start(options);
  onCleanup("Dfns simulator", () => sim.stop());
  // Valid for a month, like a real PAT: far from the expiry warning, which tests ask for on purpose.
  const token = sim.issueToken({ expiresInSeconds: 30 * 24 * 3600 });
  return { sim, token, env: { [ENV.simUrl]: sim.url, [ENV.simToken]: token } };
}

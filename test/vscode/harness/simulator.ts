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
  const token = sim.issueToken();
  return { sim, token, env: { [ENV.simUrl]: sim.url, [ENV.simToken]: token } };
}

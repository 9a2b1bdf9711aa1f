// How an in-host test reaches the Dfns simulator that its runner started: the runner puts the URL and
// a token in the VS Code server's environment, which the extension host inherits.
import { SimulatorControl } from "../../sim/control";
import { ENV } from "../harness/env";

export interface HostSimulator {
  /** Root URL, e.g. http://127.0.0.1:41234. */
  url: string;
  /** A token the simulator accepts. */
  token: string;
  /** Steers the simulator (faults, PAT lists, requests seen) over its /_sim/ API. */
  control: SimulatorControl;
}

export function hostSimulator(): HostSimulator {
  const url = process.env[ENV.simUrl];
  const token = process.env[ENV.simToken];
  if (!url || !token)
    throw new Error(`${ENV.simUrl}/${ENV.simToken} are not set: the runner starts the simulator`);
  return { url, token, control: new SimulatorControl(url) };
}

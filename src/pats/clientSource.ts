import type { Connection } from "../connections/connectionStore";
import type { ClientSettings } from "../settings";
import type { Logger } from "../util/logger";
import type { PatSource } from "./patList";

/**
 * A PatSource that loads the Dfns client, and with it axios, on the first request rather than at
 * activation: axios probes Node's fetch when it loads, which costs tens of milliseconds that a
 * user who never opens the view should not pay. esbuild keeps the module in the one bundle, but
 * evaluates it only when this import first runs.
 */
export function lazyClientSource(
  connection: Connection,
  settings: () => ClientSettings,
  logger: Logger,
): PatSource {
  return {
    async listPats(signal) {
      const { DfnsClient } = await import("../dfns/client");
      return new DfnsClient({ ...connection, ...settings(), logger }).listPats(signal);
    },
  };
}

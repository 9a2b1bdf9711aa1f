import type { Connection, ConnectionStore } from "./connections/connectionStore";
import type { PatListService, PatSource } from "./pats/patList";
import type { PatTreeView } from "./tree/patTreeView";
import type { Logger } from "./util/logger";

/** What the commands work with; built once in extension.ts. */
export interface Services {
  readonly connections: ConnectionStore;
  readonly patList: PatListService;
  readonly treeView: PatTreeView;
  readonly logger: Logger;
  /** A client for a connection not yet stored (sign-in checks the token with it first). */
  readonly sourceFor: (connection: Connection) => PatSource;
  readonly showLog: () => void;
}

import type { Connection, ConnectionStore } from "./connections/connectionStore";
import type { PatSource } from "./pats/patList";
import type { PatLists } from "./pats/patLists";
import type { PatTreeView } from "./tree/patTreeView";
import type { Logger } from "./util/logger";

/** What the commands work with; built once in extension.ts. */
export interface Services {
  readonly connections: ConnectionStore;
  /** One PAT list per signed-in connection. */
  readonly lists: PatLists;
  readonly treeView: PatTreeView;
  readonly logger: Logger;
  /** A client for a connection not yet stored (sign-in checks the token with it first). */
  readonly sourceFor: (connection: Connection) => PatSource;
  readonly showLog: () => void;
}

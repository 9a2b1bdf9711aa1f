import type { ConnectionInfo } from "../connections/connectionStore";
import type { PatList } from "../dfns/types";
import { type Disposable, Emitter } from "../util/emitter";
import type { Logger } from "../util/logger";
import { PatListService, type PatListState, type PatSourceFactory } from "./patList";

/** One signed-in connection and its list. */
export interface ConnectionList {
  readonly connection: ConnectionInfo;
  readonly list: PatListService;
}

/**
 * The PAT lists of every signed-in connection, in the order they were added. Each connection keeps
 * its own list, request and failure, so a slow or failing one never holds back the others.
 */
export class PatLists implements Disposable {
  private readonly changed = new Emitter<void>();
  /** Fires when a connection comes or goes, or any list changes. */
  readonly onDidChange = this.changed.event;
  private current: { entry: ConnectionList; subscription: Disposable }[] = [];

  constructor(
    private readonly sourceFor: PatSourceFactory,
    private readonly logger: Logger,
  ) {}

  get entries(): readonly ConnectionList[] {
    return this.current.map(({ entry }) => entry);
  }

  get states(): readonly PatListState[] {
    return this.current.map(({ entry }) => entry.list.state);
  }

  get signedIn(): boolean {
    return this.current.length > 0;
  }

  find(connectionId: string): ConnectionList | undefined {
    return this.current.find(({ entry }) => entry.connection.id === connectionId)?.entry;
  }

  /** Follows the store: keeps the lists of connections that stay, drops those that went. */
  setConnections(connections: readonly ConnectionInfo[]): void {
    const next = connections.map((connection) => {
      const kept = this.current.find(({ entry }) => entry.connection.id === connection.id);
      if (kept) {
        kept.entry.list.setConnection(connection);
        return { entry: { connection, list: kept.entry.list }, subscription: kept.subscription };
      }
      const list = new PatListService(this.sourceFor, this.logger);
      list.setConnection(connection);
      return { entry: { connection, list }, subscription: list.onDidChange(() => this.changed.fire()) };
    });
    for (const old of this.current) {
      if (!next.some(({ entry }) => entry.list === old.entry.list)) {
        old.subscription.dispose();
        old.entry.list.dispose();
      }
    }
    this.current = next;
    this.changed.fire();
  }

  /** Hands over a list just fetched for a connection (sign-in checks the token that way). */
  seed(connection: ConnectionInfo, list: PatList): void {
    this.find(connection.id)?.list.setConnection(connection, list);
  }

  refreshAll(): Promise<PatListState[]> {
    return Promise.all(this.current.map(({ entry }) => entry.list.refresh()));
  }

  /** Each list as already fetched, fetching those never fetched. */
  ensureAllLoaded(): Promise<PatListState[]> {
    return Promise.all(this.current.map(({ entry }) => entry.list.ensureLoaded()));
  }

  /** The view was closed: what only the view was waiting for is cancelled. */
  cancelForClosedView(): void {
    for (const { entry } of this.current) entry.list.cancelUnlessAwaited();
  }

  dispose(): void {
    for (const { entry, subscription } of this.current) {
      subscription.dispose();
      entry.list.dispose();
    }
    this.current = [];
    this.changed.dispose();
  }
}

import type { PatSnapshot } from "../pats/patList";
import type { PatLists } from "../pats/patLists";
import type { Disposable } from "../util/emitter";
import { IdIndex } from "./idIndex";

/**
 * The id index of the lists already fetched, across connections, rebuilt only when one of those
 * lists changes (not per hover, and not on a loading flag flipping). It never fetches: the hover
 * must cost no request.
 */
export class LiveIdIndex implements Disposable {
  private built: IdIndex = IdIndex.empty;
  private sources: readonly (PatSnapshot | undefined)[] = [];
  private labels = "";
  private readonly subscription: Disposable;

  constructor(private readonly lists: PatLists) {
    this.subscription = lists.onDidChange(() => this.follow());
    this.follow();
  }

  get index(): IdIndex {
    return this.built;
  }

  /** False until a list has been fetched: then "unknown" means nothing. */
  get loaded(): boolean {
    return this.sources.some((snapshot) => snapshot !== undefined);
  }

  /** Where the lists came from, for "not among your listed tokens on ...". */
  get host(): string | undefined {
    const names = this.lists.entries.map(({ connection }) =>
      this.lists.entries.length === 1 ? connection.host : connection.label,
    );
    return names.length > 0 ? names.join(", ") : undefined;
  }

  /** When the oldest of the lists was fetched. */
  get fetchedAt(): Date | undefined {
    const times = this.sources.flatMap((snapshot) => (snapshot ? [snapshot.fetchedAt.getTime()] : []));
    return times.length > 0 ? new Date(Math.min(...times)) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private follow(): void {
    const entries = this.lists.entries;
    const sources = entries.map(({ list }) => list.state.snapshot);
    // A rename changes what the hover calls a connection, not its list.
    const labels = entries.map(({ connection }) => connection.label).join("\n");
    const same =
      labels === this.labels &&
      sources.length === this.sources.length &&
      sources.every((snapshot, i) => snapshot === this.sources[i]);
    if (same) return;
    this.sources = sources;
    this.labels = labels;
    const several = entries.length > 1;
    this.built = this.loaded
      ? IdIndex.build(
          entries.flatMap(({ connection, list }) => {
            const snapshot = list.state.snapshot;
            if (!snapshot) return [];
            const label = several ? connection.label : connection.host;
            return [
              {
                connectionId: connection.id,
                connectionLabel: label,
                host: connection.host,
                pats: snapshot.list.pats,
              },
            ];
          }),
        )
      : IdIndex.empty;
  }
}

import type { PatListService, PatListState, PatSnapshot } from "../pats/patList";
import type { Disposable } from "../util/emitter";
import { IdIndex } from "./idIndex";

/**
 * The id index of the list already fetched, rebuilt only when that list changes (not per hover,
 * and not on the loading flag flipping). It never fetches: the hover must cost no request.
 */
export class LiveIdIndex implements Disposable {
  private built: IdIndex = IdIndex.empty;
  private source: PatSnapshot | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly patList: PatListService) {
    this.subscription = patList.onDidChange((state) => this.follow(state));
    this.follow(patList.state);
  }

  get index(): IdIndex {
    return this.built;
  }

  /** False until a list has been fetched for the current connection: then "unknown" means nothing. */
  get loaded(): boolean {
    return this.source !== undefined;
  }

  /** The connection the list came from, for "not among your listed tokens on ...". */
  get host(): string | undefined {
    return this.patList.state.connection?.host;
  }

  get fetchedAt(): Date | undefined {
    return this.source?.fetchedAt;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private follow(state: PatListState): void {
    if (state.snapshot === this.source) return;
    this.source = state.snapshot;
    const host = state.connection?.host ?? "";
    this.built = state.snapshot
      ? IdIndex.build([{ connectionLabel: host, host, pats: state.snapshot.list.pats }])
      : IdIndex.empty;
  }
}
